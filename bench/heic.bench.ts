// HEIC decode time per 12 MP iPhone photo (3024 x 4032): libheif in WebAssembly alone, and the
// whole photo pipeline (decode, PDQ, eight previews) as the decode worker runs it.
import { readFile } from 'node:fs/promises';
import { decodeHeicPixels } from '../electron/core/media/heic-pixels.ts';
import { renderImage } from '../electron/core/media/previews.ts';
import { round, timed } from './measure.ts';

const FILES = ['Issue_263_dotnet.heic', 'exif-at-eof.heic'];
const RUNS = 3;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export default async function bench(): Promise<Record<string, unknown>> {
  const photos: Record<string, unknown> = {};
  for (const name of FILES) {
    const bytes = await readFile(new URL(`../tests/fixtures/exif/${name}`, import.meta.url));
    const decode: number[] = [];
    const pipeline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      decode.push(await timed(() => decodeHeicPixels(bytes)));
      pipeline.push(await timed(() => renderImage(bytes)));
    }
    photos[name] = { decodeMs: round(median(decode), 0), pipelineMs: round(median(pipeline), 0) };
  }
  return { megapixels: round((3024 * 4032) / 1e6, 1), runs: RUNS, photos };
}
