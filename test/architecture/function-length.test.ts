/**
 * No function, method, accessor, constructor or arrow in src/ is longer than 100 lines
 * (docs/architecture.md): a long function is where a newcomer stops understanding. Tests and
 * benchmarks beside the code are not counted. The message names each function and its file.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files.js';

const MAX_LINES = 100;

interface LongFunction {
  where: string;
  name: string;
  lines: number;
}

function nameOf(node: ts.Node, file: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(file);
  if (ts.isConstructorDeclaration(node)) return `${className(node)}constructor`;
  // An arrow or function expression takes the name of what it is assigned to or passed to.
  const p = node.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.name.getText(file);
  if (ts.isCallExpression(p)) return `(argument de ${p.expression.getText(file).slice(0, 40)})`;
  return '(fonction anonyme)';
}

function className(node: ts.Node): string {
  const c = node.parent;
  return ts.isClassLike(c) && c.name ? `${c.name.text}.` : '';
}

function longFunctions(max = MAX_LINES): LongFunction[] {
  const out: LongFunction[] = [];
  for (const { path, ast } of sourceFiles()) {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const start = ast.getLineAndCharacterOfPosition(node.getStart(ast)).line;
        const end = ast.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > max) out.push({ where: `${path}:${start + 1}`, name: (ts.isMethodDeclaration(node) ? className(node) : '') + nameOf(node, ast), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(ast);
  }
  return out;
}

describe('architecture: function length', () => {
  it(`no function in src/ is longer than ${MAX_LINES} lines`, () => {
    const long = longFunctions();
    const message = long.map((f) => `${f.name} (${f.where}) : ${f.lines} lignes`).join('\n');
    expect(long, `Fonctions de plus de ${MAX_LINES} lignes dans src/ — découpez-les :\n${message}`).toEqual([]);
  });

  it('finds a long function when there is one', () => {
    // The same walk with a tiny limit must find many: the test cannot pass by finding nothing.
    expect(longFunctions(3).length).toBeGreaterThan(100);
  });
});
