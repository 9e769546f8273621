/**
 * Reads Markdown files for the parsers; the only file-system code of the Markdown layer.
 * Reads are synchronous: a référentiel is a few dozen small files, and fs/promises' per-file
 * handle, stat and close round trips cost more than the reads themselves (`cae build`: ~10 ms).
 * The API stays async so callers do not depend on it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';

export interface SourceFile {
  /** Path as given; positions show `displayPath` when set, this otherwise. */
  path: string;
  content: string;
  displayPath?: string;
}

/** `1.10.md` after `1.9.md`: numeric-aware, so the order of files and diagnostics is stable. */
export function compareFileNames(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y);
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * Reads a directory's `*.md` (not recursive), or the given files. Positions show the file name for
 * a directory (`6.1.1.md:12:3`), and the path as passed for explicit files.
 */
export async function readMarkdownFiles(dirOrFiles: string | readonly string[]): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  let entries: { path: string; displayPath: string }[];
  if (typeof dirOrFiles === 'string') {
    let names: string[];
    try {
      names = readdirSync(dirOrFiles, { withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.md')).map((d) => d.name);
    } catch (error) {
      diagnostics.push(diagnostic('fichier-illisible', 'error', `Dossier illisible : ${dirOrFiles} (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
      return { files, diagnostics };
    }
    names.sort(compareFileNames);
    entries = names.map((n) => ({ path: join(dirOrFiles, n), displayPath: n }));
  } else {
    entries = dirOrFiles.map((p) => ({ path: p, displayPath: p }));
  }
  for (const e of entries) {
    try {
      files.push({ path: e.path, displayPath: e.displayPath, content: readFileSync(e.path, 'utf8') });
    } catch (error) {
      diagnostics.push(diagnostic('fichier-illisible', 'error', `Fichier illisible : ${e.displayPath} (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
    }
  }
  return { files, diagnostics };
}

