// @vitest-environment happy-dom
// The picker's paths go to ingest:start; progress comes by event; failures stay until dismissed.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import type { IngestProgress } from '../../../shared/domain/item.ts';
import { caseIngest, listenForIngest, useIngest } from './ingest.store.ts';

const CASE = 'c_aaaaaaaaaaaaaaaa';
const INGEST = '6c0d0e9a-3f57-4a38-9b0e-6a3e2e0f6c11';

const progress = (p: Partial<IngestProgress>): IngestProgress => ({
  ingestId: INGEST,
  caseId: CASE,
  done: 0,
  total: 3,
  current: null,
  ingested: 0,
  duplicates: 0,
  failures: [],
  finished: false,
  cancelled: false,
  ...p,
});

beforeEach(() => resetAllStores());

describe('ingest', () => {
  it('sends what the picker chose to ingest:start, and nothing when it was cancelled', async () => {
    const paths = ['/home/ana/Evidence/صورة.jpg', '/home/ana/Evidence/фото.png'];
    const core = fakeCustody({
      'ingest:pick': () => ({ paths }),
      'ingest:start': () => ({ ingestId: INGEST }),
      'items:list': () => ({ items: [], total: 0 }),
    });
    const started = await useIngest.getState().pick(CASE);
    expect(started).toEqual({ ok: true, value: INGEST });
    expect(core.calls.find((c) => c.channel === 'ingest:start')?.args).toEqual({
      caseId: CASE,
      paths,
    });
    expect(useIngest.getState().pickedFrom).toEqual(['/home/ana/Evidence']);

    core.answer('ingest:pick', () => ({ paths: [] }));
    expect(await useIngest.getState().pick(CASE)).toEqual({ ok: true, value: null });
    expect(core.calls.filter((c) => c.channel === 'ingest:start')).toHaveLength(1);
  });

  it('keeps every failure, path and reason, after the run finishes, until dismissed', () => {
    const core = fakeCustody({
      'items:list': () => ({ items: [], total: 0 }),
      'cases:list': () => [],
    });
    const stop = listenForIngest();
    core.emit('ingest:progress', progress({ done: 1, current: 'a.jpg', ingested: 1 }));
    expect(caseIngest(useIngest.getState().runs, CASE)).toMatchObject({
      running: true,
      done: 1,
      total: 3,
      current: 'a.jpg',
    });
    const failure = { path: 'xs1n0g01.png', reason: 'a damaged image' };
    core.emit(
      'ingest:progress',
      progress({ done: 3, ingested: 1, duplicates: 1, failures: [failure], finished: true }),
    );
    stop();
    const state = caseIngest(useIngest.getState().runs, CASE);
    expect(state.running).toBe(false);
    expect(state.failures).toEqual([failure]);
    useIngest.getState().dismiss(CASE);
    expect(caseIngest(useIngest.getState().runs, CASE).any).toBe(false);
  });
});
