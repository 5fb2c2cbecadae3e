import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, CommandError, requireCase } from '../command.ts';
import { usageOf, EXIT_OK, EXIT_NO } from '../exit.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import { Human, safe } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';

function line(text: CliText, r: IngestFileResult): Human {
  const failed = r.status === 'failed' || r.status === 'cancelled';
  const status = text.t(
    {
      id: 'cli.ingest.status',
      defaultMessage: '{status, select, failed {FAILED} duplicate {DUPLICATE} other {OK}}',
    },
    { status: key(failed ? 'failed' : r.status) },
  ).text;
  if (failed)
    return text.t(
      { id: 'cli.ingest.failed', defaultMessage: '{status}  {path}: {reason}' },
      { status, path: ltr(r.path), reason: r.reason ?? r.status },
    );
  const i = r.item;
  return i
    ? text.t(
        { id: 'cli.ingest.line', defaultMessage: '{status}{id}  {sha256}  {path}' },
        { status: status.padEnd(8), id: ltr(i.id), sha256: ltr(i.sha256), path: ltr(r.path) },
      )
    : text.t(
        { id: 'cli.ingest.lineNoItem', defaultMessage: '{status}  {path}' },
        { status, path: ltr(r.path) },
      );
}

export const ingest: Command = {
  path: ['ingest'],
  summary: defineMessage({
    id: 'cli.ingest.summary',
    defaultMessage: 'add files and folders to a case',
  }),
  usage: 'custody ingest --case ID PATH...',
  options: { case: { type: 'string' } },
  unlock: true,
  async run(ctx, v, paths) {
    const caseId = requireCase(v, this.usage);
    if (paths.length === 0) throw usageOf(this.usage);
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
      // The CLI's user is trusted with paths; they still reach the core as handles, as the app's do.
      const files = ctx.core.grantEvidence(paths).map((g) => g.handle);
      const { ingestId } = await call(ctx, 'ingest:start', { caseId, files });
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
        Human.lines(
          ...results.map((r) => line(ctx.text, r)),
          ctx.text.t(
            {
              id: 'cli.ingest.summaryLine',
              defaultMessage:
                '{ingested, plural, one {# ingested} other {# ingested}}, {duplicates, plural, one {# duplicate} other {# duplicates}}, {failed, plural, one {# failed} other {# failed}}',
            },
            summary,
          ),
        ),
        { ...summary, results },
      );
      return failed.length ? EXIT_NO : EXIT_OK;
    } finally {
      unsubscribe();
    }
  },
};
