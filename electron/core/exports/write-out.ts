// Exports appear whole or not at all: files are written beside the target under a temporary name
// and renamed into place, so an error or a kill leaves no partial output under the chosen name.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { noFolderError, outExistsError } from '../input-errors.ts';

export interface Output {
  name: string;
  data: string;
}

export const sha256Of = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function checkTarget(out: string): Promise<void> {
  if (await exists(out)) throw outExistsError(out);
  if (!(await exists(dirname(out)))) throw noFolderError(out);
}

const scratchName = (out: string) =>
  join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`);

/** Writes one file at `out`, which must not exist yet. */
export async function writeOneFile(out: string, data: string): Promise<void> {
  await checkTarget(out);
  const scratch = scratchName(out);
  try {
    await writeFile(scratch, data, { flag: 'wx', mode: 0o600 });
    await rename(scratch, out);
  } catch (e) {
    await rm(scratch, { force: true });
    throw e;
  }
}

/** Writes a new folder `out` holding `files`; `out` must not exist yet. */
export async function writeFolder(out: string, files: readonly Output[]): Promise<void> {
  await checkTarget(out);
  const scratch = scratchName(out);
  try {
    await mkdir(scratch, { mode: 0o700 });
    for (const f of files)
      await writeFile(join(scratch, f.name), f.data, { flag: 'wx', mode: 0o600 });
    await rename(scratch, out);
  } catch (e) {
    await rm(scratch, { recursive: true, force: true });
    throw e;
  }
}

/** Replaces one existing file whole (write beside, then rename over). */
export async function replaceFile(path: string, data: string): Promise<void> {
  const scratch = scratchName(path);
  try {
    await writeFile(scratch, data, { flag: 'wx', mode: 0o600 });
    await rename(scratch, path);
  } catch (e) {
    await rm(scratch, { force: true });
    throw e;
  }
}
