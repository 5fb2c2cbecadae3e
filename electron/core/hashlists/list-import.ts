// Importing a list file: parse it whole first (streaming, so memory holds entries, never the
// file), refuse it if nothing usable came out, then write it in ONE transaction: a list is all
// in or not at all. A newer version of a name replaces the older: plain lists are whole lists,
// update formats (their files carry tombstones) are applied on top of what is kept.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { UnlockedVault } from '../vault/vault.ts';
import { record } from '../custody/custody-log.ts';
import type { HashListFormat, ImportProblem } from '../../../shared/domain/hashlist.ts';
import { HashListRefusedError } from './list-errors.ts';
import { parseList, detectFormat, updateFormats } from './formats/index.ts';
import type { ListEntry } from './list-entry.ts';
import {
  deleteEntries,
  entryWriter,
  insertList,
  listByName,
  updateList,
  type ListHead,
} from './list.queries.ts';

/** Problems kept for the report; beyond this only the count grows. */
const MAX_REPORTED = 10_000;

export interface ImportOptions {
  name: string;
  format: HashListFormat | 'auto';
  threshold: number;
  knownIllegal: boolean;
  negative: boolean;
  /** Called now and then with the lines read so far. */
  onProgress?: (lines: number) => void;
}

export interface ParsedList {
  format: HashListFormat;
  entries: Map<string, ListEntry>;
  tombstones: Map<string, { hashType: string; value: string }>;
  skipped: ImportProblem[];
  skippedCount: number;
  sourceSha256: string;
}

const key = (hashType: string, value: string) => `${hashType}\u0000${value}`;

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function parseListFile(path: string, options: ImportOptions): Promise<ParsedList> {
  const format = options.format === 'auto' ? await detectFormat(path) : options.format;
  const entries = new Map<string, ListEntry>();
  const tombstones = new Map<string, { hashType: string; value: string }>();
  const skipped: ImportProblem[] = [];
  let skippedCount = 0;
  let last = 0;
  for await (const r of parseList(path, format)) {
    if (r.line - last >= 10_000) {
      last = r.line;
      options.onProgress?.(r.line);
    }
    if (r.kind === 'problem') {
      skippedCount++;
      if (skipped.length < MAX_REPORTED) skipped.push({ line: r.line, reason: r.reason });
    } else if (r.kind === 'tombstone') {
      const k = key(r.hashType, r.value);
      entries.delete(k);
      tombstones.set(k, { hashType: r.hashType, value: r.value });
    } else {
      const k = key(r.entry.hashType, r.entry.value);
      tombstones.delete(k);
      entries.set(k, { ...r.entry, negative: r.entry.negative || options.negative });
    }
  }
  if (entries.size === 0 && tombstones.size === 0) {
    const first = skipped[0];
    throw new HashListRefusedError(
      basename(path),
      first
        ? `no line could be read as a hash (${skippedCount} problems; line ${first.line}: ${first.reason})`
        : 'it holds no hashes',
    );
  }
  return { format, entries, tombstones, skipped, skippedCount, sourceSha256: await sha256Of(path) };
}

export interface Written {
  list: ListHead;
  added: number;
  removed: number;
}

/** Writes a parsed list as a new list or the next version of the one with its name. */
export function writeList(
  vault: UnlockedVault,
  path: string,
  parsed: ParsedList,
  options: ImportOptions,
): Written {
  const at = new Date().toISOString();
  return vault.db.transaction((): Written => {
    const old = listByName(vault.db, options.name);
    const list: ListHead = {
      id: old?.id ?? `hl_${randomBytes(8).toString('hex')}`,
      name: options.name,
      format: parsed.format,
      version: (old?.version ?? 0) + 1,
      threshold: options.threshold,
      knownIllegal: options.knownIllegal,
      negative: options.negative,
      enabled: old?.enabled ?? true,
      versions: old?.versions ?? [],
    };
    let removed = 0;
    if (!old) insertList(vault.db, list, at);
    else if (!updateFormats.has(parsed.format)) removed = replaceAll(vault, list.id, parsed);
    const writer = entryWriter(vault.db, list.id);
    for (const t of parsed.tombstones.values()) if (writer.drop(t.hashType, t.value)) removed++;
    let added = 0;
    // In key order: both B-trees then grow at their end. Random hex in file order touched a random
    // page per row, and past the page cache a 1,000,000-line list took 140 times a 100,000-line one.
    const sorted = [...parsed.entries.values()].sort((a, b) =>
      a.hashType === b.hashType ? (a.value < b.value ? -1 : 1) : a.hashType < b.hashType ? -1 : 1,
    );
    for (const e of sorted) {
      writer.put(e);
      added++;
    }
    list.versions = [
      ...list.versions,
      {
        version: list.version,
        source: basename(path),
        sourceSha256: parsed.sourceSha256,
        importedAt: at,
        added,
        removed,
      },
    ];
    updateList(vault.db, list, at);
    record(vault, {
      action: 'hashlist.imported',
      details: {
        listId: list.id,
        version: list.version,
        format: parsed.format,
        sourceSha256: parsed.sourceSha256,
        entries: added,
        removed,
        skipped: parsed.skippedCount,
        knownIllegal: list.knownIllegal,
        negative: list.negative,
      },
    });
    return { list, added, removed };
  })();
}

/** A whole list given again: empties the old entries, counting those the new one no longer has. */
function replaceAll(vault: UnlockedVault, listId: string, parsed: ParsedList): number {
  let gone = 0;
  const rows = vault.db
    .prepare('SELECT hash_type, value FROM hash_list_entries WHERE list_id = ?')
    .iterate(listId) as Iterable<{ hash_type: string; value: string }>;
  for (const r of rows) if (!parsed.entries.has(key(r.hash_type, r.value))) gone++;
  deleteEntries(vault.db, listId);
  return gone;
}
