import { describe, expect, it } from 'vitest';
import { vaultArgument } from './args.ts';

describe('vaultArgument', () => {
  it('reads --vault DIR and --vault=DIR', () => {
    expect(vaultArgument(['/usr/bin/electron', '.', '--vault', '/tmp/v'])).toBe('/tmp/v');
    expect(vaultArgument(['/opt/Custody/custody', '--vault=/tmp/v2'])).toBe('/tmp/v2');
  });

  it('is null when absent or empty', () => {
    expect(vaultArgument(['/opt/Custody/custody'])).toBeNull();
    expect(vaultArgument(['x', '--vault'])).toBeNull();
    expect(vaultArgument(['x', '--vault='])).toBeNull();
    expect(vaultArgument(['x', '--vaults=/a'])).toBeNull();
  });
});
