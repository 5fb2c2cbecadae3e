// The web TypeScript program (renderer/ and shared/, tsconfig.web.json) must type-check without
// Node: one `import type` of a Node-side package (sharp's types reference "node") would pull
// @types/node in and let `Buffer` or `process` compile in the renderer. The check names the chain
// of imports that brought the offending file in, so it can be cut.
import { describe, it, expect } from 'vitest';
import ts from 'typescript';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB_CONFIG = join(ROOT, 'tsconfig.web.json');
/** Files the web program must never contain: Node's types and the Node side of the app. */
const NODE_SIDE = [/\/node_modules\/@types\/node\//, /\/node_modules\/sharp\//, /\/electron\//];

function parseConfig(path: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${path}: cannot be read`);
  return parsed;
}

/** Each file's imports, references and type references, resolved as the program resolved them. */
function edges(program: ts.Program, host: ts.CompilerHost): Map<string, string[]> {
  const options = program.getCompilerOptions();
  const out = new Map<string, string[]>();
  for (const file of program.getSourceFiles()) {
    const info = ts.preProcessFile(file.text, true, true);
    const targets = [
      ...info.importedFiles.map(
        (r) =>
          ts.resolveModuleName(r.fileName, file.fileName, options, host).resolvedModule
            ?.resolvedFileName,
      ),
      ...info.typeReferenceDirectives.map(
        (r) =>
          ts.resolveTypeReferenceDirective(r.fileName, file.fileName, options, host)
            .resolvedTypeReferenceDirective?.resolvedFileName,
      ),
      ...info.referencedFiles.map((r) => join(file.fileName, '..', r.fileName)),
    ];
    out.set(
      file.fileName,
      targets.filter((t): t is string => t !== undefined),
    );
  }
  return out;
}

const shown = (f: string) =>
  f.replace(/^.*\/node_modules\//, 'node_modules/').replace(`${ROOT}/`, '');
const nodeSide = (f: string) => NODE_SIDE.some((re) => re.test(f.replace(ROOT, '')));

/**
 * The Node-side files in the program, and for each place the program first steps onto the Node
 * side, the shortest chain of imports from a root file (breadth first).
 */
function nodeSideFiles(
  rootNames: string[],
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): { files: string[]; chains: string[] } {
  const program = ts.createProgram({ rootNames, options, host });
  const graph = edges(program, host);
  const parent = new Map<string, string | null>(rootNames.map((r) => [r, null]));
  const chains: string[] = [];
  for (const file of rootNames.values()) {
    const queue = [file];
    while (queue.length) {
      const at = queue.shift() ?? '';
      if (nodeSide(at)) {
        const chain = [at];
        for (let p = parent.get(at); p; p = parent.get(p)) chain.unshift(p);
        chains.push(chain.map(shown).join(' → '));
        continue;
      }
      for (const next of graph.get(at) ?? [])
        if (!parent.has(next)) {
          parent.set(next, at);
          queue.push(next);
        }
    }
  }
  const files = program
    .getSourceFiles()
    .map((f) => f.fileName)
    .filter(nodeSide)
    .map(shown);
  return { files, chains };
}

describe('the web TypeScript program', () => {
  it('pulls no Node types and no Node-side file', () => {
    const { fileNames, options } = parseConfig(WEB_CONFIG);
    const host = ts.createCompilerHost(options);
    expect(nodeSideFiles(fileNames, options, host)).toEqual({ files: [], chains: [] });
  });

  it('would be caught, with its chain, if a web file took a type from sharp', () => {
    const { options } = parseConfig(WEB_CONFIG);
    const probe = join(ROOT, 'shared', 'domain', 'web-program-probe.ts');
    const probeText = "import type { Sharp } from 'sharp';\nexport type S = Sharp;\n";
    const base = ts.createCompilerHost(options);
    const host: ts.CompilerHost = {
      ...base,
      fileExists: (f) => f === probe || base.fileExists(f),
      readFile: (f) => (f === probe ? probeText : base.readFile(f)),
      getSourceFile: (f, ...rest) =>
        f === probe
          ? ts.createSourceFile(f, probeText, ts.ScriptTarget.ES2024, true)
          : base.getSourceFile(f, ...rest),
    };
    const { files, chains } = nodeSideFiles([probe], options, host);
    expect(files).toContain('node_modules/@types/node/index.d.ts');
    expect(chains).toEqual([
      expect.stringMatching(/^shared\/domain\/web-program-probe\.ts → node_modules\/sharp\//),
    ]);
  });
});
