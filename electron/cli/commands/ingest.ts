import type { Command } from '../command.ts';
import { call, CommandError } from '../command.ts';
import { UsageError, EXIT_OK, EXIT_NO } from '../exit.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import { safe } from '../safe-output.ts';

function line(r: IngestFileResult): string {
  if (r.status === 'failed' || r.status === 'cancelled')
    return safe`FAILED  ${r.path}: ${r.reason ?? r.status}`;
  const i = r.item;
  const tag = r.status === 'duplicate' ? 'DUPLICATE' : 'OK';
  return i ? safe`${tag.padEnd(8)}${i.id}  ${i.sha256}  ${r.path}` : safe`${tag}  ${r.path}`;
}

export const ingest: Command = {
  path: ['ingest'],
  summary: 'add files and folders to a case',
  usage: 'custody ingest --case ID PATH...',
  options: { case: { type: 'string' } },
  unlock: true,
  async run(ctx, v, paths) {
    const caseId = v['case'];
    if (typeof caseId !== 'string' || paths.length === 0)
      throw new UsageError(`Usage: ${this.usage}`);
    const unsubscribe = (() => {
      const onProgress = (p: { done: number; total: number; current: string | null }) => {
        ctx.progress(
          p.current ? safe`[${p.done}/${p.total}] ${p.current}` : `[${p.done}/${p.total}]`,
        );
      };
      ctx.core.events.on('ingest:progress', onProgress);
      return () => ctx.core.events.off('ingest:progress', onProgress);
    })();
    try {
      const { ingestId } = await call(ctx, 'ingest:start', { caseId, paths });
      const finished = ctx.core.ingest.results(ingestId);
      if (!finished) throw new CommandError('INTERNAL', 'The ingest did not start.');
      const results = await finished;
      const failed = results.filter((r) => r.status === 'failed' || r.status === 'cancelled');
      const summary = {
        caseId,
        ingested: results.filter((r) => r.status === 'ingested').length,
        duplicates: results.filter((r) => r.status === 'duplicate').length,
        failed: failed.length,
      };
      ctx.print(
        [
          ...results.map(line),
          `${summary.ingested} ingested, ${summary.duplicates} duplicates, ${summary.failed} failed`,
        ].join('\n'),
        { ...summary, results },
      );
      return failed.length ? EXIT_NO : EXIT_OK;
    } finally {
      unsubscribe();
    }
  },
};
