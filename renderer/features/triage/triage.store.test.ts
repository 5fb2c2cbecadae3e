// @vitest-environment happy-dom
// Triage changes the screen only once the core confirmed it, and says what it did.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody, Refusal } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import { defaultCategories } from '../../../shared/domain/triage.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { useEvidence } from '../evidence/evidence.store.ts';
import { primaryScheme, useTriage } from './triage.store.ts';
import { runTriageCommand } from './triage-commands.ts';

const CASE = 'c_aaaaaaaaaaaaaaaa';
const ids = ['i_aaaaaaaaaaaaaaaa', 'i_bbbbbbbbbbbbbbbb'];
const summaries: ItemSummary[] = ids.map((id, i) => ({
  id,
  caseId: CASE,
  kind: 'image',
  mime: 'image/png',
  originalName: `تصویر-${i}.png`,
  size: 1,
  width: 1,
  height: 1,
  flags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  parentId: null,
  pathInParent: null,
  damaged: null,
  eventAt: null,
  category: null,
  severity: null,
  tags: [],
}));
const categories = defaultCategories.map((c, i) => ({
  id: c.code,
  scheme: 'default',
  code: c.code,
  label: c.label,
  position: i + 1,
}));

async function openCase(answers: Record<string, (args: never) => unknown>) {
  const core = fakeCustody({
    'items:list': () => ({ items: summaries, total: summaries.length }),
    'triage:categories': () => categories,
    ...answers,
  });
  await useEvidence.getState().open(CASE);
  await useTriage.getState().loadCategories();
  return core;
}

const shown = () => useEvidence.getState().items;

beforeEach(() => resetAllStores());

describe('triage', () => {
  it('categorises by the number key: the scheme position, not the list order', async () => {
    const core = await openCase({ 'triage:categorise': () => ({ updated: 1 }) });
    useEvidence.getState().focus(1);
    await runTriageCommand({ kind: 'categorise', position: 3 }, useEvidence.getState().targets());
    expect(core.calls.at(-1)).toEqual({
      channel: 'triage:categorise',
      args: { itemIds: [ids[1]], category: 'threat-of-violence' },
    });
    expect(shown().map((i) => i?.category)).toEqual([null, 'threat-of-violence']);
    expect(useTriage.getState().notice).toBe('1 item: Threat of violence.');
  });

  it("labels in the reviewer's primary scheme when it is not Custody's: 1 is industry A1", async () => {
    const core = await openCase({
      'hashlists:schemes': () => ({ schemes: ['industry', 'custody'] }),
      'hashlists:label': () => ({ changed: true }),
    });
    useEvidence.getState().focus(1);
    await runTriageCommand({ kind: 'categorise', position: 1 }, useEvidence.getState().targets());
    expect(core.calls.filter((c) => c.channel === 'triage:categorise')).toEqual([]);
    expect(core.calls.filter((c) => c.channel === 'hashlists:label')).toEqual([
      {
        channel: 'hashlists:label',
        args: { itemId: ids[1], categoryId: 'industry:A1', from: null },
      },
    ]);
    expect(useTriage.getState().notice).toBe('1 item: A1 (industry:A1).');
    await runTriageCommand({ kind: 'categorise', position: 5 }, useEvidence.getState().targets());
    expect(useTriage.getState().error).toBe('The scheme has no category 5.');
  });

  it('follows a change of schemes the core took: the number keys label in the new primary', async () => {
    const core = await openCase({
      'hashlists:schemes': () => ({ schemes: ['custody', 'industry', 'vics-us'] }),
      'hashlists:set-schemes': ({ schemes }: { schemes: string[] }) => ({ schemes }),
      'hashlists:label': () => ({ changed: true }),
    });
    expect(primaryScheme(useTriage.getState())).toBe('custody');
    const chosen = await useTriage.getState().chooseSchemes(['uk-sc2014', 'custody']);
    expect(chosen).toEqual({ ok: true, value: ['uk-sc2014', 'custody'] });
    expect(core.calls.filter((c) => c.channel === 'hashlists:set-schemes')).toEqual([
      { channel: 'hashlists:set-schemes', args: { schemes: ['uk-sc2014', 'custody'] } },
    ]);
    useEvidence.getState().focus(0);
    await runTriageCommand({ kind: 'categorise', position: 3 }, useEvidence.getState().targets());
    expect(core.calls.filter((c) => c.channel === 'hashlists:label')).toEqual([
      {
        channel: 'hashlists:label',
        args: { itemId: ids[0], categoryId: 'uk-sc2014:C', from: null },
      },
    ]);
    expect(useTriage.getState().notice).toBe('1 item: Category C (uk-sc2014:C).');
  });

  it('keeps the schemes it had when the core refuses a change, and says why', async () => {
    const core = await openCase({
      'hashlists:schemes': () => ({ schemes: ['industry', 'custody'] }),
    });
    core.answer('hashlists:set-schemes', () => {
      throw new Refusal('INVALID_INPUT', 'COPINE scale (reference) is for reference only.');
    });
    const outcome = await useTriage.getState().chooseSchemes(['copine']);
    expect(outcome.ok).toBe(false);
    expect(useTriage.getState().schemes).toEqual(['industry', 'custody']);
    expect(useTriage.getState().schemesError).toContain('COPINE scale (reference)');
  });

  it('leaves the screen as it was when the core refuses, and says why', async () => {
    await openCase({
      'triage:severity': () => {
        throw new Refusal('CASE_CLOSED', 'The case is closed.');
      },
    });
    const outcome = await useTriage.getState().setSeverity(ids, 4);
    expect(outcome.ok).toBe(false);
    expect(shown().map((i) => i?.severity)).toEqual([null, null]);
    expect(useTriage.getState().error).toBe(
      'The case is closed. Reopen it to change its evidence.',
    );
  });

  it('escalates: severity 5 and the tag, on every selected item', async () => {
    const core = await openCase({
      'triage:severity': () => ({ updated: 2 }),
      'triage:tag': () => ({ updated: 2 }),
    });
    await useEvidence.getState().selectAll();
    await runTriageCommand({ kind: 'escalate' }, useEvidence.getState().targets());
    expect(
      core.calls.filter((c) => c.channel.startsWith('triage:s') || c.channel === 'triage:tag'),
    ).toEqual([
      { channel: 'triage:severity', args: { itemIds: ids, severity: 5 } },
      { channel: 'triage:tag', args: { itemIds: ids, tag: 'escalated', on: true } },
    ]);
    expect(shown().map((i) => [i?.severity, i?.tags])).toEqual([
      [5, ['escalated']],
      [5, ['escalated']],
    ]);
    expect(useTriage.getState().notice).toContain('Escalated 2 items');
  });

  it('takes s and then a digit as a severity, and says what it waits for', async () => {
    await openCase({ 'triage:severity': () => ({ updated: 1 }) });
    void runTriageCommand({ kind: 'severity-mode' }, [ids[0] ?? '']);
    expect(useTriage.getState().severityPending).toBe(true);
    await runTriageCommand({ kind: 'severity', severity: 2 }, [ids[0] ?? '']);
    expect(useTriage.getState().severityPending).toBe(false);
    expect(shown()[0]?.severity).toBe(2);
  });

  it('does nothing, and says so, when there is no item to act on', async () => {
    const core = await openCase({});
    await runTriageCommand({ kind: 'categorise', position: 1 }, []);
    expect(core.calls.some((c) => c.channel === 'triage:categorise')).toBe(false);
    expect(useTriage.getState().notice).toContain('No item to act on');
  });
});

