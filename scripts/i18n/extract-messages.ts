// Finds every message the code declares, with its English default: `formatMessage({ id,
// defaultMessage })`, `defineMessage(s)`, `<FormattedMessage id defaultMessage />`. The English
// catalog is written from them (`node scripts/i18n/extract-messages.ts --write`) and checked
// against them by tests/unit/catalogs.test.ts, so a new message cannot miss the catalogs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const MESSAGE_ROOTS = ['renderer', 'electron/main', 'electron/cli'];
export const ENGLISH_CATALOG = 'shared/i18n/catalogs/en.json';

export interface Extracted {
  messages: Map<string, string>;
  /** Declarations the catalogs cannot take: a computed id or default, or one id with two texts. */
  problems: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function literal(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return literal(node.expression);
  return undefined;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

export function extractMessages(root: string): Extracted {
  const messages = new Map<string, string>();
  const problems: string[] = [];

  const add = (where: string, id: string | undefined, text: string | undefined) => {
    if (id === undefined || text === undefined) {
      problems.push(`${where}: a message needs a literal id and defaultMessage`);
      return;
    }
    const before = messages.get(id);
    if (before !== undefined && before !== text) {
      problems.push(`${where}: "${id}" already means "${before}"`);
    }
    messages.set(id, text);
  };

  const fromObject = (where: string, object: ts.Node | undefined) => {
    if (!object || !ts.isObjectLiteralExpression(object)) return;
    const prop = (name: string) =>
      object.properties.find(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name,
      )?.initializer;
    add(where, literal(prop('id')), literal(prop('defaultMessage')));
  };

  for (const dir of MESSAGE_ROOTS) {
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node): void => {
        const where = () => {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          return `${relative(root, file)}:${line + 1}`;
        };
        if (ts.isCallExpression(node)) {
          const name = calleeName(node);
          if (name === 'formatMessage' || name === 't' || name === 'defineMessage') {
            fromObject(where(), node.arguments[0]);
          } else if (name === 'defineMessages') {
            const all = node.arguments[0];
            if (all && ts.isObjectLiteralExpression(all)) {
              for (const p of all.properties) {
                if (ts.isPropertyAssignment(p)) fromObject(where(), p.initializer);
              }
            }
          }
        } else if (
          (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) &&
          node.tagName.getText() === 'FormattedMessage'
        ) {
          const attr = (name: string) =>
            node.attributes.properties.find(
              (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === name,
            )?.initializer;
          add(where(), literal(attr('id')), literal(attr('defaultMessage')));
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { messages, problems };
}

/** The English catalog as the code declares it, ids sorted so diffs stay small. */
export function englishCatalog(extracted: Extracted): Record<string, string> {
  return Object.fromEntries([...extracted.messages].sort(([a], [b]) => a.localeCompare(b, 'en')));
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  const root = join(import.meta.dirname, '..', '..');
  const extracted = extractMessages(root);
  for (const p of extracted.problems) console.error(p);
  writeFileSync(
    join(root, ENGLISH_CATALOG),
    `${JSON.stringify(englishCatalog(extracted), null, 2)}\n`,
  );
  console.log(`${extracted.messages.size} messages in ${ENGLISH_CATALOG}`);
  if (extracted.problems.length) process.exitCode = 1;
}
