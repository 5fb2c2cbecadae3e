import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { usageOf, EXIT_OK } from '../exit.ts';
import type { Item, ItemFrame, ItemMedia } from '../../../shared/domain/item.ts';
import type { SecondFrame, VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { Human, humanOutput } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import { cameraName } from '../../../shared/domain/camera-name.ts';
import { gpsText, type GpsReading } from '../../../shared/domain/gps-text.ts';

/** "lat, lon[, N m]" as the police report prints it; a reading without a position in words. */
function gpsLine(text: CliText, gps: GpsReading): Human {
  const known = gps.latitude !== null && gps.longitude !== null;
  return text.t(
    {
      id: 'cli.item.gps',
      defaultMessage:
        '  GPS    {position, select, none {{altitude, select, none {no position} other {altitude {altitude} m, no position}}} other {{position}}}',
    },
    {
      position: known ? ltr(gpsText(gps)) : key('none'),
      altitude: gps.altitude === null ? key('none') : ltr(gps.altitude),
    },
  );
}

function describe(text: CliText, i: Item): Human {
  const t = text.t.bind(text);
  const m = i.metadata;
  const camera = m ? cameraName(m.make, m.model) : null;
  const hash = (algorithm: string, value: string) =>
    t(
      { id: 'cli.item.hash', defaultMessage: '  {algorithm} {hash}' },
      { algorithm: ltr(algorithm.padEnd(6)), hash: ltr(value) },
    );
  return Human.lines(
    t(
      { id: 'cli.item.heading', defaultMessage: '{id}  {name}' },
      {
        id: ltr(i.id),
        name: i.originalName,
      },
    ),
    t(
      {
        id: 'cli.item.facts',
        defaultMessage:
          '  {kind} {mime}  {size, plural, one {# byte} other {# bytes}}{dimensions, select, none {} other {  {dimensions}}}{flags, select, none {} other {  flags: {flags}}}',
      },
      {
        kind: ltr(i.kind),
        mime: ltr(i.mime),
        size: i.size,
        dimensions: i.width ? ltr(`${i.width}x${i.height}`) : key('none'),
        flags: i.flags.length ? text.join(i.flags.map(ltr), ', ') : key('none'),
      },
    ),
    hash('sha256', i.sha256),
    hash('sha1', i.sha1),
    hash('md5', i.md5),
    i.pdq !== null &&
      t(
        { id: 'cli.item.pdq', defaultMessage: '  pdq    {pdq} (quality {quality})' },
        { pdq: ltr(i.pdq), quality: ltr(i.pdqQuality ?? '?') },
      ),
    camera !== null &&
      t({ id: 'cli.item.camera', defaultMessage: '  camera {camera}' }, { camera }),
    !!m?.capturedAt &&
      t({ id: 'cli.item.taken', defaultMessage: '  taken  {at}' }, { at: ltr(m.capturedAt) }),
    !!m?.gps && gpsLine(text, m.gps),
    i.media ? describeMedia(text, i.media) : undefined,
    !!i.frames?.length &&
      t(
        {
          id: 'cli.item.frameCount',
          defaultMessage: '  frames {count} ({command})',
        },
        { count: i.frames.length, command: ltr(`custody item frames ${i.id}`) },
      ),
    !!i.vpdq &&
      t(
        { id: 'cli.item.vpdqLine', defaultMessage: '  {status}' },
        {
          status: describeVpdq(text, i.vpdq),
        },
      ),
    ...i.acquisitions.map((a) =>
      t(
        { id: 'cli.item.acquired', defaultMessage: '  acquired {at} from {path}' },
        { at: ltr(a.acquiredAt), path: ltr(a.sourcePath) },
      ),
    ),
    t(
      {
        id: 'cli.item.triage',
        defaultMessage:
          '  category {triaged, select, yes {{category}} other {untriaged}}{severity, select, none {} other {  severity {severity}}}{tagged, select, yes {  tags {tags}} other {}}',
      },
      {
        triaged: key(i.category !== null),
        category: ltr(i.category ?? ''),
        severity: i.severity !== null ? ltr(i.severity) : key('none'),
        tagged: key(i.tags.length > 0),
        tags: text.join(i.tags, ', '),
      },
    ),
    ...i.notes.map((n) =>
      t(
        { id: 'cli.item.note', defaultMessage: '  note {at}: {note}' },
        { at: ltr(n.createdAt), note: n.body },
      ),
    ),
    t(
      { id: 'cli.item.exposure', defaultMessage: '  unveiled {seconds} s in all' },
      { seconds: ltr(i.exposureSeconds.toFixed(1)) },
    ),
  );
}

function describeMedia(text: CliText, m: ItemMedia): Human {
  const t = text.t.bind(text);
  const codecs = [m.videoCodec, m.audioCodec].filter((c) => c !== null).join(' + ');
  const device = cameraName(m.make, m.model);
  return Human.lines(
    t(
      {
        id: 'cli.item.media',
        defaultMessage:
          '  media  {container}  {duration} s{dimensions, select, none {} other {  {dimensions}}}{fps, select, none {} other {  {fps} fps}}  {codecs}',
      },
      {
        container: ltr(m.container),
        duration: ltr(m.durationSeconds?.toFixed(1) ?? '?'),
        dimensions: m.width !== null ? ltr(`${m.width}x${m.height}`) : key('none'),
        fps: m.fps !== null ? ltr(m.fps) : key('none'),
        codecs: ltr(codecs),
      },
    ),
    device !== null &&
      t({ id: 'cli.item.device', defaultMessage: '  device {device}' }, { device }),
    !!m.createdAt &&
      t({ id: 'cli.item.made', defaultMessage: '  made   {at}' }, { at: ltr(m.createdAt) }),
    !!m.gps && gpsLine(text, m.gps),
  );
}

/** One still per line: its time (or page), PDQ and quality, as vPDQ lists them. */
/** Where the one-frame-a-second pass stands, in one line. */
function describeVpdq(text: CliText, v: VpdqStatus): Human {
  return text.t(
    {
      id: 'cli.item.vpdq',
      defaultMessage:
        'a frame a second: {state, select, waiting {waiting for an idle machine} hashing {hashing} done {done} other {failed}}, {read}{duration, select, none {} other { of {duration}}} s read, {frames, plural, one {# frame} other {# frames}}{failed, select, none {} other {: {failed}}}',
    },
    {
      state: key(v.state),
      read: ltr(v.hashedSeconds.toFixed(0)),
      duration: v.durationSeconds === null ? key('none') : ltr(v.durationSeconds.toFixed(1)),
      frames: v.frames,
      failed: v.failed === null ? key('none') : v.failed,
    },
  );
}

/** One hashed frame a line, in vPDQ's order: frame number, quality, hash, timestamp. */
function describeSecond(text: CliText, f: SecondFrame): Human {
  return text.t(
    { id: 'cli.item.second', defaultMessage: '{frame}  {quality}  {pdq}  {time} s' },
    {
      frame: ltr(String(f.frame).padStart(7)),
      quality: ltr(String(f.quality).padStart(3)),
      pdq: ltr(f.pdq),
      time: ltr(f.timeSeconds.toFixed(3)),
    },
  );
}

function describeFrame(text: CliText, f: ItemFrame): Human {
  const at = text.t(
    {
      id: 'cli.item.frameAt',
      defaultMessage: '{time, select, none {page {page}} other {{time} s}}',
    },
    {
      time: f.timeSeconds !== null ? ltr(f.timeSeconds.toFixed(3)) : key('none'),
      page: ltr(f.page ?? '?'),
    },
  );
  return text.t(
    { id: 'cli.item.frame', defaultMessage: '{index}  {at}  {pdq}  {quality}' },
    {
      index: ltr(String(f.idx).padStart(4)),
      at: new Human(at.text.padStart(10)),
      pdq: ltr(f.pdq ?? '-'),
      quality: ltr(f.quality ?? '-'),
    },
  );
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
      throw usageOf(this.usage);
    }
    const filter = typeof parentId === 'string' ? { parentId } : {};
    const { items, total } = await call(ctx, 'items:list', { caseId, limit: 20_000, filter });
    const t = ctx.text.t.bind(ctx.text);
    ctx.print(
      items.length
        ? Human.lines(
            ...items.map((i) =>
              t(
                {
                  id: 'cli.item.line',
                  defaultMessage:
                    '{id}  {kind} {mime} {flags} {name}{parent, select, none {} other {  (in {parent}: {path})}}',
                },
                {
                  id: ltr(i.id),
                  kind: ltr(i.kind.padEnd(8)),
                  mime: ltr(i.mime.padEnd(12)),
                  flags: ltr(i.flags.join(',').padEnd(10)),
                  name: i.originalName,
                  parent: i.parentId ? ltr(i.parentId) : key('none'),
                  path: ltr(i.pathInParent ?? ''),
                },
              ),
            ),
          )
        : t({ id: 'cli.item.none', defaultMessage: 'No items.' }),
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
      throw usageOf(this.usage);
    }
    // Text behind a step for its case kind is printed only with --reveal, which the log records
    // (item.text-revealed, then item.text-closed as the command locks); without it: TEXT_GATED.
    if (v['reveal'] === true) await call(ctx, 'items:reveal-text', { itemId });
    const layer = await call(ctx, 'items:text', {
      itemId,
      ...(typeof encoding === 'string' ? { encoding } : {}),
    });
    const head = ctx.text.t(
      {
        id: 'cli.item.textHead',
        defaultMessage:
          '# {id}  encoding {encoding, select, none {none} other {{encoding}}}  language {language, select, none {unknown} other {{language}}}',
      },
      {
        id: ltr(itemId),
        encoding: layer.encoding !== null ? ltr(layer.encoding) : key('none'),
        language: layer.language !== null ? ltr(layer.language) : key('none'),
      },
    );
    // The evidence's own text, each line escaped and its line breaks kept: never isolated or
    // turned around, so it reads as the file has it.
    ctx.print(Human.lines(head, new Human(humanOutput(layer.text))), layer);
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
    if (!id || rest.length) throw usageOf(this.usage);
    const item = await call(ctx, 'items:get', { id });
    ctx.print(describe(ctx.text, item), item);
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
    if (!id || rest.length) throw usageOf(this.usage);
    const item = await call(ctx, 'items:get', { id });
    const frames = (item.frames ?? []).map((f) => ({
      idx: f.idx,
      timeSeconds: f.timeSeconds,
      page: f.page,
      pdq: f.pdq,
      quality: f.quality,
    }));
    const stills = frames.length
      ? (item.frames ?? []).map((f) => describeFrame(ctx.text, f))
      : [ctx.text.t({ id: 'cli.item.noFrames', defaultMessage: 'No frames.' })];
    if (item.kind !== 'video') {
      ctx.print(Human.lines(...stills), { id: item.id, frames });
      return EXIT_OK;
    }
    // A video's frames a second too, as far as the background pass has got.
    const { status, frames: seconds } = await call(ctx, 'vpdq:frames', { itemId: id });
    // Printed once the pass has begun: a listing of stills reads as before until then.
    const begun = status && (status.frames > 0 || status.state !== 'waiting');
    const text = begun
      ? Human.lines(
          ...stills,
          new Human(''),
          describeVpdq(ctx.text, status),
          ...seconds.map((f) => describeSecond(ctx.text, f)),
        )
      : Human.lines(...stills);
    ctx.print(text, { id: item.id, frames, vpdq: status, seconds });
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
    if (!itemId || rest.length) throw usageOf(this.usage);
    const status = await call(ctx, 'vpdq:hash', { itemId });
    const text = status
      ? describeVpdq(ctx.text, status)
      : ctx.text.t({
          id: 'cli.item.notAVideo',
          defaultMessage: 'Not a video with a known duration.',
        });
    ctx.print(text, status);
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
    if (!itemId || rest.length) throw usageOf(this.usage);
    const { labels, suggestions } = await call(ctx, 'hashlists:labels', { itemId });
    // Shown only: the reviewer takes one in the item view (or through hashlists:label).
    // The reason and condition are the mapping's own words (docs/category-mapping.md).
    const text = suggestions.length
      ? Human.lines(
          ...suggestions.map((s) =>
            ctx.text.t(
              {
                id: 'cli.item.suggestion',
                defaultMessage:
                  '{to}  {relation, select, exact {exact} broader {broader} narrower {narrower} other {related}} of {from}: {reason}{conditional, select, yes { ({condition})} other {}}',
              },
              {
                to: ltr(s.to),
                relation: key(s.relation),
                from: ltr(s.from),
                reason: s.reason,
                conditional: key(s.condition !== null),
                condition: s.condition ?? '',
              },
            ),
          ),
        )
      : ctx.text.t({ id: 'cli.item.noSuggestions', defaultMessage: 'No suggestions.' });
    ctx.print(text, { itemId, labels, suggestions });
    return EXIT_OK;
  },
};
