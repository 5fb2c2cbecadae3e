// Each import zone in eslint.config.js, proven on the real config: a snippet with a forbidden
// import, linted as if it lived in the zone, fails with the zone's rule; an allowed one passes.
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const ZONE_RULES = new Set([
  'custody/import-zones',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-imports',
]);

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: join(ROOT, 'eslint.config.js'),
  // The probes are not files on disk, so no type information: the zone rules need none.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ZONE_RULES.has(ruleId),
});

/** The zone rules' messages for `code` placed at `file` (repository-relative). */
async function lint(
  file: string,
  code: string,
): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

async function refused(file: string, code: string, rule = 'custody/import-zones') {
  const messages = await lint(file, code);
  expect(messages, `${file}: ${code}`).toContainEqual(expect.objectContaining({ ruleId: rule }));
  return messages.map((m) => m.message).join('\n');
}

async function accepted(file: string, code: string) {
  expect(await lint(file, code), `${file}: ${code}`).toEqual([]);
}

const network = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];
const natives = ['better-sqlite3-multiple-ciphers', 'sharp', '@node-rs/argon2'];
/** A module importing each of `specs` and using it. */
const use = (...specs: string[]) =>
  specs
    .map((spec, i) => `import * as m${i} from '${spec}';\nexport const x${i} = m${i};\n`)
    .join('');

describe('electron/core', () => {
  const service = 'electron/core/cases/zone-probe.ts';

  it('reaches no network module, bare or node:, and no network global', async () => {
    for (const mod of network) {
      expect(await refused(service, use(mod))).toContain(`node:${mod}`);
      await refused(service, use(`node:${mod}`));
      await refused('electron/core/store/zone-probe.ts', use(`node:${mod}`));
    }
    for (const global of [
      'fetch("https://example.org")',
      'new WebSocket("ws://x")',
      'new XMLHttpRequest()',
    ])
      await refused(service, `export const x = ${global};\n`, 'no-restricted-globals');
    await refused(
      'electron/main/zone-probe.ts',
      'export const x = globalThis.fetch("https://example.org");\n',
      'no-restricted-properties',
    );
    await accepted(service, use('node:fs/promises', 'path'));
  });

  it('never imports electron, main, ipc, the CLI or the renderer', async () => {
    for (const spec of [
      'electron',
      '../../main/lock.ts',
      '../../ipc/dispatch.ts',
      '../../ipc/handlers/index.ts',
      '../../cli/main.ts',
      '../../../renderer/app/store.ts',
    ])
      await refused(service, use(spec));
    await accepted(service, use('../store/db.ts', 'zod'));
  });

  it('handlers → services → store, never upward', async () => {
    // The floor never imports a service or the facade.
    expect(
      await refused('electron/core/store/zone-probe.ts', use('../cases/case.service.ts')),
    ).toContain('electron/core/cases/case.service.ts');
    await refused('electron/core/blobs/zone-probe.ts', use('../core.ts'));
    await refused('electron/core/media/zone-probe.ts', use('../ingest/ingest.service.ts'));
    await accepted(
      'electron/core/vault/zone-probe.ts',
      use('../store/db.ts', '../blobs/index.ts', '../errors.ts'),
    );
    // A service never imports the facade or an adapter, even for a type.
    await refused(
      service,
      "import type { CustodyCore } from '../core.ts';\nexport type C = CustodyCore;\n",
    );
    await refused(service, use('../preview/preview-handler.ts'));
    // Handlers stand on the core; the core never on them.
    await accepted('electron/ipc/handlers/zone-probe.ts', use('../../core/core.ts'));
    await refused('electron/ipc/handlers/zone-probe.ts', use('../../main/ipc.ts'));
  });
});

