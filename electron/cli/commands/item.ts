import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import type { Item, ItemFrame, ItemMedia } from '../../../shared/domain/item.ts';
import type { SecondFrame, VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { safe } from '../safe-output.ts';
import { cameraName } from '../../../shared/domain/camera-name.ts';
import { gpsText } from '../../../shared/domain/gps-text.ts';

function describe(i: Item): string {
  const m = i.metadata;
  const lines = [
    safe`${i.id}  ${i.originalName}`,
    safe`  ${i.kind} ${i.mime}  ${i.size} bytes${i.width ? `  ${i.width}x${i.height}` : ''}${i.flags.length ? `  flags: ${i.flags.join(', ')}` : ''}`,
    `  sha256 ${i.sha256}`,
    `  sha1   ${i.sha1}`,
    `  md5    ${i.md5}`,
  ];
  if (i.pdq) lines.push(safe`  pdq    ${i.pdq} (quality ${i.pdqQuality ?? '?'})`);
  const camera = m ? cameraName(m.make, m.model) : null;
  if (camera) lines.push(safe`  camera ${camera}`);
  if (m?.capturedAt) lines.push(safe`  taken  ${m.capturedAt}`);
  if (m?.gps) lines.push(`  GPS    ${gpsText(m.gps)}`);
  if (i.media) lines.push(...describeMedia(i.media));
  if (i.frames?.length) lines.push(`  frames ${i.frames.length} (custody item frames ${i.id})`);
  if (i.vpdq) lines.push(`  ${describeVpdq(i.vpdq)}`);
  for (const a of i.acquisitions) lines.push(safe`  acquired ${a.acquiredAt} from ${a.sourcePath}`);
  lines.push(
    safe`  category ${i.category ?? 'untriaged'}${i.severity ? `  severity ${i.severity}` : ''}${i.tags.length ? `  tags ${i.tags.join(', ')}` : ''}`,
  );
  for (const n of i.notes) lines.push(safe`  note ${n.createdAt}: ${n.body}`);
  lines.push(`  unveiled ${i.exposureSeconds.toFixed(1)} s in all`);
  return lines.join('\n');
}

function describeMedia(m: ItemMedia): string[] {
  const size = m.width !== null ? `  ${m.width}x${m.height}` : '';
  const rate = m.fps !== null ? `  ${m.fps} fps` : '';
  const codecs = [m.videoCodec, m.audioCodec].filter((c) => c !== null).join(' + ');
  const lines = [
    safe`  media  ${m.container}  ${m.durationSeconds?.toFixed(1) ?? '?'} s${size}${rate}  ${codecs}`,
  ];
  const device = cameraName(m.make, m.model);
  if (device) lines.push(safe`  device ${device}`);
  if (m.createdAt) lines.push(safe`  made   ${m.createdAt}`);
  if (m.gps) lines.push(`  GPS    ${gpsText(m.gps)}`);
  return lines;
}

/** One still per line: its time (or page), PDQ and quality, as vPDQ lists them. */
function describeFrame(f: ItemFrame): string {
  const at = f.timeSeconds !== null ? `${f.timeSeconds.toFixed(3)} s` : `page ${f.page ?? '?'}`;
  return `${String(f.idx).padStart(4)}  ${at.padStart(10)}  ${f.pdq ?? '-'}  ${f.quality ?? '-'}`;
}

/** Where the one-frame-a-second pass stands, in one line. */
function describeVpdq(v: VpdqStatus): string {
  const of = v.durationSeconds === null ? '' : ` of ${v.durationSeconds.toFixed(1)}`;
  const failed = v.failed === null ? '' : safe`: ${v.failed}`;
  return `a frame a second: ${v.state}, ${v.hashedSeconds.toFixed(0)}${of} s read, ${v.frames} frames${failed}`;
}

/** One hashed frame a line, in vPDQ's order: frame number, quality, hash, timestamp. */
function describeSecond(f: SecondFrame): string {
  return `${String(f.frame).padStart(7)}  ${String(f.quality).padStart(3)}  ${f.pdq}  ${f.timeSeconds.toFixed(3)} s`;
}

export const itemList: Command = {
  path: ['item', 'list'],
  summary: defineMessage({
    id: 'cli.item.list.summary',
    defaultMessage: "list a case's items, children included (or only one item's children)",
  }),
  usage: 'custody item list --case ID [--parent ITEM]',
  options: { case: { type: 'string' }, parent: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v) {
    const caseId = requireCase(v, this.usage);
    const parentId = v['parent'];
    if (parentId !== undefined && typeof parentId !== 'string') {
      throw new UsageError(`Usage: ${this.usage}`);
    }
    const filter = typeof parentId === 'string' ? { parentId } : {};
    const { items, total } = await call(ctx, 'items:list', { caseId, limit: 20_000, filter });
    ctx.print(
      items.length
        ? items
            .map(
              (i) =>
                safe`${i.id}  ${i.kind.padEnd(8)} ${i.mime.padEnd(12)} ${i.flags.join(',').padEnd(10)} ${i.originalName}${i.parentId ? `  (in ${i.parentId}: ${i.pathInParent ?? ''})` : ''}`,
            )
            .join('\n')
        : 'No items.',
      { total, items },
    );
    return EXIT_OK;
  },
};

export const itemText: Command = {
  path: ['item', 'text'],
  summary: defineMessage({
    id: 'cli.item.text.summary',
    defaultMessage: "print an item's text layer, with its encoding and language",
  }),
  usage: 'custody item text ID [--encoding NAME] [--reveal]',
  options: { encoding: { type: 'string' }, reveal: { type: 'boolean' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v, pos) {
    const [itemId, ...rest] = pos;
    const encoding = v['encoding'];
    if (!itemId || rest.length || (encoding !== undefined && typeof encoding !== 'string')) {
      throw new UsageError(`Usage: ${this.usage}`);
    }
    // Text behind a step for its case kind is printed only with --reveal, which the log records
    // (item.text-revealed, then item.text-closed as the command locks); without it: TEXT_GATED.
    if (v['reveal'] === true) await call(ctx, 'items:reveal-text', { itemId });
    const layer = await call(ctx, 'items:text', {
      itemId,
      ...(typeof encoding === 'string' ? { encoding } : {}),
    });
    const head = safe`# ${itemId}  encoding ${layer.encoding ?? 'none'}  language ${layer.language ?? 'unknown'}`;
    // Printing escapes each line; the text's own line breaks are kept.
    ctx.print(`${head}\n${layer.text}`, layer);
    return EXIT_OK;
  },
};

export const itemShow: Command = {
  path: ['item', 'show'],
  summary: defineMessage({
    id: 'cli.item.show.summary',
    defaultMessage: 'show one item: hashes, PDQ, metadata, acquisitions',
  }),
  usage: 'custody item show ID',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const [id, ...rest] = pos;
    if (!id || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const item = await call(ctx, 'items:get', { id });
    ctx.print(describe(item), item);
    return EXIT_OK;
  },
};

export const itemFrames: Command = {
  path: ['item', 'frames'],
  summary: defineMessage({
    id: 'cli.item.frames.summary',
    defaultMessage:
      "list an item's stills (video keyframes, animated image frames): time, PDQ and quality",
  }),
  usage: 'custody item frames ID',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const [id, ...rest] = pos;
    if (!id || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const item = await call(ctx, 'items:get', { id });
    const frames = (item.frames ?? []).map((f) => ({
      idx: f.idx,
      timeSeconds: f.timeSeconds,
      page: f.page,
      pdq: f.pdq,
      quality: f.quality,
    }));
    const lines = frames.length ? (item.frames ?? []).map(describeFrame) : ['No frames.'];
    if (item.kind !== 'video') {
      ctx.print(lines.join('\n'), { id: item.id, frames });
      return EXIT_OK;
    }
    // A video's frames a second too, as far as the background pass has got.
    const { status, frames: seconds } = await call(ctx, 'vpdq:frames', { itemId: id });
    // Printed once the pass has begun: a listing of stills reads as before until then.
    if (status && (status.frames > 0 || status.state !== 'waiting'))
      lines.push('', describeVpdq(status), ...seconds.map(describeSecond));
    ctx.print(lines.join('\n'), { id: item.id, frames, vpdq: status, seconds });
    return EXIT_OK;
  },
};

export const itemHashFrames: Command = {
  path: ['item', 'hash-frames'],
  summary: defineMessage({
    id: 'cli.item.hash-frames.summary',
    defaultMessage:
      "hash a video's frames one a second now (vPDQ), as the app does while idle, resuming where it stopped",
  }),
  usage: 'custody item hash-frames ID',
  unlock: true,
  async run(ctx, _v, pos) {
    const [itemId, ...rest] = pos;
    if (!itemId || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const status = await call(ctx, 'vpdq:hash', { itemId });
    ctx.print(status ? describeVpdq(status) : 'Not a video with a known duration.', status);
    return EXIT_OK;
  },
};

export const itemSuggest: Command = {
  path: ['item', 'suggest'],
  summary: defineMessage({
    id: 'cli.item.suggest.summary',
    defaultMessage:
      "labels suggested from an item's labels through the scheme mapping, with relation and reason",
  }),
  usage: 'custody item suggest ID',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const [itemId, ...rest] = pos;
    if (!itemId || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const { labels, suggestions } = await call(ctx, 'hashlists:labels', { itemId });
    // Shown only: the reviewer takes one in the item view (or through hashlists:label).
    const text = suggestions.length
      ? suggestions
          .map(
            (s) =>
              `${s.to}  ${s.relation} of ${s.from}: ${s.reason}${s.condition ? ` (${s.condition})` : ''}`,
          )
          .join('\n')
      : 'No suggestions.';
    ctx.print(text, { itemId, labels, suggestions });
    return EXIT_OK;
  },
};
