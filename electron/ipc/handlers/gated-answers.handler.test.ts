// The text gate holds on every channel that answers with words, attacked through the real
// dispatcher as a compromised page would: in a child-safety case, search hits, timeline entries and
// an item's facts give none of the gated words until that item's text is revealed, and give them
// again only while it is open. A threat case's answers are untouched.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyCore } from '../../core/core.ts';
import { createCase } from '../../core/cases/case.service.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { SENTENCES, emlWithAttachments } from '../../../tests/fixtures/written/index.ts';
import { telegramJson } from '../../../tests/fixtures/written/make-chat.ts';
import type { CaseKind } from '../../../shared/domain/case.ts';
import type { Item } from '../../../shared/domain/item.ts';
import type { SearchHit, TimelineEntry } from '../../../shared/domain/written.ts';

const SUBJECT = 'Угроза: последнее предупреждение';
// Words of every channel's gated answer: the e-mail's body and subject, the chat's messages.
const GATED_WORDS = [SENTENCES.russian, SENTENCES.arabic, SUBJECT, 'прямая', 'anon@example.org'];

let core: CustodyCore;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
const cases: Partial<Record<CaseKind, { caseId: string; eml: string; chat: string }>> = {};

async function ingestCase(kind: CaseKind, dir: string) {
  const caseId = createCase(core.vault(), { title: kind, kind }).id;
  const eml = join(dir, `${kind}.eml`);
  const chat = join(dir, 'result.json');
  await writeFile(eml, emlWithAttachments().bytes);
  await writeFile(chat, telegramJson());
  const results = await startIngest(core.vault(), core.decoder(), caseId, [eml, chat], () => {})
    .finished;
  const idOf = (k: string) => results.find((r) => r.item?.kind === k)?.item?.id ?? '';
  cases[kind] = { caseId, eml: idOf('email'), chat: idOf('chat') };
}

async function value<T>(answer: Promise<unknown>): Promise<T> {
  const a = (await answer) as { ok: boolean; value: T };
  expect(a.ok).toBe(true);
  return a.value;
}
const search = (caseId: string, query: string) =>
  value<{ hits: SearchHit[] }>(dispatch('search:query', { caseId, query }));
const timeline = (caseId: string) =>
  value<{ entries: TimelineEntry[] }>(dispatch('items:timeline', { caseId }));
const item = (itemId: string) => value<Item>(dispatch('items:get', { id: itemId }));
const leaks = (answer: unknown) => GATED_WORDS.filter((w) => JSON.stringify(answer).includes(w));

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  dispatch = createDispatcher(core, handlers);
  const dir = await tempDir('custody-gated-answers-');
  await ingestCase('child-safety', dir.path);
  await ingestCase('threat-of-violence', dir.path);
  await dir.cleanup();
}, 60_000);
afterEach(() => dispatch('reveal:veil-all', {}));
afterAll(() => cleanup());

describe('gated answers', () => {
  it('search keeps item, field and line of a gated hit but not its words', async () => {
    const { caseId, eml } = cases['child-safety']!;
    const { hits } = await search(caseId, 'прямая');
    const textHit = hits.find((h) => h.itemId === eml && h.field === 'text');
    expect(textHit).toEqual({
      itemId: eml,
      field: 'text',
      line: expect.any(Number) as unknown,
      snippet: '',
      marks: [],
      gated: true,
    });
    const header = await search(caseId, 'предупреждение');
    expect(header.hits).toContainEqual(
      expect.objectContaining({ itemId: eml, field: 'header', snippet: '', gated: true }),
    );
    expect(leaks(hits)).toEqual([]);
    expect(leaks(header)).toEqual([]);

    await dispatch('items:reveal-text', { itemId: eml });
    const open = await search(caseId, 'прямая');
    expect(open.hits.find((h) => h.itemId === eml && h.field === 'text')).toMatchObject({
      line: textHit?.line,
      snippet: expect.stringContaining('прямая') as unknown,
      gated: false,
    });
  });

  it('the timeline keeps time, kind and item of a gated entry but not its words', async () => {
    const { caseId, chat } = cases['child-safety']!;
    const { entries } = await timeline(caseId);
    const messages = entries.filter((e) => e.itemId === chat && e.source === 'event');
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m).toMatchObject({ text: '', who: null, gated: true });
      expect(m.at).toMatch(/^2026-11-30T/);
    }
    expect(leaks(entries)).toEqual([]);

    await dispatch('items:reveal-text', { itemId: chat });
    const open = (await timeline(caseId)).entries.filter((e) => e.itemId === chat);
    expect(open.map((e) => e.text).join('\n')).toContain(SENTENCES.russian);
  });

  it('items:get withholds written facts of a gated item, keeping the rest', async () => {
    const { eml } = cases['child-safety']!;
    const shut = await item(eml);
    expect(shut).toMatchObject({ kind: 'email', gated: true, facts: { attachments: 2 } });
    expect(shut.facts).not.toHaveProperty('headers');
    expect(shut.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(leaks(shut)).toEqual([]);

    await dispatch('items:reveal-text', { itemId: eml });
    const open = await item(eml);
    expect(open).toMatchObject({ gated: false });
    expect(JSON.stringify(open.facts)).toContain(SUBJECT);
  });

  it('leaves a threat case’s answers whole', async () => {
    const { caseId, eml, chat } = cases['threat-of-violence']!;
    const { hits } = await search(caseId, 'прямая');
    expect(hits.find((h) => h.itemId === eml && h.field === 'text')).toMatchObject({
      gated: false,
      snippet: expect.stringContaining('прямая') as unknown,
    });
    const { entries } = await timeline(caseId);
    expect(entries.filter((e) => e.itemId === chat && e.gated)).toEqual([]);
    expect(JSON.stringify((await item(eml)).facts)).toContain(SUBJECT);
  });
});