describe('shared/, renderer/ and electron/preload/ run without Node', () => {
  const places = [
    'shared/domain/zone-probe.ts',
    'renderer/features/cases/zone-probe.ts',
    'electron/preload/zone-probe.ts',
  ];

  it('import no Node built-in, bare or node:, and no native package', async () => {
    for (const file of places) {
      for (const spec of [
        'fs',
        'node:fs',
        'path',
        'node:path',
        'node:crypto',
        'os',
        'child_process',
      ])
        await refused(file, use(spec));
      for (const spec of natives) await refused(file, use(spec));
    }
    await accepted('shared/domain/zone-probe.ts', use('zod'));
    await accepted(
      'renderer/features/cases/zone-probe.ts',
      use('react', '../../../shared/domain/ids.ts'),
    );
  });

  it('shared/ imports nothing from the app, renderer/ nothing from electron/', async () => {
    await refused('shared/domain/zone-probe.ts', use('../../electron/core/errors.ts'));
    await refused('shared/domain/zone-probe.ts', use('../../renderer/app/store.ts'));
    await refused('shared/contract/zone-probe.ts', use('react'));
    await refused('renderer/features/cases/zone-probe.ts', use('../../../electron/core/errors.ts'));
    await refused('renderer/features/cases/zone-probe.ts', use('electron'));
  });

  it('the preload imports only shared/ and contextBridge, ipcRenderer, webUtils from electron', async () => {
    const preload = 'electron/preload/zone-probe.ts';
    for (const spec of [
      '../core/core.ts',
      '../main/ipc.ts',
      '../ipc/dispatch.ts',
      '../../renderer/ipc/client.ts',
    ])
      await refused(preload, use(spec));
    await refused(
      preload,
      "import { shell } from 'electron';\nexport const s = shell;\n",
      'no-restricted-imports',
    );
    await accepted(
      preload,
      "import { contextBridge, ipcRenderer } from 'electron';\nimport { channels } from '../../shared/contract/index.ts';\nexport const x = [contextBridge, ipcRenderer, channels];\n",
    );
  });
});

describe('electron/main and electron/cli', () => {
  it('main has no network: no net module, no electron.net', async () => {
    for (const mod of network) await refused('electron/main/zone-probe.ts', use(`node:${mod}`));
    await refused(
      'electron/main/zone-probe.ts',
      "import { net } from 'electron';\nexport const n = net;\n",
      'no-restricted-imports',
    );
    await accepted(
      'electron/main/zone-probe.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
    );
  });

  it('the CLI imports neither electron nor the network', async () => {
    await refused('electron/cli/zone-probe.ts', use('electron'));
    await refused('electron/cli/zone-probe.ts', use('https'));
    await accepted('electron/cli/zone-probe.ts', use('../ipc/dispatch.ts'));
  });
});

describe('bin/ and build/', () => {
  it('the launcher reaches only the CLI; packaging only the builder and the fuses', async () => {
    await accepted('bin/zone-probe.js', use('../electron/cli/main.ts'));
    await refused('bin/zone-probe.js', use('../electron/core/core.ts'));
    await accepted('build/zone-probe.ts', use('@electron/fuses', 'node:path'));
    await refused('build/zone-probe.ts', use('../tests/helpers/temp.ts'));
    await refused('build/zone-probe.ts', use('node:https'));
  });
});

describe('test support stays out of production', () => {
  const helper = (depth: number) => `${'../'.repeat(depth)}tests/helpers/temp.ts`;

  it('no production file imports tests/; tests beside the code may', async () => {
    for (const [file, depth] of [
      ['electron/core/cases/zone-probe.ts', 3],
      ['electron/main/zone-probe.ts', 2],
      ['shared/domain/zone-probe.ts', 2],
      ['renderer/features/cases/ZoneProbe.tsx', 3],
    ] as const) {
      expect(await refused(file, use(helper(depth)))).toContain('tests/helpers/temp.ts');
      await accepted(file.replace(/(\.tsx?)$/, '.test$1'), use(helper(depth)));
    }
    await refused('electron/core/cases/zone-probe.ts', use('vitest'));
  });
});
