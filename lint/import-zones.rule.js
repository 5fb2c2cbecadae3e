// @ts-check
// `custody/import-zones`: each runtime folder lists what it may import (VS Code's code-layering
// model), so a new import is refused until someone decides the layer may have it. Paths are
// resolved before matching, so `../../electron/main/x.ts` and a bare `http` cannot slip past a
// pattern written for another spelling. The zones themselves are in eslint.config.js.
import { builtinModules } from 'node:module';
import { dirname, matchesGlob, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/**
 * @typedef {{ zone: string, why: string, files?: string[], packages?: string[], builtins?: string[] }} Zone
 * @typedef {{ kind: 'file' | 'package' | 'builtin', name: string }} Target
 */

/** What `specifier`, written in `filename`, names: a repository file, a package, or a built-in. */
function targetOf(/** @type {string} */ specifier, /** @type {string} */ filename) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const file = relative(ROOT, resolve(dirname(filename), specifier))
      .split(sep)
      .join('/');
    return /** @type {Target} */ ({ kind: 'file', name: file });
  }
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (specifier.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0] ?? ''))
    return /** @type {Target} */ ({ kind: 'builtin', name: bare });
  const parts = specifier.split('/');
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return /** @type {Target} */ ({ kind: 'package', name: pkg });
}

/** Gitignore order: the last pattern that matches decides; `!` takes a file back out. */
function allowed(/** @type {string[]} */ patterns, /** @type {string} */ name) {
  let ok = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (matchesGlob(name, negated ? p.slice(1) : p)) ok = !negated;
  }
  return ok;
}

const LISTS = /** @type {const} */ ({ file: 'files', package: 'packages', builtin: 'builtins' });
const SHOWN = {
  file: (/** @type {string} */ n) => n,
  package: (n) => n,
  builtin: (n) => `node:${n}`,
};

/** @type {import('eslint').Rule.RuleModule} */
export const importZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its zone allows (eslint.config.js).' },
    schema: [
      {
        type: 'object',
        properties: {
          zone: { type: 'string' },
          why: { type: 'string' },
          files: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          builtins: { type: 'array', items: { type: 'string' } },
        },
        required: ['zone', 'why'],
        additionalProperties: false,
      },
    ],
    messages: {
      outside: '{{zone}} may not import {{kind}} {{name}}: {{why}}',
    },
  },
  create(context) {
    const zone = /** @type {Zone} */ (context.options[0]);
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const target = targetOf(source, context.filename);
      if (allowed(zone[LISTS[target.kind]] ?? [], target.name)) return;
      context.report({
        node,
        messageId: 'outside',
        data: {
          zone: zone.zone,
          kind: target.kind === 'builtin' ? 'the Node built-in' : `the ${target.kind}`,
          name: SHOWN[target.kind](target.name),
          why: zone.why,
        },
      });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      // `import x = require('m')` and `import('m').T` in types name modules too.
      /** @param {any} n */
      TSExternalModuleReference: (n) => check(n, n.expression?.value),
      /** @param {any} n */
      TSImportType: (n) => check(n, n.argument?.literal?.value ?? n.source?.value),
    };
  },
};

export const plugin = { meta: { name: 'custody' }, rules: { 'import-zones': importZones } };
