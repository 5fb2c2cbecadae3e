// A web archive (WARC, or WACZ: Webrecorder's ZIP of WARCs with a page list): the text of each
// archived HTML page, in the order the capture lists its pages, the capture time from WARC-Date,
// and the archived images those pages show as children.
import type { ExtractLimits, ExtractResult, Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { readZipMembers } from '../zip-members.ts';
import { decodeHtml } from './html-charset.ts';
import { readHtml } from './html-text.ts';
import type { HtmlReading } from './html-text.ts';
import { readWarc } from './warc-records.ts';
import type { WarcRecord } from './warc-records.ts';
import { webResult } from './web-result.ts';

/** Pages read from one archive; the rest stay in the original, listed in facts. */
const MAX_PAGES = 200;

export const extractWarc: Extractor = async (source, limits) => {
  const { records, problem } = readWarc(await bytesOf(source), limits);
  if (records.length === 0 && problem) throw new Error(problem);
  return withDamage(warcResult(records, 'application/warc', limits, {}), problem);
};

export const extractWacz: Extractor = async (source, limits) => {
  const zip = await readZipMembers(
    await bytesOf(source),
    limits,
    (name) => /\.warc(\.gz)?$/i.test(name) || name === 'pages/pages.jsonl',
  );
  const warcs = zip.members
    .filter((m) => /\.warc(\.gz)?$/i.test(m.name))
    .map((m) => ({ name: m.name, ...readWarc(m.bytes, limits) }));
  const records = warcs.flatMap((w) => w.records);
  const list = zip.members.find((m) => m.name === 'pages/pages.jsonl');
  const order = list ? pageList(Buffer.from(list.bytes).toString('utf8')) : [];
  let result = warcResult(records, 'application/wacz', limits, { order });
  for (const w of warcs) if (w.problem) result = withDamage(result, `${w.name}: ${w.problem}`);
  if (zip.skipped.length > 0) {
    const note = `${zip.skipped.length} archive members left out (${zip.skipped[0]!.reason})`;
    result = withDamage(result, note);
  }
  return result;
};

function withDamage(result: ExtractResult, note: string | null): ExtractResult {
  if (note) result.damaged = result.damaged ? `${result.damaged}; ${note}` : note;
  return result;
}

function warcResult(
  records: WarcRecord[],
  mime: string,
  limits: ExtractLimits,
  { order = [] }: { order?: string[] },
): ExtractResult {
  const responses = records.filter(
    (r) => (r.type === 'response' || r.type === 'resource') && r.targetUri && r.status !== 304,
  );
  const html = responses.filter((r) => r.mediaType === 'text/html');
  const rank = (r: WarcRecord) => {
    const i = order.indexOf(r.targetUri!);
    return i < 0 ? order.length : i;
  };
  const chosen = [...html].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_PAGES);
  let encoding: string | null = null;
  const pages: HtmlReading[] = chosen.map((r) => {
    const decoded = decodeHtml(r.payload, r.charset);
    encoding ??= decoded.encoding;
    return readHtml(decoded.html, r.targetUri);
  });
  const files = new Map(
    responses
      .filter((r) => r.mediaType?.startsWith('image/'))
      .map((r) => [r.targetUri!, { bytes: r.payload, mime: r.mediaType }]),
  );
  const info = records.find((r) => r.type === 'warcinfo');
  const software = info
    ? /^software:\s*(.+)$/im.exec(Buffer.from(info.payload).toString('utf8'))
    : null;
  return webResult(
    {
      mime,
      encoding,
      pages,
      capturedAt: chosen[0]?.date ?? records[0]?.date ?? null,
      lookup: (url) => files.get(url) ?? null,
      facts: {
        records: records.length,
        archivedPages: html.length,
        ...(software?.[1] ? { software: software[1].trim() } : {}),
      },
    },
    limits,
  );
}

/** URLs in a WACZ's pages/pages.jsonl, in its order (the first line is a header). */
function pageList(jsonl: string): string[] {
  const urls: string[] = [];
  for (const line of jsonl.split('\n')) {
    try {
      const entry = JSON.parse(line) as { url?: unknown };
      if (typeof entry.url === 'string') urls.push(entry.url);
    } catch {
      // A line that is not JSON is skipped.
    }
  }
  return urls;
}
