import { describe, expect, it } from 'vitest';
import { pdfDate } from './pdf-facts.ts';

describe('pdfDate', () => {
  it('reads full dates with offsets, UTC, and partial dates', () => {
    expect(pdfDate("D:20261130120000+03'30'")).toBe('2026-11-30T08:30:00.000Z');
    expect(pdfDate('D:20261130120000Z')).toBe('2026-11-30T12:00:00.000Z');
    expect(pdfDate("D:20261130120000-05'00")).toBe('2026-11-30T17:00:00.000Z');
    expect(pdfDate('D:2026')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('gives null for what is not a date', () => {
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate(undefined)).toBeNull();
  });
});
