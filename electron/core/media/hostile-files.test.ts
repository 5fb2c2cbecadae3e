// Every PngSuite file and every malformed JPEG, through the real out-of-process decoder: valid
// files get eight previews, broken ones fail one by one with a reason, and none takes the pool down.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustodyError } from '../errors.ts';
import { NodeDecodePool } from './decode-pool.ts';
import type { RenderedImage } from './previews.ts';
import { fixture, storedPreviews } from '../../../tests/helpers/media.ts';

const PNGSUITE = readdirSync(fixture('pngsuite')).filter((f) => f.endsWith('.png'));
const CORRUPT_PNGS = PNGSUITE.filter((f) => f.startsWith('x'));
const VALID_PNGS = PNGSUITE.filter((f) => !f.startsWith('x'));

interface Behaviour {
  file: string;
  imageMagickExit: string;
  imageMagickMessage: string;
}
const BAD_JPEGS: Behaviour[] = readFileSync(fixture('badjpeg', 'BEHAVIOUR.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file = '', , , imageMagickExit = '', imageMagickMessage = ''] = line.split('\t');
    return { file, imageMagickExit, imageMagickMessage: imageMagickMessage.trim() };
  });

type Outcome = { ok: true; result: RenderedImage } | { ok: false; error: unknown };

const pool = new NodeDecodePool({ size: 2 });
const outcomes = new Map<string, Outcome>();

async function decodeAll(folder: string, files: string[]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const outcome: Outcome = await pool
        .decode({ path: fixture(folder, file) }, { displayName: file })
        .then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
      outcomes.set(`${folder}/${file}`, outcome);
    }),
  );
}

function expectFailedWithReason(outcome: Outcome | undefined, file: string): void {
  expect(outcome?.ok).toBe(false);
  if (outcome?.ok !== false) return;
  expect(outcome.error).toBeInstanceOf(CustodyError);
  const error = outcome.error as CustodyError;
  expect(error.code).toBe('DECODE_FAILED');
  expect(error.message.startsWith(`Could not decode "${file}": `)).toBe(true);
  expect(error.message.length).toBeGreaterThan(`Could not decode "${file}": `.length + 5);
  expect(error.message).not.toContain('decoder crashed');
  expect(error.message).not.toContain('timed out');
}

function expectEightPreviews(outcome: Outcome | undefined): void {
  expect(outcome?.ok).toBe(true);
  if (outcome?.ok !== true) return;
  for (const { preview } of storedPreviews(outcome.result.previews)) {
    expect(preview.bytes.length).toBeGreaterThan(0);
    expect(preview.width).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  await pool.start();
  await decodeAll('pngsuite', PNGSUITE);
  await decodeAll(
    'badjpeg',
    BAD_JPEGS.map((b) => b.file),
  );
}, 120_000);
afterAll(() => pool.close());

describe('PngSuite', () => {
  it('has its 175 files, 14 of them corrupt', () => {
    expect(PNGSUITE).toHaveLength(175);
    expect(CORRUPT_PNGS).toHaveLength(14);
  });

  it.each(VALID_PNGS)('%s decodes into eight previews', (file) => {
    expectEightPreviews(outcomes.get(`pngsuite/${file}`));
  });

  it.each(CORRUPT_PNGS)('%s fails alone, with the decoder’s reason', (file) => {
    expectFailedWithReason(outcomes.get(`pngsuite/${file}`), file);
  });
});

describe('malformed JPEGs', () => {
  it('has the 12 reference files', () => {
    expect(BAD_JPEGS).toHaveLength(12);
  });

  it.each(BAD_JPEGS)(
    '$file decodes or fails with a reason',
    ({ file, imageMagickExit, imageMagickMessage }) => {
      const outcome = outcomes.get(`badjpeg/${file}`);
      expect(outcome).toBeDefined();
      if (imageMagickExit !== '0') {
        // ImageMagick gives up on it: so must we, cleanly.
        expectFailedWithReason(outcome, file);
      } else if (imageMagickMessage.length > 0) {
        // ImageMagick decodes it with a warning: with failOn 'warning' we refuse it.
        expectFailedWithReason(outcome, file);
      } else {
        expectEightPreviews(outcome);
      }
    },
  );

  it('leaves the pool working after all of them', async () => {
    const result = await pool.decode(
      { path: fixture('exif', 'Casio_EX-S1.jpg') },
      { displayName: 'after.jpg' },
    );
    expect(result.width).toBe(640);
  });
});
