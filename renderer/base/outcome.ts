// What a store action that can be refused returns: the value, or a ClientError to show in words.
import { ClientError } from '../ipc/client.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ClientError };

export const lockedError = (): ClientError =>
  new ClientError('VAULT_LOCKED', 'The vault is locked.');

export function failure(e: unknown): { ok: false; error: ClientError } {
  return {
    ok: false,
    error: e instanceof ClientError ? e : new ClientError('INTERNAL', String(e)),
  };
}

/** Runs a call; a lock that happened meanwhile turns its answer into a refusal. */
export async function attempt<T>(
  stale: () => boolean,
  call: () => Promise<T>,
): Promise<Outcome<T>> {
  try {
    const value = await call();
    return stale() ? { ok: false, error: lockedError() } : { ok: true, value };
  } catch (e) {
    return failure(e);
  }
}
