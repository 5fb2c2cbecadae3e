// `custody`: the same core as the app, for batch work, scripts and agencies. Output and exit
// statuses are a public interface, documented in docs/cli.md.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { resolve } from 'node:path';
import { CustodyCore } from '../core/core.ts';
import { createDispatcher } from '../ipc/dispatch.ts';
import { handlers } from '../ipc/handlers/index.ts';
import { defaultVaultDir } from '../core/paths.ts';
import { commands } from './commands/index.ts';
import { CommandError, unlock, type CliContext, type Command } from './command.ts';
import { EXIT_OK, EXIT_UNUSABLE, UsageError, exitCodeFor } from './exit.ts';
import { humanOutput, jsonOutput, oneLine, safe, writeHuman } from './safe-output.ts';
import { CliText, cliLanguage, environmentLanguage, ltr } from './cli-intl.ts';
import { readInterfaceLanguage } from '../core/settings/interface-language.ts';
import { storageError } from '../core/errors.ts';
import type { ErrorCode, ErrorParams } from '../../shared/domain/error-codes.ts';

const globalOptions: ParseArgsOptionsConfig = {
  vault: { type: 'string' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean' },
  /** The human output's language; a command with its own --lang (case create) keeps that. */
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function help(text: CliText): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  const summary = (c: Command) =>
    typeof c.summary === 'string' ? humanOutput(c.summary) : text.t(c.summary).text;
  return [
    text.t({ id: 'cli.help.title', defaultMessage: 'custody: evidence vault command line' }).text,
    '',
    ...commands.map((c) => `  custody ${c.path.join(' ').padEnd(width)}  ${summary(c)}`),
    '',
    text.t(
      {
        id: 'cli.help.options',
        defaultMessage:
          'Every command takes {vault}, {passphraseFile} (or {envVar}, or a prompt), {json} and {lang}.',
      },
      {
        vault: ltr('--vault DIR'),
        passphraseFile: ltr('--passphrase-file FILE'),
        envVar: ltr('CUSTODY_PASSPHRASE'),
        json: ltr('--json'),
        lang: ltr('--lang en|ar|fa|ru'),
      },
    ).text,
    text.t({
      id: 'cli.help.exit',
      defaultMessage:
        'Exit status: 0 success, 1 the answer is no (failed, invalid, not found), 2 unusable input.',
    }).text,
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const matches = commands.filter((c) => c.path.every((w, i) => argv[i] === w));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best && { command: best, rest: argv.slice(best.path.length) };
}

export async function main(argv: string[]): Promise<number> {
  const status = await runCommand(argv);
  return lostOutput.size ? Math.max(status, EXIT_UNUSABLE) : status;
}

async function runCommand(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // Core messages are one line by contract, so a line break in one comes from a quoted name and
  // is shown escaped; usage text is the CLI's own and keeps its lines.
  // Until the arguments are read, the environment's language; then --lang or the vault's.
  let text = new CliText(environmentLanguage(process.env));
  guardProcess(json, () => text);
  // --json's message stays the core's English; stderr says it in the reviewer's language.
  const fail: Fail = (code, message, asJson = json, usage?: string, params?: ErrorParams) => {
    const full = [message, usage && `Usage: ${usage}`].filter(Boolean).join('\n');
    if (asJson) process.stdout.write(jsonOutput({ error: { code, message: full } }) + '\n');
    const said =
      code === 'USAGE'
        ? text.usage(message, usage).text
        : text.error({ code, message, params }).text;
    process.stderr.write(`custody: ${said}\n`);
    return code === 'USAGE' ? EXIT_UNUSABLE : exitCodeFor(code);
  };
  const found = findCommand(argv);
  if (!found) {
    // No command to read the arguments: --lang is looked for on its own.
    const asked = parseArgs({ args: argv, options: globalOptions, strict: false }).values['lang'];
    try {
      if (typeof asked === 'string') text = new CliText(cliLanguage(asked, null, process.env));
    } catch (e) {
      return failWith(e, fail);
    }
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      process.stdout.write(help(text) + '\n');
      return argv.length === 0 ? EXIT_UNUSABLE : EXIT_OK;
    }
    const unknown = argv.slice(0, 2).join(' ');
    if (json) {
      const message = safe`Unknown command "${unknown}". Run \`custody --help\`.`;
      process.stdout.write(jsonOutput({ error: { code: 'USAGE', message } }) + '\n');
    }
    const said = text.t(
      {
        id: 'cli.unknownCommand',
        defaultMessage: 'Unknown command "{command}". Run `{help}`.',
      },
      { command: unknown, help: ltr('custody --help') },
    );
    process.stderr.write(`custody: ${said.text}\n`);
    return EXIT_UNUSABLE;
  }
  const { command, rest } = found;
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    return fail('USAGE', (e as Error).message, json, command.usage);
  }
  if (values['help']) {
    process.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  const vaultDir = resolve(
    typeof values['vault'] === 'string' ? values['vault'] : defaultVaultDir(),
  );
  try {
    const flag = command.options?.['lang'] ? undefined : (values['lang'] as string | undefined);
    text = new CliText(cliLanguage(flag, await readInterfaceLanguage(vaultDir), process.env));
  } catch (e) {
    return failWith(e, fail);
  }
  const core = new CustodyCore(vaultDir, {
    surface: 'cli',
    access: command.readOnly ? 'read' : 'write',
  });
  const ctx: CliContext = {
    core,
    dispatch: createDispatcher(core, handlers),
    json,
    passphraseFile:
      typeof values['passphrase-file'] === 'string' ? values['passphrase-file'] : undefined,
    text,
    print(human, doc) {
      process.stdout.write((json ? jsonOutput(doc) : writeHuman(human)) + '\n');
    },
    progress(line) {
      process.stderr.write(oneLine(line) + '\n');
    },
  };
  let status: number;
  try {
    if (command.unlock) await unlock(ctx);
    status = await command.run(ctx, values, positionals);
  } catch (e) {
    status = failWith(e, fail);
  }
  try {
    await core.close();
  } catch (e) {
    // The answer may be printed already; the failed lock still counts, on stderr only.
    status = Math.max(
      status,
      failWith(e, (code, message, _json, usage, params) =>
        fail(code, message, false, usage, params),
      ),
    );
  }
  return status;
}

type Fail = (
  code: ErrorCode | 'USAGE',
  message: string,
  asJson?: boolean,
  usage?: string,
  params?: ErrorParams,
) => number;

/** The one place any error becomes output and an exit status: nothing escapes as a crash. */
function failWith(e: unknown, fail: Fail): number {
  if (e instanceof CommandError) return fail(e.code, e.message, undefined, undefined, e.params);
  if (e instanceof UsageError) return fail('USAGE', e.message, undefined, e.usage);
  const typed = storageError(e);
  if (typed) return fail(typed.code, typed.message, undefined, undefined, typed.params);
  // A bug: named on stderr for the report, never a stack trace with paths or evidence.
  process.stderr.write(`custody: internal error (${internalName(e)})\n`);
  return fail('INTERNAL', 'Something went wrong inside custody; see the line above.');
}

// Name and code only: a message may hold an evidence path or file name.
function internalName(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? `${e.name} ${code}` : e.name;
}

/** Errors thrown outside main's own await chain (a timer, a stray promise) end the same way. */
function guardProcess(json: boolean, text: () => CliText): void {
  if (guarded) return;
  guarded = true;
  const onStray = (e: unknown) => {
    writeOpen(process.stderr, `custody: internal error (${internalName(e)})\n`);
    if (json) {
      const error = { code: 'INTERNAL', message: 'Something went wrong inside custody.' };
      writeOpen(process.stdout, JSON.stringify({ error }, null, 2) + '\n');
    }
    process.exitCode = EXIT_UNUSABLE;
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: Error) => outputFailed(stream, e, text()));
}
let guarded = false;

