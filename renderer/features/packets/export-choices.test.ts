import { describe, expect, it } from 'vitest';
import { exportName } from './export-choices.ts';

describe('export names', () => {
  const at = new Date(2026, 2, 4, 5, 6);
  it('names a CyberTip draft as a folder and the JSON exports by their type, never by the case', () => {
    expect(exportName('ncmec', at)).toBe('custody-cybertip-draft-2026-03-04-0506');
    expect(exportName('vics', at)).toBe('custody-vics-2026-03-04-0506.json');
    expect(exportName('case-uco', at)).toBe('custody-case-uco-2026-03-04-0506.jsonld');
  });
});
