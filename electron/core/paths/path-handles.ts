// Paths reach the core from the renderer only as handles: random ids minted here when main's own
// dialog or a drop event chose a file, each bound to one purpose, good for one use, and forgotten on
// lock. A page that was taken over can name only what the reviewer chose; it cannot forge a path.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { CustodyError } from '../errors.ts';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';

/** What a chosen path may be used for; a handle for one is refused for any other. */
export type PathPurpose =
  'evidence' | 'packet-out' | 'packet-in' | 'identity' | 'hash-list' | 'hash-export' | 'xsd';

/** 144 random bits, base64url: 24 characters. */
const HANDLE_BYTES = 18;
/** Outstanding handles kept; the oldest go first (a drop of many files stays well below). */
const MAX_OUTSTANDING = 50_000;

export class PathHandleError extends CustodyError {
  constructor() {
    super(
      'FORBIDDEN',
      'That file choice is not valid here (already used, made before the vault was locked, or never made in this window). Choose the file again.',
    );
  }
}

export class PathHandles {
  readonly #granted = new Map<string, { path: string; purpose: PathPurpose }>();

  grant(path: string, purpose: PathPurpose): PathGrant {
    const handle = randomBytes(HANDLE_BYTES).toString('base64url');
    this.#granted.set(handle, { path, purpose });
    if (this.#granted.size > MAX_OUTSTANDING) {
      const oldest = this.#granted.keys().next().value;
      if (oldest !== undefined) this.#granted.delete(oldest);
    }
    return { handle, name: basename(path), path };
  }

  /** The path behind `handle`, which is used up; PathHandleError for any other handle or purpose. */
  take(handle: string, purpose: PathPurpose): string {
    const granted = this.#granted.get(handle);
    if (!granted || granted.purpose !== purpose) throw new PathHandleError();
    this.#granted.delete(handle);
    return granted.path;
  }

  /** Every path behind `handles`, all or none: one bad handle refuses the lot and uses none up. */
  takeAll(handles: readonly string[], purpose: PathPurpose): string[] {
    const unique = new Set(handles);
    if (unique.size !== handles.length) throw new PathHandleError();
    for (const h of handles) {
      if (this.#granted.get(h)?.purpose !== purpose) throw new PathHandleError();
    }
    return handles.map((h) => this.take(h, purpose));
  }

  /** Forgets every handle (on lock): choices do not outlive the session they were made in. */
  clear(): void {
    this.#granted.clear();
  }
}
