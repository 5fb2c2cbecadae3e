// Non-image items get an icon for their kind: the sniffed type decides, the extension only when
// the content said nothing.
import { describe, expect, it } from 'vitest';
import { extensionLabel, fileFamily } from './file-kind.ts';

describe('fileFamily', () => {
  it.each([
    ['text/plain', 'chat-export.txt', 'text'],
    ['application/pdf', 'report.pdf', 'document'],
    ['application/zip', 'photos.zip', 'archive'],
    ['application/json', 'export.json', 'data'],
    ['text/html', 'page.html', 'web'],
    ['video/mp4', 'clip.mp4', 'video'],
    ['audio/ogg', 'voice.opus', 'audio'],
    ['application/x-msdownload', 'setup.exe', 'program'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a.xlsx', 'spreadsheet'],
  ])('%s (%s) is %s', (mime, name, family) => {
    expect(fileFamily(mime, name)).toBe(family);
  });

  it('trusts the content over the name, and the name only when the content is unknown', () => {
    expect(fileFamily('application/zip', 'invoice.pdf')).toBe('archive');
    expect(fileFamily('application/octet-stream', 'rtl-\u202egnp.exe')).toBe('program');
    expect(fileFamily('application/octet-stream', 'blob')).toBe('other');
  });

  it('labels only plain extensions', () => {
    expect(extensionLabel('report.pdf')).toBe('PDF');
    expect(extensionLabel('x.\u202eexe')).toBeNull();
    expect(extensionLabel('noext')).toBeNull();
  });
});
