import type { Handlers } from '../dispatch.ts';

type IngestHandlers = Pick<Handlers, 'ingest:start' | 'ingest:pick' | 'ingest:cancel'>;

export const ingestHandlers: IngestHandlers = {
  'ingest:start': (core, { caseId, files }) =>
    core.ingest.start(caseId, core.paths.takeAll(files, 'evidence')),
  'ingest:pick': async (core) => ({ files: await core.pickEvidence() }),
  'ingest:cancel': (core, { ingestId }) => core.ingest.cancel(ingestId),
};
