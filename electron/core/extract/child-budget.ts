// The children one container may yield, within its extract limits: each path made safe and unique,
// and what falls past a limit counted, so the extractor can report it as damage instead of
// exhausting the decode process.
import { uniquePath } from './unique-path.ts';
import { neutralisePath } from './inner-path.ts';
import type { ExtractLimits, ExtractedChild } from './extract-result.ts';

export class ChildBudget {
  /** Children left out because a limit was reached. */
  refused = 0;
  private total = 0;
  private readonly taken = new Set<string>();
  private readonly children: ExtractedChild[];
  private readonly limits: ExtractLimits;

  constructor(children: ExtractedChild[], limits: ExtractLimits) {
    this.children = children;
    this.limits = limits;
  }

  /** Adds a child unless a limit forbids it; returns the path it was stored under, or null. */
  add(rawPath: string, bytes: Uint8Array, modifiedAt: string | null = null): string | null {
    const { limits } = this;
    const fits =
      this.children.length < limits.maxChildren &&
      bytes.length <= limits.maxChildBytes &&
      this.total + bytes.length <= limits.maxTotalBytes;
    if (!fits) {
      this.refused++;
      return null;
    }
    this.total += bytes.length;
    const path = uniquePath(neutralisePath(rawPath), this.taken);
    this.children.push({ path, bytes: new Uint8Array(bytes), modifiedAt });
    return path;
  }

  /** The damage note for what was left out, or null. */
  note(): string | null {
    return this.refused > 0
      ? `${this.refused} embedded files left out: over the size limits`
      : null;
  }
}
