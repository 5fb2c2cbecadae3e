import type { ParseArgsOptionsConfig } from 'node:util';
import type { CustodyCore } from '../core/core.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import type { ChannelName, Request, Response } from '../../shared/contract/index.ts';
import type { ErrorCode, ErrorParams } from '../../shared/domain/error-codes.ts';
import { isCustodyError, NoVaultError } from '../core/errors.ts';
import { readPassphrase } from './passphrase.ts';
import type { MessageDescriptor } from '@formatjs/intl';
import type { CliText } from './cli-intl.ts';
import type { Human } from './safe-output.ts';
import { usageOf } from './exit.ts';

export interface CliContext {
  core: CustodyCore;
  dispatch: Dispatch;
  json: boolean;
  passphraseFile: string | undefined;
  /** The human output's language (cli-intl.ts); --json stays English and ISO. */
  text: CliText;
  /** Human text to stdout, or with --json the one JSON document. */
  print(human: string | Human, json: unknown): void;
  /** Progress and warnings: stderr, never mixed into the JSON on stdout. */
  progress(line: string): void;
}

export interface Command {
  /** Words that select it, e.g. ['case', 'create']. */
  path: string[];
  /** One line for `custody --help`, from the catalogs (a plain string stays English). */
  summary: MessageDescriptor | string;
  usage: string;
  options?: ParseArgsOptionsConfig;
  /** Whether the vault is unlocked before run() (asks for the passphrase). */
  unlock: boolean;
  /**
   * Changes no evidence: opens the vault with a shared lock beside other readers, never sweeps.
   * Every other command takes the vault's write lock (docs/cli.md, "One writer per vault").
   */
  readOnly?: true;
  run(ctx: CliContext, values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/** A failed contract call, carried to main() which prints it and picks the exit status. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

/** Core errors become command errors, so main() prints them and picks the exit status. */
export async function viaCore<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isCustodyError(e)) throw new CommandError(e.code, e.message, e.params);
    throw e;
  }
}

/** Calls a channel through the same dispatcher the app uses, so the CLI gets the same validation. */
export async function call<C extends ChannelName>(
  ctx: CliContext,
  channel: C,
  args: Request<C>,
): Promise<Response<C>> {
  const result = await ctx.dispatch(channel, args);
  if (!result.ok)
    throw new CommandError(result.error.code, result.error.message, result.error.params);
  return result.value as Response<C>;
}

export async function unlock(ctx: CliContext): Promise<void> {
  const { state } = await call(ctx, 'vault:status', {});
  if (state === 'absent') throw new NoVaultError(ctx.core.vaultDir, 'init');
  const passphrase = await readPassphrase({ passphraseFile: ctx.passphraseFile }, 'Passphrase: ');
  await call(ctx, 'vault:unlock', { passphrase });
}

/** The `--case ID` every case-scoped command requires. */
export function requireCase(values: Record<string, unknown>, usage: string): string {
  const id = values['case'];
  if (typeof id !== 'string' || id === '') throw usageOf(usage);
  return id;
}
