// Every word of the category schemes has its message, saying exactly the data's English: a scheme,
// category, reason or condition added or reworded in shared/domain without its message fails here
// (and then, once declared, the catalogs test asks for its Arabic, Farsi and Russian).
import { describe, expect, it } from 'vitest';
import { categoryId, categoryMappings, categorySchemes } from '../domain/category-schemes.ts';
import {
  categoryDefinitions,
  categoryLabels,
  mappingMessage,
  schemeNames,
} from './scheme-messages.ts';

const categories = categorySchemes.flatMap((s) =>
  s.categories.map((c) => ({ ...c, id: categoryId(s.id, c.code), scheme: s.id })),
);

describe('scheme messages', () => {
  it('names every scheme as the data does', () => {
    expect(Object.keys(schemeNames).sort()).toEqual(categorySchemes.map((s) => s.id).sort());
    for (const s of categorySchemes) expect(schemeNames[s.id].defaultMessage).toBe(s.name);
  });

  it("labels every category whose label is more than its code (Custody's in the renderer)", () => {
    const worded = categories.filter((c) => c.scheme !== 'custody' && c.label !== c.code);
    expect(Object.keys(categoryLabels).sort()).toEqual(worded.map((c) => c.id).sort());
    for (const c of worded) expect(categoryLabels[c.id]?.defaultMessage, c.id).toBe(c.label);
  });

  it('defines every category of every scheme', () => {
    expect(Object.keys(categoryDefinitions).sort()).toEqual(categories.map((c) => c.id).sort());
    for (const c of categories)
      expect(categoryDefinitions[c.id]?.defaultMessage, c.id).toBe(c.definition);
  });

  it('says every reason and condition of the mapping', () => {
    const texts = new Set(categoryMappings.flatMap((m) => [m.reason, m.condition ?? []].flat()));
    const missing = [...texts].filter((t) => mappingMessage(t) === undefined);
    expect(missing).toEqual([]);
    expect(mappingMessage('a reason nobody wrote')).toBeUndefined();
  });

  it('keeps official codes as codes: no message for a label that is its code (A1, B2)', () => {
    expect(categoryLabels['industry:A1']).toBeUndefined();
    expect(categoryDefinitions['industry:A1']?.defaultMessage).toBe(
      'Prepubescent minor; a sex act.',
    );
  });
});
