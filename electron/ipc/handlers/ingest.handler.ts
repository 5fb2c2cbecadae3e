import type { Handlers } from '../dispatch.ts';

type IngestHandlers = Pick<Handlers, 'ingest:start' | 'ingest:pick' | 'ingest:cancel'>;

export const ingestHandlers: IngestHandlers = {
  'ingest:start': (core, { caseId, paths }) => core.ingest.start(caseId, paths),
  'ingest:pick': (core) => core.ingest.pick(),
  'ingest:cancel': (core, { ingestId }) => core.ingest.cancel(ingestId),
};
