// Scans real files for plaintext: marker strings (UTF-8 and UTF-16LE, as SQLite may store either)
// and windows of a secret payload.
import { readFile } from 'node:fs/promises';

const WINDOW = 64;

export interface Finding {
  file: string;
  what: string;
}

/** Payload windows at a stride of WINDOW, keyed by their first 4 bytes. Any run of 2*WINDOW-1
 *  plaintext bytes in a file contains one of them whole, so leaks of that size or more are found. */
function windowIndex(payloads: Buffer[]): Map<number, Buffer[]> {
  const map = new Map<number, Buffer[]>();
  for (const p of payloads) {
    for (let i = 0; i + WINDOW <= p.length; i += WINDOW) {
      const w = p.subarray(i, i + WINDOW);
      if (!distinctive(w)) continue;
      const k = w.readUInt32LE(0);
      const list = map.get(k);
      if (list) list.push(w);
      else map.set(k, [w]);
    }
  }
  return map;
}

/**
 * A window of few distinct bytes (a run of zeros in a PNG, a flat colour) occurs in any file by
 * chance and reveals nothing; only windows with real content count as a leak.
 */
function distinctive(w: Buffer): boolean {
  return new Set(w).size >= 16;
}

function findWindow(data: Buffer, index: Map<number, Buffer[]>): number {
  for (let i = 0; i + WINDOW <= data.length; i++) {
    const hits = index.get(data.readUInt32LE(i));
    if (hits?.some((w) => data.compare(w, 0, WINDOW, i, i + WINDOW) === 0)) return i;
  }
  return -1;
}

export async function scanForPlaintext(
  files: string[],
  markers: string[],
  payloads: Buffer[] = [],
): Promise<Finding[]> {
  const needles = markers.flatMap((m) => [
    { what: `marker ${m} (utf8)`, bytes: Buffer.from(m, 'utf8') },
    { what: `marker ${m} (utf16le)`, bytes: Buffer.from(m, 'utf16le') },
  ]);
  const index = windowIndex(payloads);
  const findings: Finding[] = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      continue; // vanished temp file of another process
    }
    for (const n of needles) if (data.includes(n.bytes)) findings.push({ file, what: n.what });
    if (index.size) {
      const at = findWindow(data, index);
      if (at >= 0) findings.push({ file, what: `64-byte window of payload at offset ${at}` });
    }
  }
  return findings;
}
