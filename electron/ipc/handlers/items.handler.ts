import type { Handlers } from '../dispatch.ts';
import { listItems, getItem } from '../../core/items/item.service.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';

type ItemHandlers = Pick<
  Handlers,
  | 'items:list'
  | 'items:get'
  | 'ingest:start'
  | 'ingest:pick'
  | 'ingest:cancel'
  | 'reveal:set'
  | 'reveal:veil-all'
>;

export const itemHandlers: ItemHandlers = {
  'items:list': (core, { caseId, offset, limit, filter }) =>
    listItems(core.vault(), caseId, offset, limit, filter),
  'items:get': (core, { id }) => getItem(core.vault(), id),
  'ingest:start': (core, { caseId, files }) => {
    const paths = core.paths.takeAll(files, 'evidence');
    const run = startIngest(core.vault(), core.decoder(), caseId, paths, (p) =>
      core.events.emit('ingest:progress', p),
    );
    core.ingests.set(run.ingestId, run);
    void run.finished.finally(() => core.ingests.delete(run.ingestId));
    return { ingestId: run.ingestId };
  },
  'ingest:pick': async (core) => ({ files: await core.pickEvidence() }),
  'ingest:cancel': (core, { ingestId }) => {
    const run = core.ingests.get(ingestId);
    run?.cancel();
    return { cancelled: run !== undefined };
  },
  'reveal:set': (core, { itemId, step, seconds, reason }) => ({
    itemId,
    ...core.unveil(itemId, step, seconds * 1000, reason),
  }),
  'reveal:veil-all': (core) => ({ veiled: core.veilAll() }),
};
