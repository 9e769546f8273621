/**
 * The TypeScript sources of src/ (tests and benchmarks beside the code excluded), parsed with the
 * compiler API, for the architecture tests: function lengths and import cycles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT_DIR } from './corpus.js';

export const SRC_DIR = join(PROJECT_DIR, 'src');

export interface SourceFile {
  /** Relative to the project (`src/score/avancement.ts`). */
  path: string;
  absolute: string;
  ast: ts.SourceFile;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function sourceFiles(): SourceFile[] {
  return walk(SRC_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/\.(test|bench)\.ts$/.test(f))
    .sort()
    .map((absolute) => ({ path: relative(PROJECT_DIR, absolute), absolute, ast: ts.createSourceFile(absolute, readFileSync(absolute, 'utf8'), ts.ScriptTarget.Latest, true) }));
}
