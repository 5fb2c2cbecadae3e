// Right to left is the layout mirrored, not a second stylesheet: every CSS file and inline style of
// the renderer uses logical properties (margin-inline-start, not margin-left). A physical one is
// allowed only where the page must not mirror (an image being panned, a hash), marked on its line
// with `/* ltr-island: why */` in CSS or `// ltr-island: why` before the style in TSX.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const renderer = join(root, 'renderer');
const files = (ext: RegExp) =>
  readdirSync(renderer, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

const physicalCss =
  /^(left|right|(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)(-\w+)*|border-(top|bottom)-(left|right)-radius)$/;
const physicalValue = /^(text-align|float|clear|resize)$/;

/** Physical declarations in a stylesheet, as `file:line property`. */
export function physicalInCss(text: string, name: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/ltr-island:/.test(line)) return;
    const code = line.replace(/\/\*.*?\*\//g, '');
    for (const m of code.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/g)) {
      const [, prop = '', value = ''] = m;
      if (physicalCss.test(prop) || (physicalValue.test(prop) && /\b(left|right)\b/.test(value)))
        found.push(`${name}:${i + 1} ${prop}: ${value.trim()}`);
    }
  });
  return found;
}

const physicalJs =
  /^(left|right|(margin|padding|border|inset|scrollMargin|scrollPadding)(Left|Right)\w*|border(Top|Bottom)(Left|Right)Radius)$/;

/** Physical keys of `style={{ … }}` objects in a component, as `file:line key`. */
export function physicalInTsx(text: string, name: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxAttribute(node) && node.name.getText() === 'style') {
      const island = ts
        .getLeadingCommentRanges(text, node.getFullStart())
        ?.some((r) => /ltr-island:/.test(text.slice(r.pos, r.end)));
      const expr =
        node.initializer && ts.isJsxExpression(node.initializer)
          ? node.initializer.expression
          : undefined;
      const objects: ts.ObjectLiteralExpression[] = [];
      const collect = (n: ts.Node) => {
        if (ts.isObjectLiteralExpression(n)) objects.push(n);
        ts.forEachChild(n, collect);
      };
      if (expr && !island) collect(expr);
      for (const object of objects) {
        for (const p of object.properties) {
          if (!ts.isPropertyAssignment(p)) continue;
          const key = p.name.getText().replace(/['"]/g, '');
          const value = p.initializer.getText();
          if (
            physicalJs.test(key) ||
            (/^(textAlign|float|clear)$/.test(key) && /left|right/.test(value))
          ) {
            const { line } = source.getLineAndCharacterOfPosition(p.getStart());
            found.push(`${name}:${line + 1} ${key}`);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('right-to-left layout', () => {
  it('uses logical properties in every renderer stylesheet', () => {
    const found = files(/\.css$/).flatMap((f) =>
      physicalInCss(readFileSync(f, 'utf8'), relative(root, f)),
    );
    expect(found).toEqual([]);
  });

  it('uses logical properties in every inline style', () => {
    const found = files(/\.tsx$/).flatMap((f) =>
      physicalInTsx(readFileSync(f, 'utf8'), relative(root, f)),
    );
    expect(found).toEqual([]);
  });

  it('catches each physical form, and lets a marked LTR island through', () => {
    expect(
      physicalInCss(
        '.a { margin-left: 1px; padding-right: 0 }\n.b { text-align: right; left: 0 }',
        'x.css',
      ),
    ).toEqual([
      'x.css:1 margin-left: 1px',
      'x.css:1 padding-right: 0',
      'x.css:2 text-align: right',
      'x.css:2 left: 0',
    ]);
    expect(
      physicalInCss('.a { margin-inline-start: 1px; text-align: start; inset-inline: 0 }', 'x.css'),
    ).toEqual([]);
    expect(
      physicalInCss(
        '.hash { text-align: left; /* ltr-island: hashes read left to right */ }',
        'x.css',
      ),
    ).toEqual([]);
    expect(
      physicalInTsx('const a = <div style={{ marginLeft: 4, textAlign: "right" }} />;', 'x.tsx'),
    ).toEqual(['x.tsx:1 marginLeft', 'x.tsx:1 textAlign']);
    expect(
      physicalInTsx(
        'const a = (\n  <img\n    // ltr-island: the pan follows the image, not the page\n    style={{ left: 3 }}\n  />\n);',
        'x.tsx',
      ),
    ).toEqual([]);
  });
});
