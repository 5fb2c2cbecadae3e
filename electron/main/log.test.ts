import { describe, expect, it } from 'vitest';
import { errorName, formatLogLine } from './log.ts';

describe('formatLogLine', () => {
  it('prints ids, counts, flags and contract names as they are', () => {
    expect(
      formatLogLine('info', 'ingest.done', {
        caseId: 'c_abcdefghijklmnop',
        itemId: 'i_abcdefghijklmnop',
        items: 12,
        failed: 0,
        emergency: true,
        channel: 'vault:unlock',
        reason: 'idle',
        error: 'TypeError',
      }),
    ).toBe(
      'custody info ingest.done caseId=c_abcdefghijklmnop itemId=i_abcdefghijklmnop items=12 ' +
        'failed=0 emergency=true channel=vault:unlock reason=idle error=TypeError',
    );
  });

  it('redacts free text: filenames, titles, paths, usernames, hashes, messages', () => {
    const evidence = [
      'IMG_0042.jpg',
      'Threat against school',
      '/home/analyst/.config/Custody/vault',
      'johndoe',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      "ENOENT: no such file or directory, open '/evidence/a.png'",
    ];
    for (const value of evidence) {
      const line = formatLogLine('warn', 'ingest.failed', { name: value });
      expect(line).toBe('custody warn ingest.failed name=[redacted]');
    }
  });

  it('redacts an event name or drops a key that is not an identifier', () => {
    expect(formatLogLine('error', 'opened IMG_0042.jpg')).toBe('custody error [redacted]');
    expect(formatLogLine('info', 'x', { 'IMG_0042.jpg': 1, n: Number.NaN })).toBe(
      'custody info x n=[redacted]',
    );
  });
});

describe('errorName', () => {
  it('gives the class, never the message', () => {
    const error = new RangeError('/secret/path/photo.jpg');
    expect(errorName(error)).toBe('RangeError');
    expect(formatLogLine('error', 'x', { error: errorName(error) })).toBe(
      'custody error x error=RangeError',
    );
    expect(formatLogLine('error', 'x', { error: errorName('a string thrown') })).toBe(
      'custody error x error=[redacted]',
    );
  });
});
