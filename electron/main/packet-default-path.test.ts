import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packetDefaultPath } from './packet-default-path.ts';

describe('packet save dialog default path', () => {
  const documents = join('/home', 'ana', 'Documents');

  it('puts the prefilled bare name in the default folder', () => {
    expect(packetDefaultPath(documents, 'custody-packet-2026-03-01-0915.zip')).toBe(
      join(documents, 'custody-packet-2026-03-01-0915.zip'),
    );
  });

  it('keeps a suggestion inside the folder', () => {
    expect(packetDefaultPath(documents, '../../etc/cron.d/x')).toBe(
      join(documents, '.._.._etc_cron.d_x'),
    );
    expect(packetDefaultPath(documents, '..')).toBe(join(documents, 'custody-packet.zip'));
  });
});
