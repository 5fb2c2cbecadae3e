// Files dropped on the window: the preload reads their paths (only it can) and sends them here, on
// a message of its own rather than a contract channel, so the page itself cannot name paths. Main
// answers with one-use handles from the core, as its own file picker does.
import type { IpcResult } from '../../shared/contract/index.ts';
import { droppedPathsSchema, type PathGrant } from '../../shared/domain/path-grant.ts';
import { isCustodyError } from '../core/errors.ts';

export function grantDropped(
  grant: (paths: readonly string[]) => PathGrant[],
  paths: unknown,
): IpcResult<{ files: PathGrant[] }> {
  const parsed = droppedPathsSchema.safeParse(paths);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'Bad drop: not a list of paths.' } };
  }
  try {
    return { ok: true, value: { files: grant(parsed.data) } };
  } catch (e) {
    if (isCustodyError(e)) {
      const { code, message, params } = e;
      return { ok: false, error: { code, message, ...(params ? { params } : {}) } };
    }
    throw e;
  }
}