/**
 * Output streams that failed: their reader went away (`custody … | head`, a parent killed while
 * the command worked). Unheard, that EPIPE reached the stray handler, whose own message failed the
 * same way, and the process spun on it for as long as anyone let it. Now the stream is written no
 * more, the command ends as it would (locking the vault and logging it), and the exit status says
 * the answer was lost.
 */
const lostOutput = new Set<NodeJS.WriteStream>();

function outputFailed(stream: NodeJS.WriteStream, e: Error, text: CliText): void {
  if (lostOutput.has(stream)) return;
  lostOutput.add(stream);
  // main() returns before a late error is heard: the status it gave is raised here.
  process.exitCode = Math.max(Number(process.exitCode ?? 0), EXIT_UNUSABLE);
  const code = (e as NodeJS.ErrnoException).code ?? e.name;
  const said = text.t(
    {
      id: 'cli.outputLost',
      defaultMessage: 'The output could not be written ({code}): the answer is lost.',
    },
    { code: ltr(code) },
  );
  writeOpen(process.stderr, `custody: ${said.text}\n`);
}

/** A write to a stream that still has a reader; a lost one is skipped. */
function writeOpen(stream: NodeJS.WriteStream, chunk: string): void {
  if (!lostOutput.has(stream)) stream.write(chunk);
}
