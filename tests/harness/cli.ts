// `node tests/harness/cli.ts [--vault DIR] [--port N] [--passphrase-file FILE] [--renderer DIR]
//  [--rebuild] [--evidence DIR]`
// Prints the URL to open as its first line of stdout, then serves until SIGINT or SIGTERM, when it
// locks the core and removes a throwaway vault. The passphrase (optional: with one, the vault is
// created or unlocked before serving) comes from --passphrase-file or CUSTODY_PASSPHRASE, as the
// custody command reads it. With --evidence, Add evidence offers that folder's files. The packet
// save dialog is scripted to answer the OS temp folder with the suggested name.
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { packetDefaultPath } from '../../electron/main/packet-default-path.ts';
import { hasEnvPassphrase, readPassphrase } from '../../electron/cli/passphrase.ts';
import { startHarness, type HarnessOptions } from './server.ts';
import { evidencePicker } from './evidence-picker.ts';

const usage =
  'usage: node tests/harness/cli.ts [--vault DIR] [--port N] [--passphrase-file FILE] ' +
  '[--renderer DIR] [--rebuild] [--evidence DIR]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        vault: { type: 'string' },
        port: { type: 'string' },
        'passphrase-file': { type: 'string' },
        renderer: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        evidence: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const options: HarnessOptions = {
    rebuild: values.rebuild,
    // As in the app: videos are hashed a frame a second while the machine is idle.
    backgroundHashing: {},
    pickPacketTarget: (suggestedName) =>
      Promise.resolve(packetDefaultPath(tmpdir(), suggestedName)),
  };
  if (values.vault !== undefined) options.vaultDir = values.vault;
  if (values.renderer !== undefined) options.rendererDir = values.renderer;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`Not a port: ${values.port}\n${usage}`);
      process.exit(2);
    }
    options.port = port;
  }
  if (values.evidence !== undefined) {
    try {
      options.pickEvidence = await evidencePicker(values.evidence);
    } catch (e) {
      console.error(`${(e as Error).message}\n${usage}`);
      process.exit(2);
    }
  }
  const passphraseFile = values['passphrase-file'];
  if (passphraseFile !== undefined || hasEnvPassphrase()) {
    options.passphrase = await readPassphrase({ passphraseFile }, 'Passphrase: ');
  }
  options.onInternalError = (channel) => console.error(`internal error on ${channel}`);
  // A core error thrown outside a request (a timer, a stray promise) is logged, never fatal:
  // the harness stands in for the app's main process, which must stay up.
  const onStray = (e: unknown) =>
    console.error(`harness: uncaught ${e instanceof Error ? e.name : typeof e}, still serving`);
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);

  const harness = await startHarness(options);
  console.log(harness.url);
  const where = options.vaultDir === undefined ? 'a throwaway vault' : 'the vault';
  console.error(`Custody harness: ${where} in ${harness.vaultDir}. Ctrl+C stops it.`);

  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
