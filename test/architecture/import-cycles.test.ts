/**
 * No import cycle in src/ (docs/architecture.md): modules form a graph a reader can follow from
 * the bottom up, and that loads in any order. Imports and re-exports that bring a value count;
 * and, in a second test, type-only ones too (`import type`, `export type`, every name marked
 * `type`): they vanish at run time, but a reader still follows them. Tests and benchmarks beside
 * the code are not counted.
 */
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
import { sourceFiles } from '../support/source-files.js';

type Graph = Map<string, string[]>;

function importGraph(withTypes = false): Graph {
  const graph: Graph = new Map();
  for (const { path, absolute, ast } of sourceFiles()) {
    const targets: string[] = [];
    for (const st of ast.statements) {
      if (!withTypes && typeOnly(st)) continue;
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      if (spec?.startsWith('.')) targets.push(relative(PROJECT_DIR, join(dirname(absolute), spec)).replace(/\.js$/, '.ts'));
    }
    graph.set(path, targets);
  }
  return graph;
}

/** An import or re-export that brings no value at run time. */
function typeOnly(st: ts.Statement): boolean {
  if (ts.isImportDeclaration(st)) {
    const clause = st.importClause;
    if (!clause) return false; // `import './x.js'`: a side effect, a value import
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(st)) {
    if (st.isTypeOnly) return true;
    const clause = st.exportClause;
    return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

/** The cycles, one per strongly connected component of more than one module (or a self-import). */
function cycles(graph: Graph): string[][] {
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return out;
}

describe('architecture: import cycles', () => {
  it('src/ has no import cycle', () => {
    const found = cycles(importGraph());
    expect(found, `Cycles d'imports dans src/ :\n${found.map((c) => c.join(' ⇄ ')).join('\n')}`).toEqual([]);
  });

  it('src/ has no import cycle even counting type-only imports', () => {
    const found = cycles(importGraph(true));
    expect(found, `Cycles d'imports (types compris) dans src/ :\n${found.map((c) => c.join(' ⇄ ')).join('\n')}`).toEqual([]);
  });

  it('every relative import of src/ resolves to a module of src/', () => {
    const graph = importGraph();
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => t.startsWith('src/') && !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(missing).toEqual([]);
    expect(graph.size).toBeGreaterThan(100);
  });

  it('finds a cycle when there is one', () => {
    const g: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
