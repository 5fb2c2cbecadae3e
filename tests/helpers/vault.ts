// Vaults for tests: a fresh one, or one with N cases of M items each in one call, made the way a
// reviewer makes them: through the dispatcher (the contract's validation included) and a real
// ingest of real image files.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { CustodyCore, type CoreOptions } from '../../electron/core/core.ts';
import { readSettings } from '../../electron/core/settings/settings.service.ts';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { handlers } from '../../electron/ipc/handlers/index.ts';
import type { ChannelName, Request, Response } from '../../shared/contract/index.ts';
import type { CaseKind } from '../../shared/domain/case.ts';
import {
  nextRevealStep,
  revealRank,
  type IngestProgress,
  type ItemSummary,
  type RevealStep,
} from '../../shared/domain/item.ts';
import { tempDir } from './temp.ts';

export const PASSPHRASE = 'correct horse battery staple';

export interface FreshCore {
  core: CustodyCore;
  dir: string;
  cleanup: () => Promise<void>;
}

/** A fresh vault in a temp folder, created and unlocked. */
export async function freshCore(options?: CoreOptions): Promise<FreshCore> {
  const t = await tempDir();
  const core = new CustodyCore(t.path, options);
  await core.create(PASSPHRASE);
  return {
    core,
    dir: t.path,
    cleanup: async () => {
      await core.close();
      await t.cleanup();
    },
  };
}

/** Climbs the reveal ladder one rung at a time, as the reviewer does, up to `step`. */
export function unveilTo(core: CustodyCore, itemId: string, step: RevealStep, reason?: string) {
  const { greyStep } = readSettings(core.vault());
  let at =
    core.reveal.current()?.itemId === itemId ? (core.reveal.current()?.step ?? 'veiled') : 'veiled';
  let granted = { itemId, step: at, until: null as number | null };
  while (revealRank(at) < revealRank(step)) {
    const next = nextRevealStep(at, greyStep);
    if (!next) break;
    granted = core.reveal.set(itemId, next, at === 'veiled' ? reason : undefined);
    at = next;
  }
  return granted;
}

/** Calls one channel through the real dispatcher; a refusal fails the test with its code. */
export type Call = <C extends ChannelName>(channel: C, args: Request<C>) => Promise<Response<C>>;

export interface SeededCase {
  id: string;
  /** Its items in ingest order: item i came from `image-i.png`. */
  items: ItemSummary[];
}

export interface SeededVault extends FreshCore {
  call: Call;
  cases: SeededCase[];
}

export interface VaultSeed {
  cases: number;
  itemsPerCase: number;
  kind?: CaseKind;
}

/**
 * `count` small PNGs in `dir`, each a different picture (so none is a duplicate of another):
 * a gradient whose phase is the image's number.
 */
export async function evidenceImages(dir: string, count: number, first = 0): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const size = 32;
  const paths: string[] = [];
  for (let n = first; n < first + count; n++) {
    const pixels = Buffer.alloc(size * size * 3);
    for (let i = 0; i < size * size; i++) {
      const x = i % size;
      const y = Math.floor(i / size);
      pixels[i * 3] = (x * 8 + n) & 0xff;
      pixels[i * 3 + 1] = (y * 8 + (n >> 8)) & 0xff;
      pixels[i * 3 + 2] = (x * y + (n >> 16)) & 0xff;
    }
    const path = join(dir, `image-${n}.png`);
    await sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
      .png()
      .toFile(path);
    paths.push(path);
  }
  return paths;
}

/** `call` over the core's own dispatcher, throwing the refusal's code and message. */
export function dispatcherCall(core: CustodyCore): Call {
  const dispatch = createDispatcher(core, handlers);
  return async (channel, args) => {
    const result = await dispatch(channel, args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as Response<typeof channel>;
  };
}

/** Ingests `paths` into `caseId` through `ingest:start` and waits for the run's last progress. */
export async function ingestThrough(
  core: CustodyCore,
  call: Call,
  caseId: string,
  paths: string[],
): Promise<IngestProgress> {
  const finished = new Map<string, IngestProgress>();
  let wanted: string | undefined;
  let done: (p: IngestProgress) => void = () => {};
  const settled = new Promise<IngestProgress>((resolve) => (done = resolve));
  const onProgress = (p: IngestProgress) => {
    if (!p.finished) return;
    finished.set(p.ingestId, p);
    if (p.ingestId === wanted) done(p);
  };
  core.events.on('ingest:progress', onProgress);
  try {
    const { ingestId } = await call('ingest:start', { caseId, paths });
    wanted = ingestId;
    const already = finished.get(ingestId);
    if (already) done(already);
    return await settled;
  } finally {
    core.events.off('ingest:progress', onProgress);
  }
}

/**
 * A vault with `cases` cases of `itemsPerCase` generated images each, every item ingested for
 * real (sealed, hashed, previewed, logged). Throws if any file did not ingest.
 */
export async function seededVault(seed: VaultSeed): Promise<SeededVault> {
  const fresh = await freshCore();
  // The evidence lies outside the vault, as a reviewer's would: the vault holds only ciphertext.
  const evidence = await tempDir('custody-evidence-');
  const cleanup = async () => {
    await fresh.cleanup();
    await evidence.cleanup();
  };
  try {
    const call = dispatcherCall(fresh.core);
    const cases: SeededCase[] = [];
    for (let c = 0; c < seed.cases; c++) {
      const { id } = await call('cases:create', {
        title: `Case ${c + 1}`,
        kind: seed.kind ?? 'other',
      });
      const files = await evidenceImages(
        join(evidence.path, `case-${c + 1}`),
        seed.itemsPerCase,
        c * seed.itemsPerCase,
      );
      if (files.length) {
        const run = await ingestThrough(fresh.core, call, id, files);
        if (run.ingested !== files.length)
          throw new Error(`seededVault: ${run.ingested} of ${files.length} files ingested`);
      }
      const { items } = await call('items:list', { caseId: id, limit: 20_000 });
      const order = (i: ItemSummary) => Number(/image-(\d+)\.png$/.exec(i.originalName)?.[1]);
      cases.push({ id, items: items.toSorted((a, b) => order(a) - order(b)) });
    }
    return { ...fresh, cleanup, call, cases };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
