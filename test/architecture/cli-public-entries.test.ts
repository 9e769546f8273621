/**
 * The CLI is a client of the library like any other: every file under cli/ reaches the library
 * through the package's public entries (`label-cae`, `label-cae/node`, … as package.json `exports`
 * lists them), never by a path into src/ or dist/. Static imports, re-exports, `import type`,
 * `import()` (in code and in types), `require()` and `new URL(…, import.meta.url)` all count.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const CLI_DIR = join(PROJECT_DIR, 'cli');
const exportsMap = (JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
const PUBLIC = new Set(Object.keys(exportsMap).map((k) => (k === '.' ? 'label-cae' : `label-cae/${k.slice(2)}`)));

/** Every module specifier a source text names, with its line. */
function specifiers(file: string, text: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { spec: string; line: number }[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) out.push({ spec: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.[1]?.getText(sf) === 'import.meta.url') add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** What is wrong with one specifier of a file under cli/, or null. */
function violation(file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = relative(PROJECT_DIR, resolve(dirname(file), spec));
    return target.startsWith('cli/') || target.startsWith('cli\\') || target === 'package.json' ? null : `${spec} (→ ${target}) : hors de cli/, passer par une entrée publique`;
  }
  if (spec === 'label-cae' || spec.startsWith('label-cae/')) return PUBLIC.has(spec) ? null : `${spec} : pas une entrée publique de package.json (${[...PUBLIC].join(', ')})`;
  if (spec.startsWith('/') || /(^|\/)(src|dist)\//.test(spec)) return `${spec} : chemin vers le code de la bibliothèque`;
  return null;
}

export function violations(file: string, text: string): string[] {
  return specifiers(file, text).flatMap(({ spec, line }) => {
    const why = violation(file, spec);
    return why ? [`${relative(PROJECT_DIR, file)}:${line}: ${why}`] : [];
  });
}

const cliFiles = (readdirSync(CLI_DIR, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(CLI_DIR, f));

describe('the CLI uses only the public entries', () => {
  it('no file under cli/ imports src/ or dist/ other than through package.json exports', () => {
    expect(cliFiles.length).toBeGreaterThan(20);
    expect(cliFiles.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('catches every form of a deep import (the check above can fail)', () => {
    const file = join(CLI_DIR, 'commands', 'example.ts');
    const text = [
      "import { a } from '../../src/evaluation/evaluate-dossier.js';",
      "import type { B } from '../../src/referentiel/model.js';",
      "export { c } from '../../dist/src/index.js';",
      "const d = await import('../../src/lint/index.js');",
      "type E = import('../../src/report/render-text.js').TextOptions;",
      "const f = require('label-cae/dist/src/index.js');",
      "const g = new URL('../../src/node/render-xlsx.js', import.meta.url);",
      "import { h } from 'label-cae/internal';",
      "import { ok } from 'label-cae/report';",
      "import { ok2 } from '../shared/read-dossier.js';",
    ].join('\n');
    expect(violations(file, text).map((v) => Number(v.split(':')[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
