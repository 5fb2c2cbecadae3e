import { describe, expect, it } from 'vitest';
import { PathHandles } from './path-handles.ts';

describe('path handles', () => {
  it('maps a granted handle back to its path once, for its purpose only', () => {
    const handles = new PathHandles();
    const { handle, name } = handles.grant('/home/ana/evidence/чат.png', 'evidence');
    expect(name).toBe('чат.png');
    expect(handle).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(() => handles.take(handle, 'packet-out')).toThrow(/not valid here/);
    expect(handles.take(handle, 'evidence')).toBe('/home/ana/evidence/чат.png');
    expect(() => handles.take(handle, 'evidence')).toThrow(/not valid here/);
  });

  it('mints a different handle for every grant, even of the same path', () => {
    const handles = new PathHandles();
    const minted = new Set(
      Array.from({ length: 1000 }, () => handles.grant('/tmp/a', 'evidence').handle),
    );
    expect(minted.size).toBe(1000);
  });

  it('takes a batch all or none: a forged or repeated handle uses none up', () => {
    const handles = new PathHandles();
    const one = handles.grant('/e/1', 'evidence').handle;
    const two = handles.grant('/e/2', 'evidence').handle;
    expect(() => handles.takeAll([one, 'forged-handle-000000000000'], 'evidence')).toThrow();
    expect(() => handles.takeAll([one, one], 'evidence')).toThrow();
    expect(handles.takeAll([one, two], 'evidence')).toEqual(['/e/1', '/e/2']);
  });

  it('forgets every handle when cleared (on lock)', () => {
    const handles = new PathHandles();
    const { handle } = handles.grant('/e/1', 'identity');
    handles.clear();
    expect(() => handles.take(handle, 'identity')).toThrow(/not valid here/);
  });
});
