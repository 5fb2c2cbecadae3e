import type { Handlers } from '../dispatch.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';

type IngestHandlers = Pick<Handlers, 'ingest:start' | 'ingest:pick' | 'ingest:cancel'>;

export const ingestHandlers: IngestHandlers = {
  'ingest:start': (core, { caseId, paths }) => {
    const run = startIngest(core.vault(), core.decoder(), caseId, paths, (p) =>
      core.events.emit('ingest:progress', p),
    );
    core.ingests.set(run.ingestId, run);
    void run.finished.finally(() => core.ingests.delete(run.ingestId));
    return { ingestId: run.ingestId };
  },
  'ingest:pick': async (core) => ({ paths: await core.pickEvidence() }),
  'ingest:cancel': (core, { ingestId }) => {
    const run = core.ingests.get(ingestId);
    run?.cancel();
    return { cancelled: run !== undefined };
  },
};
