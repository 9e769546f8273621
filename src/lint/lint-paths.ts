/**
 * The thin file-system wrapper around `lintInputs`: reads the référentiel directory (or files) and
 * the companion directories, lints, and with `fix` applies the safe fixes, re-lints until nothing is
 * left to fix, then writes each changed file once, atomically. Files without fixes are never written.
 */
import { promises as fs, realpathSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { readFailure, readMarkdownFiles } from '../markdown/read-files.js';
import type { LintConfig } from './config.js';
import { applyFixes } from './fix.js';
import { type LintResult, lintInputs } from './lint-referentiel.js';
import type { LintFile, LintInputs, LintRule } from './types.js';

export interface LintPathsOptions {
  /** Directories or `.md` files of the référentiel (a file is linted in the context of its directory). */
  targets: readonly string[];
  questions?: string;
  personnalisations?: string;
  preuves?: string;
  config?: LintConfig;
  rules?: readonly LintRule[];
  fix?: boolean;
}

export interface LintPathsResult extends LintResult {
  /** Files that could not be read (unreadable path, no `.md`). */
  readErrors: Diagnostic[];
  /** Shown name → path on disk. */
  paths: Map<string, string>;
  /** Paths written by `fix`, and the number of fixes applied. */
  fixedFiles: string[];
  fixCount: number;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Read problems with a position (`encodage-invalide`, `lien-casse`, `lien-boucle`,
 * `markdown-trop-volumineux`) become lint messages of the file, under the shown name; the others
 * (an unreadable folder) stay usage errors.
 */
function sortReadDiagnostics(list: readonly Diagnostic[], rename: (shown: string) => string, readErrors: Diagnostic[], positioned: Diagnostic[]): void {
  for (const d of list) {
    if (d.position) positioned.push({ ...d, position: { ...d.position, file: rename(d.position.file) } });
    else readErrors.push(d);
  }
}

async function readTargets(targets: readonly string[], readErrors: Diagnostic[], positioned: Diagnostic[]): Promise<{ files: LintFile[]; only: Set<string> | null }> {
  const files: LintFile[] = [];
  const seen = new Set<string>();
  let only: Set<string> | null = null;
  const dirs: { dir: string; explicit: boolean }[] = [];
  for (const t of targets) {
    if (await isDirectory(t)) dirs.push({ dir: t, explicit: true });
    else {
      only ??= new Set();
      only.add(normalize(t));
      const d = dirname(t);
      if (!dirs.some((x) => normalize(x.dir) === normalize(d))) dirs.push({ dir: d, explicit: false });
      try {
        await fs.access(t);
      } catch (error) {
        // A broken `.md` link is reported by the folder read below, at its place.
        const d = readFailure(t, normalize(t), error);
        if (d.code === 'fichier-illisible') readErrors.push(diagnostic('fichier-illisible', 'error', `Fichier illisible : ${t}`));
        else if (!t.endsWith('.md')) positioned.push(d);
      }
    }
  }
  const bare = dirs.length === 1 && only === null;
  for (const { dir } of dirs) {
    const r = await readMarkdownFiles(dir);
    const rename = (shown: string): string => (bare ? shown : normalize(join(dir, shown)));
    sortReadDiagnostics(r.diagnostics, rename, readErrors, positioned);
    if (r.files.length === 0 && r.diagnostics.length === 0) readErrors.push(diagnostic('fichier-illisible', 'error', `Aucun fichier .md dans ${dir}`));
    for (const f of r.files) {
      const name = rename(f.displayPath ?? f.path);
      if (seen.has(name)) continue;
      seen.add(name);
      files.push({ path: f.path, displayPath: name, content: f.content });
    }
  }
  return { files, only };
}

async function readCompanion(dir: string | undefined, readErrors: Diagnostic[], positioned: Diagnostic[]): Promise<LintFile[] | undefined> {
  if (dir === undefined) return undefined;
  const r = await readMarkdownFiles(dir);
  sortReadDiagnostics(r.diagnostics, (shown) => normalize(join(dir, shown)), readErrors, positioned);
  return r.files.map((f) => ({ path: f.path, displayPath: normalize(join(dir, f.displayPath ?? '')), content: f.content }));
}

/**
 * Lints référentiel folders or files read from disk (with their questions, personalisation rules
 * and proofs), applies the safe fixes with `fix` (atomic writes; files without a fix are never
 * rewritten), and gives the messages with their counts and the paths it could not read.
 *
 * @example
 * const r = await lintPaths({ targets: ['referentiel/cae'], fix: false });
 * process.stdout.write(renderLintText(r.messages, { color: false }));
 */
export async function lintPaths(options: LintPathsOptions): Promise<LintPathsResult> {
  const readErrors: Diagnostic[] = [];
  const positioned: Diagnostic[] = [];
  const { files, only } = await readTargets(options.targets, readErrors, positioned);
  const inputs: LintInputs = {
    referentiel: files,
    questions: await readCompanion(options.questions, readErrors, positioned),
    personnalisations: await readCompanion(options.personnalisations, readErrors, positioned),
    preuves: await readCompanion(options.preuves, readErrors, positioned),
    readDiagnostics: positioned,
  };
  const all = [...inputs.referentiel, ...(inputs.questions ?? []), ...(inputs.personnalisations ?? []), ...(inputs.preuves ?? [])];
  const paths = new Map(all.map((f) => [f.displayPath ?? f.path, f.path]));
  const original = new Map(all.map((f) => [f.displayPath ?? f.path, f.content]));
  const lintOptions = { config: options.config, rules: options.rules };

  let result = lintInputs(inputs, lintOptions);
  let fixCount = 0;
  const fixedFiles: string[] = [];
  if (options.fix) {
    let current = new Map(original);
    for (let round = 0; round < 10; round++) {
      const fixable = [...result.messages, ...result.hiddenFixes].filter((m) => m.fix && (only === null || only.has(m.file)));
      const changed = applyFixes(current, fixable);
      if (changed.size === 0) break;
      fixCount += fixable.length;
      current = new Map([...current, ...changed]);
      const update = (list: readonly LintFile[] | undefined): LintFile[] | undefined => list?.map((f) => ({ ...f, content: current.get(f.displayPath ?? f.path) ?? f.content }));
      result = lintInputs({ referentiel: update(inputs.referentiel)!, questions: update(inputs.questions), personnalisations: update(inputs.personnalisations), preuves: update(inputs.preuves), readDiagnostics: positioned }, lintOptions);
    }
    for (const [name, content] of current) {
      if (content === original.get(name)) continue;
      // Through a symbolic link: the target is fixed, the link stays a link.
      const path = realpathSync(paths.get(name)!);
      await writeFileAtomic(path, content);
      fixedFiles.push(path);
    }
  }
  const messages = only === null ? result.messages : result.messages.filter((m) => only.has(m.file));
  return {
    ...result,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    readErrors,
    paths,
    fixedFiles,
    fixCount,
  };
}
