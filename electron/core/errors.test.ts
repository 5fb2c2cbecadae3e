// storageError is the one place the vault's storage failures get their names: damage as damage,
// a full disk (file system or SQLite) as a full disk.
import { describe, it, expect } from 'vitest';
import { DiskFullError, isDiskFull, storageError } from './errors.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('storageError', () => {
  it.each(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])('%s is DISK_FULL, never damage', (code) => {
    const typed = storageError(withCode(code));
    expect(typed?.code).toBe('DISK_FULL');
    expect(typed?.message).toMatch(/^The vault's disk is full.*Nothing was lost/);
    expect(isDiskFull(withCode(code))).toBe(true);
  });

  it('SQLite corruption stays VAULT_DAMAGED, and other errors stay untyped', () => {
    expect(storageError(withCode('SQLITE_CORRUPT'))?.code).toBe('VAULT_DAMAGED');
    expect(storageError(withCode('EACCES'))).toBeNull();
    expect(isDiskFull(withCode('EACCES'))).toBe(false);
  });

  it('says about how much more is needed when it is known', () => {
    const e = new DiskFullError({ bytes: 3 * 1024 * 1024, what: 'scan.tif' });
    expect(e.message).toContain('about 3.0 MiB more is needed (the size of scan.tif)');
  });
});
