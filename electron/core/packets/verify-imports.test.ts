// The verifier is for recipients: it must run on plain Node with no vault and no native module.
// Walks its import graph and checks every module it reaches.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ALLOWED_PACKAGES = new Set(['yauzl', 'age-encryption', 'zod']);

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*from\s+'([^']+)'/gm)].map(
    (m) => m[1] ?? '',
  );
}

describe('the packet verifier', () => {
  it('reaches only Node built-ins, yauzl, age-encryption, zod and pure modules', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [join(import.meta.dirname, 'verify.ts')];
    while (queue.length) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
        else if (!spec.startsWith('node:')) packages.add(spec);
      }
    }
    expect([...packages].filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
    const modules = [...seen].map((f) => relative(ROOT, f)).sort();
    const appModules = modules.filter(
      (m) =>
        !m.startsWith('electron/core/packets/') &&
        !m.startsWith('shared/domain/') &&
        !/^electron\/core\/custody\/(entry|merkle|signed-note|canonical|signing-key)\.ts$/.test(m),
    );
    // shared/domain holds schemas only; errors.ts and input-errors.ts (its sentences for bad
    // input), the key type behind signing-key.ts and the one multi-hash (shared with ingest, which
    // the verifier must not import) are leaf modules with no I/O.
    expect(appModules).toEqual([
      'electron/core/crypto/multi-hash.ts',
      'electron/core/crypto/secret-key.ts',
      'electron/core/errors.ts',
      'electron/core/input-errors.ts',
    ]);
    expect(modules.some((m) => m.startsWith('electron/core/ingest/'))).toBe(false);
    expect(modules.some((m) => /vault|store|blobs|media/.test(m))).toBe(false);
  });
});
