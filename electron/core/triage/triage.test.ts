import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import type { CustodyCore } from '../core.ts';
import { getItem, listItems } from '../items/item.service.ts';
import { categorise, setSeverity, tagItems, addNote, listCategories } from './triage.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import { closeCase, reopenCase } from '../cases/case.service.ts';
import { allEntries, verifyLog } from '../custody/custody-log.ts';
import { seededVault, unveilTo } from '../../../tests/helpers/vault.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let caseId: string;
let ids: string[];

beforeAll(async () => {
  const seeded = await seededVault({ cases: 1, itemsPerCase: 4, kind: 'harassment' });
  ({ core, cleanup } = seeded);
  caseId = seeded.cases[0]?.id ?? '';
  ids = seeded.cases[0]?.items.map((i) => i.id) ?? [];
});
afterAll(() => cleanup());

describe('triage', () => {
  it('numbers the default scheme 1..9 for the number keys', () => {
    const cats = listCategories(core.vault());
    expect(cats.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cats.at(-1)?.code).toBe('not-actionable');
  });

  it('categorises, sets severity, tags and annotates, each with a custody entry', () => {
    const vault = core.vault();
    const [a = '', b = ''] = ids;
    const before = allEntries(vault.db).length;
    categorise(vault, [a, b], 'harassment');
    setSeverity(vault, [a], 4);
    tagItems(vault, [a], 'منشور-١', true);
    addNote(vault, a, 'Поддельный аккаунт, см. تذكرة 42');
    const item = getItem(vault, a);
    expect(item).toMatchObject({ category: 'harassment', severity: 4, tags: ['منشور-١'] });
    expect(item.notes.map((n) => n.body)).toEqual(['Поддельный аккаунт, см. تذكرة 42']);
    const actions = allEntries(vault.db)
      .slice(before)
      .map((e) => e.action);
    expect(actions).toEqual([
      'item.categorised',
      'item.categorised',
      'item.categorised',
      'item.annotated',
      'item.annotated',
    ]);
    expect(verifyLog(vault).ok).toBe(true);
    expect(() => categorise(vault, [a], 'spam')).toThrow(/No category "spam"/);
    expect(() => addNote(vault, a, '   ')).toThrow(/empty/);
  });

  it('filters the grid by category, untriaged, kind, flag and name', () => {
    const vault = core.vault();
    const list = (filter: Parameters<typeof listItems>[4]) =>
      listItems(vault, caseId, 0, 100, filter).items.map((i) => i.id);
    expect(list({ category: 'harassment' }).sort()).toEqual([ids[0], ids[1]].sort());
    expect(list({ category: 'untriaged' }).sort()).toEqual([ids[2], ids[3]].sort());
    expect(list({ kind: 'opaque' })).toEqual([]);
    expect(list({ search: 'IMAGE-2' })).toEqual([ids[2]]);
    expect(listItems(vault, caseId, 0, 1, {}).total).toBe(4);
  });

  it('measures exposure from the custody log: today, this session, and per item', () => {
    const [a = '', , c = ''] = ids;
    const seconds = readSettings(core.vault()).revealSeconds;
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    unveilTo(core, a, 'outline');
    vi.setSystemTime(t0 + 2_000);
    unveilTo(core, c, 'plain'); // re-veils a after 2 s
    vi.setSystemTime(t0 + 4_500);
    core.reveal.veilAll(); // c after 2.5 s
    const e = core.reveal.exposure();
    expect(e.sessionItems).toBe(2);
    expect(e.todayItems).toBe(2);
    expect(e.sessionSeconds).toBeCloseTo(4.5, 5);
    expect(getItem(core.vault(), a).exposureSeconds).toBeCloseTo(2, 5);
    // An unveiling that lapses counts only up to its expiry (the vault's reveal duration).
    unveilTo(core, c, 'outline');
    vi.setSystemTime(t0 + 4_500 + seconds * 1000 + 60_000);
    core.reveal.veilAll();
    expect(getItem(core.vault(), c).exposureSeconds).toBeCloseTo(2.5 + seconds, 5);
    vi.useRealTimers();
    unveilTo(core, a, 'grey');
    const running = core.reveal.exposure();
    expect(running.current).toMatchObject({ itemId: a, step: 'grey' });
    // a was unveiled before: unveiling it again does not count it twice.
    expect(running.sessionItems).toBe(2);
    core.reveal.veilAll();
    const veiled = allEntries(core.vault().db).filter((x) => x.action === 'item.veiled');
    expect(veiled.map((x) => x.details['highest'])).toEqual([
      'outline',
      'plain',
      'outline',
      'grey',
    ]);
  });
});

describe('triage of a closed case', () => {
  it('is refused by the core, whichever surface asks, and changes nothing', () => {
    const vault = core.vault();
    const [a = ''] = ids;
    const before = getItem(vault, a);
    const entries = allEntries(vault.db).length;
    closeCase(vault, caseId);
    try {
      expect(() => categorise(vault, [a], 'terrorism')).toThrow(
        expect.objectContaining({ code: 'CASE_CLOSED' }),
      );
      expect(() => setSeverity(vault, [a], 1)).toThrow(
        expect.objectContaining({ code: 'CASE_CLOSED' }),
      );
      expect(() => tagItems(vault, [a], 'late', true)).toThrow(
        expect.objectContaining({ code: 'CASE_CLOSED' }),
      );
      const after = getItem(vault, a);
      expect(after).toMatchObject({
        category: before.category,
        severity: before.severity,
        tags: before.tags,
      });
      // Only the close itself was logged.
      expect(allEntries(vault.db).length).toBe(entries + 1);
    } finally {
      reopenCase(vault, caseId);
    }
  });
});
