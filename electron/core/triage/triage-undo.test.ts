// Undo of triage through the real store and custody log: each undo is a new entry that reverts one
// change, newest first; nothing leaves the log; notes stay.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { CustodyCore } from '../core.ts';
import { closeCase, reopenCase } from '../cases/case.service.ts';
import { getItem } from '../items/item.service.ts';
import { addNote, categorise, setSeverity, tagItems } from './triage.service.ts';
import { undoLastTriage } from './triage-undo.ts';
import { entriesFor, verifyLog } from '../custody/custody-log.ts';
import { seededVault } from '../../../tests/helpers/vault.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let caseId: string;
let a: string;
let b: string;

beforeAll(async () => {
  const seeded = await seededVault({ cases: 1, itemsPerCase: 2, kind: 'harassment' });
  ({ core, cleanup } = seeded);
  const [only] = seeded.cases;
  caseId = only?.id ?? '';
  [a = '', b = ''] = only?.items.map((i) => i.id) ?? [];
});
afterAll(() => cleanup());

const triageOf = (id: string) => {
  const { category, severity, tags } = getItem(core.vault(), id);
  return { category, severity, tags };
};
const log = (id: string) =>
  entriesFor(core.vault().db, { itemId: id })
    .filter((e) => e.action === 'item.categorised' || e.action === 'item.annotated')
    .map((e) => ({ seq: e.seq, action: e.action, details: e.details }));

describe('triage undo', () => {
  it('reverts a slip of the category key with a new entry; the log keeps both', () => {
    const vault = core.vault();
    categorise(vault, [a], 'harassment');
    categorise(vault, [a], 'doxxing');
    const before = log(a);
    const slip = before.at(-1);
    expect(slip?.details).toEqual({ category: 'doxxing', previous: 'harassment' });

    const undo = undoLastTriage(vault, a);
    expect(undo).toEqual({
      itemId: a,
      category: 'harassment',
      severity: null,
      tags: [],
      undone: { field: 'category', entry: slip?.seq, restored: 'harassment' },
    });
    expect(triageOf(a).category).toBe('harassment');
    const after = log(a);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      {
        seq: expect.any(Number) as number,
        action: 'item.categorised',
        details: { category: 'harassment', previous: 'doxxing', undoes: slip?.seq },
      },
    ]);
    expect(verifyLog(vault).ok).toBe(true);
  });

  it('steps further back on each undo, across fields, newest first; notes stay', () => {
    const vault = core.vault();
    setSeverity(vault, [b], 2);
    categorise(vault, [b], 'other');
    setSeverity(vault, [b], 5);
    tagItems(vault, [b], 'скриншот', true);
    tagItems(vault, [b], 'скриншот', true); // already on: no change, nothing to undo
    addNote(vault, b, 'این یادداشت می‌ماند');
    expect(triageOf(b)).toEqual({ category: 'other', severity: 5, tags: ['скриншот'] });

    expect(undoLastTriage(vault, b).undone).toMatchObject({ field: 'tag', restored: false });
    expect(triageOf(b)).toEqual({ category: 'other', severity: 5, tags: [] });
    expect(undoLastTriage(vault, b).undone).toMatchObject({ field: 'severity', restored: 2 });
    expect(undoLastTriage(vault, b).undone).toMatchObject({ field: 'category', restored: null });
    expect(undoLastTriage(vault, b).undone).toMatchObject({ field: 'severity', restored: null });
    expect(triageOf(b)).toEqual({ category: null, severity: null, tags: [] });
    expect(undoLastTriage(vault, b).undone).toBeNull();
    expect(getItem(vault, b).notes.map((n) => n.body)).toEqual(['این یادداشت می‌ماند']);
    expect(verifyLog(vault).ok).toBe(true);
  });

  it('puts a removed tag back', () => {
    const vault = core.vault();
    tagItems(vault, [b], 'منشور', true);
    tagItems(vault, [b], 'منشور', false);
    expect(undoLastTriage(vault, b).undone).toMatchObject({
      field: 'tag',
      tag: 'منشور',
      restored: true,
    });
    expect(triageOf(b).tags).toEqual(['منشور']);
  });

  it('refuses on a closed case, and names an unknown item', () => {
    const vault = core.vault();
    closeCase(vault, caseId);
    const entries = log(a).length;
    expect(() => undoLastTriage(vault, a)).toThrow(/closed/i);
    expect(log(a)).toHaveLength(entries);
    reopenCase(vault, caseId);
    expect(() => undoLastTriage(vault, 'i_absent')).toThrow(/i_absent/);
  });
});