describe('triage undo', () => {
  it('puts back what the core restored and says what was undone', async () => {
    const core = await openCase({
      'triage:undo': ({ itemId }: { itemId: string }) => ({
        itemId,
        category: 'harassment',
        severity: null,
        tags: [],
        undone: { field: 'category', entry: 7, restored: 'harassment' },
      }),
    });
    useEvidence.getState().patch([ids[0]!], (i) => ({ ...i, category: 'doxxing' }));
    await runTriageCommand({ kind: 'undo' }, [ids[0]!]);
    expect(core.calls.filter((c) => c.channel === 'triage:undo')).toEqual([
      { channel: 'triage:undo', args: { itemId: ids[0] } },
    ]);
    expect(shown()[0]?.category).toBe('harassment');
    expect(useTriage.getState().notice).toBe('Undid: category back to Harassment.');
  });

  it('says so when nothing is left to undo, and changes nothing', async () => {
    await openCase({
      'triage:undo': ({ itemId }: { itemId: string }) => ({
        itemId,
        category: 'doxxing',
        severity: 3,
        tags: ['x'],
        undone: null,
      }),
    });
    useEvidence
      .getState()
      .patch([ids[1]!], (i) => ({ ...i, category: 'doxxing', severity: 3, tags: ['x'] }));
    await runTriageCommand({ kind: 'undo' }, [ids[1]!]);
    expect(shown()[1]).toMatchObject({ category: 'doxxing', severity: 3, tags: ['x'] });
    expect(useTriage.getState().notice).toBe('Nothing left to undo.');
  });

  it('shows a refusal in the core’s words', async () => {
    await openCase({
      'triage:undo': () => {
        throw new Refusal('CASE_CLOSED', 'The case is closed.');
      },
    });
    await runTriageCommand({ kind: 'undo' }, [ids[0]!]);
    expect(useTriage.getState().error).toBe(
      'The case is closed. Reopen it to change its evidence.',
    );
  });
});
