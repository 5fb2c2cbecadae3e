// Expands the files and folders a reviewer chose into the files to ingest. Links are followed only
// while they stay inside the chosen folder, and a folder reached twice (a link loop) is walked once.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

export interface WalkFile {
  path: string;
  /** What the reviewer sees: the path below the chosen folder, or the file's name. */
  displayPath: string;
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
  p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist (moved or deleted?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of links';
  return `cannot be read (${code ?? 'unknown error'})`;
}

export async function walkEvidence(roots: readonly string[]): Promise<WalkResult> {
  const files: WalkFile[] = [];
  const problems: WalkProblem[] = [];
  const seenFiles = new Set<string>();

  for (const root of roots) {
    let rootReal: string;
    let rootStat;
    try {
      rootReal = await realpath(root);
      rootStat = await stat(rootReal);
    } catch (e) {
      problems.push({ path: root, reason: errorReason(e) });
      continue;
    }
    if (rootStat.isFile()) {
      if (!seenFiles.has(rootReal)) files.push({ path: rootReal, displayPath: basename(root) });
      seenFiles.add(rootReal);
      continue;
    }
    if (!rootStat.isDirectory()) {
      problems.push({ path: root, reason: 'not a regular file or folder' });
      continue;
    }
    const visitedDirs = new Set<string>([rootReal]);
    const label = basename(root);
    const stack: string[] = [rootReal];
    while (stack.length) {
      const dir = stack.pop() as string;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        problems.push({ path: dir, reason: errorReason(e) });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const entry of entries) {
        const p = join(dir, entry.name);
        const display = join(label, relative(rootReal, p));
        let target = p;
        let info;
        try {
          if ((await lstat(p)).isSymbolicLink()) {
            target = await realpath(p);
            if (!inside(rootReal, target)) {
              problems.push({
                path: display,
                reason: 'a link to outside the chosen folder (not followed)',
              });
              continue;
            }
          }
          info = await stat(target);
        } catch (e) {
          problems.push({ path: display, reason: errorReason(e) });
          continue;
        }
        if (info.isDirectory()) {
          if (visitedDirs.has(target)) continue; // a loop, or a second way to the same folder
          visitedDirs.add(target);
          subdirs.push(target);
        } else if (info.isFile()) {
          if (seenFiles.has(target)) continue;
          seenFiles.add(target);
          files.push({ path: target, displayPath: display });
        } else {
          problems.push({ path: display, reason: 'not a regular file (device, pipe or socket)' });
        }
      }
      // Depth first, in name order: a folder's files, then its subfolders, each in turn.
      stack.push(...subdirs.reverse());
    }
  }
  return { files, problems };
}
