import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DOC_LINES,
  DOC_LINK,
  DOC_PROPERTIES,
  docx,
  odt,
} from '../../../../tests/fixtures/written/make-office.ts';
import { zipOf } from '../../../../tests/fixtures/written/zip-of.ts';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import { extractDocument } from './document.extractor.ts';

describe('extractDocument', () => {
  it.each([
    ['DOCX', docx, 'word/media/image1.png', /wordprocessingml/],
    ['ODT', odt, 'Pictures/red.png', /opendocument\.text/],
  ])(
    'reads a %s: text in reading order, properties, link and image',
    async (_, make, image, mime) => {
      const result = await extractDocument(
        { bytes: await make(), name: 'statement' },
        DEFAULT_LIMITS,
      );
      expect(result.kind).toBe('document');
      expect(result.mime).toMatch(mime);
      expect(result.text?.split('\n')).toEqual(DOC_LINES);
      expect(result.facts).toMatchObject({
        title: DOC_PROPERTIES.title,
        author: DOC_PROPERTIES.author,
      });
      expect(result.eventAt).toBe(DOC_PROPERTIES.createdAt);
      expect(result.links).toEqual([DOC_LINK]);
      expect(result.children.map((c) => c.path)).toEqual([image]);
      const meta = await sharp(Buffer.from(result.children[0]!.bytes)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
      expect(result.damaged).toBeNull();
    },
  );

  it('leaves a part out when it would expand past the ratio limit, and says so', async () => {
    const bomb = await zipOf([
      {
        name: 'word/document.xml',
        bytes:
          '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>',
      },
      { name: 'word/media/zeros.bin', bytes: Buffer.alloc(4 * 1024 * 1024) },
    ]);
    const result = await extractDocument({ bytes: bomb, name: 'bomb.docx' }, DEFAULT_LIMITS);
    expect(result.text).toBe('x');
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/left out/);
  });

  it('refuses a ZIP that is no document, with the reason', async () => {
    const other = await zipOf([{ name: 'readme.txt', bytes: 'hello' }]);
    await expect(extractDocument({ bytes: other, name: 'x.docx' }, DEFAULT_LIMITS)).rejects.toThrow(
      /neither word\/document\.xml nor content\.xml/,
    );
  });
});
