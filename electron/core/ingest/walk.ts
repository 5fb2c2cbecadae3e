// Expands the files and folders a reviewer chose into the files to ingest. Links are followed only
// while they stay inside the chosen folder, and a folder reached twice (a link loop) is walked once.
// Paths are handled as raw bytes (name-bytes.ts): a name that is not UTF-8 is still a file.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import {
  binaryToBytes,
  bytesToBinary,
  displayPathFromBytes,
  isPlainName,
  textToBinary,
} from './name-bytes.ts';

export interface WalkFile {
  /** Where to open the file: its real path, as raw bytes (or text, for a caller's own path). */
  path: Buffer | string;
  /** What the reviewer sees: the path below the chosen folder, or the file's name, escaped if not UTF-8. */
  displayPath: string;
  /** The same path below the chosen folder as the file system spells it, byte for byte. */
  rawPath?: Buffer;
}

/** The raw name worth storing beside the display text: only one that is not valid UTF-8. */
export function keptNameBytes(file: WalkFile): Buffer | null {
  return file.rawPath && !isPlainName(file.rawPath) ? file.rawPath : null;
}

export interface WalkProblem {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: WalkFile[];
  problems: WalkProblem[];
}

const inside = (root: string, p: string) =>
  p === root || p.startsWith(root.endsWith(posix.sep) ? root : root + posix.sep);

function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist (moved or deleted?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of links';
  return `cannot be read (${code ?? 'unknown error'})`;
}

// The fs calls below take and give raw bytes; the walk computes with one-char-per-byte strings.
const bytes = binaryToBytes;
const realpathOf = async (p: string) => bytesToBinary(await realpath(bytes(p), 'buffer'));
const display = (p: string) => displayPathFromBytes(bytes(p));

export async function walkEvidence(roots: readonly string[]): Promise<WalkResult> {
  const files: WalkFile[] = [];
  const problems: WalkProblem[] = [];
  const seenFiles = new Set<string>();
  const add = (target: string, shown: string) => {
    if (seenFiles.has(target)) return;
    seenFiles.add(target);
    files.push({ path: bytes(target), displayPath: display(shown), rawPath: bytes(shown) });
  };

  for (const rootText of roots) {
    const root = textToBinary(rootText);
    let rootReal: string;
    let rootStat;
    try {
      rootReal = await realpathOf(root);
      rootStat = await stat(bytes(rootReal));
    } catch (e) {
      problems.push({ path: rootText, reason: errorReason(e) });
      continue;
    }
    if (rootStat.isFile()) {
      add(rootReal, posix.basename(root));
      continue;
    }
    if (!rootStat.isDirectory()) {
      problems.push({ path: rootText, reason: 'not a regular file or folder' });
      continue;
    }
    const visitedDirs = new Set<string>([rootReal]);
    const label = posix.basename(root);
    const stack: string[] = [rootReal];
    while (stack.length) {
      const dir = stack.pop() as string;
      let names: string[];
      try {
        names = (await readdir(bytes(dir), { encoding: 'buffer' })).map(bytesToBinary);
      } catch (e) {
        problems.push({ path: display(dir), reason: errorReason(e) });
        continue;
      }
      names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const subdirs: string[] = [];
      for (const name of names) {
        const p = posix.join(dir, name);
        const shown = posix.join(label, posix.relative(rootReal, p));
        let target = p;
        let info;
        try {
          if ((await lstat(bytes(p))).isSymbolicLink()) {
            target = await realpathOf(p);
            if (!inside(rootReal, target)) {
              problems.push({
                path: display(shown),
                reason: 'a link to outside the chosen folder (not followed)',
              });
              continue;
            }
          }
          info = await stat(bytes(target));
        } catch (e) {
          problems.push({ path: display(shown), reason: errorReason(e) });
          continue;
        }
        if (info.isDirectory()) {
          if (visitedDirs.has(target)) continue; // a loop, or a second way to the same folder
          visitedDirs.add(target);
          subdirs.push(target);
        } else if (info.isFile()) {
          add(target, shown);
        } else {
          problems.push({
            path: display(shown),
            reason: 'not a regular file (device, pipe or socket)',
          });
        }
      }
      // Depth first, in name order: a folder's files, then its subfolders, each in turn.
      stack.push(...subdirs.reverse());
    }
  }
  return { files, problems };
}
