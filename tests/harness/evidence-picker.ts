// `--evidence DIR`: the harness's scripted file picker offers what is in one folder, read afresh on
// every pick, so a developer can drop files in and try ingest by hand.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Checks DIR is a folder now (a clear error naming it otherwise) and returns the picker. */
export async function evidencePicker(dir: string): Promise<() => Promise<string[]>> {
  const folder = resolve(dir);
  const st = await stat(folder).catch(() => null);
  if (!st?.isDirectory()) throw new Error(`--evidence ${folder}: not a folder.`);
  return async () => {
    const names = await readdir(folder);
    return names
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => join(folder, name));
  };
}
