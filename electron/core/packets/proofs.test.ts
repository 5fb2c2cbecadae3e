import { describe, it, expect } from 'vitest';
import { inclusionProof, leafHash, treeHead, verifyInclusion } from '../custody/merkle.ts';
import { auditPath, treeLevels } from './proofs.ts';
import { evidencePath, safeFileName } from './safe-name.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`e${i}`)));

describe('audit paths read off the tree levels', () => {
  it('equal RFC 9162 inclusion proofs for every leaf of every size up to 40', () => {
    for (let n = 1; n <= 40; n++) {
      const ls = leaves(n);
      const levels = treeLevels(ls);
      expect(levels.at(-1)?.[0]?.equals(treeHead(ls)), `root n=${n}`).toBe(true);
      for (let m = 0; m < n; m++) {
        const path = auditPath(levels, m);
        expect(
          path.map((p) => p.toString('hex')),
          `n=${n} m=${m}`,
        ).toEqual(inclusionProof(ls, m).map((p) => p.toString('hex')));
        expect(verifyInclusion(ls[m] as Buffer, m, n, path, treeHead(ls))).toBe(true);
      }
    }
  });
});

describe('evidence file names', () => {
  it('keep letters of any script and drop separators, dots and bidi overrides', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('<img src=x onerror=alert(1)>.png')).toBe('img_src_x_onerror_alert_1_.png');
    expect(safeFileName('photo\u202egpj.exe')).toBe('photo_gpj.exe');
    expect(safeFileName('صورة التهديد.jpg')).toBe('صورة_التهديد.jpg');
    expect(safeFileName('...')).toBe('file');
    expect(evidencePath('i_abc', 'C:\\Users\\x\\a.jpg')).toBe('evidence/i_abc-C_Users_x_a.jpg');
    const long = safeFileName(`${'я'.repeat(200)}.jpeg`);
    expect([...long].length).toBe(80);
    expect(long.endsWith('.jpeg')).toBe(true);
  });
});
