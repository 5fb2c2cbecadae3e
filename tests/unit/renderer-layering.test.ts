// The renderer's import zones (eslint.config.js) refuse what STYLE.md forbids: each case lints a
// one-line file at a real renderer path through the project's own config, and checks the zone's
// rule fires for a forbidden import and stays quiet for the allowed one beside it.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';
// The zones are syntax only: type information would make each case take seconds, not change it.
const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function zoneMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const refused: [string, string, string, RegExp][] = [
  [
    'a feature imports the shell',
    'renderer/features/evidence/grid-links.ts',
    "import { App } from '../../app/App.tsx';",
    /renderer\/app is the shell/,
  ],
  [
    'a component imports the IPC client',
    'renderer/features/evidence/Probe.tsx',
    "import { invoke } from '../../ipc/client.ts';",
    /never the IPC client/,
  ],
  [
    'a shared component imports the IPC client',
    'renderer/components/Probe.tsx',
    "import { invoke } from '../ipc/client.ts';",
    /never the IPC client/,
  ],
  [
    'a component imports zustand',
    'renderer/features/evidence/Probe.tsx',
    "import { create } from 'zustand';",
    /one zustand wrapper/,
  ],
  [
    'a store imports zustand around the wrapper',
    'renderer/features/evidence/probe.store.ts',
    "import { create } from 'zustand/vanilla';",
    /one zustand wrapper/,
  ],
  [
    'the renderer imports node:fs',
    'renderer/features/evidence/probe.ts',
    "import { readFileSync } from 'node:fs';",
    /without Node/,
  ],
  [
    'the renderer imports a bare built-in',
    'renderer/base/probe.ts',
    "import { join } from 'path';",
    /without Node/,
  ],
  [
    'the renderer imports a built-in subpath',
    'renderer/app/Probe.tsx',
    "import { readFile } from 'fs/promises';",
    /without Node/,
  ],
  [
    'base imports a feature',
    'renderer/base/probe.ts',
    "import { useVault } from '../features/vault/vault.store.ts';",
    /knows none of them/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'a store imports the IPC client',
    'renderer/features/evidence/probe.store.ts',
    "import { invoke } from '../../ipc/client.ts';",
  ],
  [
    'a feature imports base and shared/domain',
    'renderer/features/evidence/Probe.tsx',
    "import { useRoute } from '../../base/route.store.ts';\nimport type { Item } from '../../../shared/domain/item.ts';",
  ],
  [
    'the store wrapper imports zustand',
    'renderer/base/store.ts',
    "import { create } from 'zustand';",
  ],
  [
    'the shell imports a feature',
    'renderer/app/Probe.tsx',
    "import { CaseList } from '../features/cases/CaseList.tsx';",
  ],
];

describe('renderer import zones', () => {
  it.each(refused)('refuses: %s', async (_what, filePath, source, message) => {
    const messages = await zoneMessages(filePath, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(allowed)('allows: %s', async (_what, filePath, source) => {
    expect(await zoneMessages(filePath, source)).toEqual([]);
  });
});
