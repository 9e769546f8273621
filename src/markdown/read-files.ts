/**
 * Reads Markdown files for the parsers; the only file-system code of the Markdown layer.
 * Reads are synchronous: a référentiel is a few dozen small files, and fs/promises' per-file
 * handle, stat and close round trips cost more than the reads themselves (`cae build`: ~10 ms).
 * The API stays async so callers do not depend on it.
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { MARKDOWN_LIMITS } from './limits.js';
import { decodeUtf8 } from './utf8.js';

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
 * a directory (`6.1.1.md:12:3`), and the path as passed for explicit files. Symbolic links to
 * regular files are followed (a référentiel may link shared measures); a dangling link or a loop is
 * a positioned error (`lien-casse`, `lien-boucle`), never a silently missing file. A file that is
 * not UTF-8 is left out with `encodage-invalide` at its first bad byte.
 *
 * @example
 * const { files, diagnostics } = await readMarkdownFiles('tet/questions');
 * const { questions } = parseQuestionsFiles(files);
 */
export async function readMarkdownFiles(dirOrFiles: string | readonly string[]): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  let entries: { path: string; displayPath: string }[];
  if (typeof dirOrFiles === 'string') {
    let names: string[];
    try {
      names = readdirSync(dirOrFiles, { withFileTypes: true }).filter((d) => (d.isFile() || d.isSymbolicLink()) && d.name.endsWith('.md')).map((d) => d.name);
    } catch (error) {
      diagnostics.push(diagnostic('fichier-illisible', 'error', `Dossier illisible : ${dirOrFiles} (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
      return { files, diagnostics };
    }
    names.sort(compareFileNames);
    entries = [];
    for (const n of names) {
      const path = join(dirOrFiles, n);
      // A link to a folder is skipped like a folder: folders are not walked.
      if (isDirectoryTarget(path)) continue;
      entries.push({ path, displayPath: n });
    }
  } else {
    entries = dirOrFiles.map((p) => ({ path: p, displayPath: p }));
  }
  for (const e of entries) {
    const r = readMarkdownFile(e.path, e.displayPath);
    if ('diagnostic' in r) diagnostics.push(r.diagnostic);
    else files.push({ path: e.path, displayPath: e.displayPath, content: r.text });
  }
  return { files, diagnostics };
}

function isDirectoryTarget(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * One file, strictly: a size check before reading (a file of more than 3 bytes per allowed
 * character is over the limit whatever its content), then strict UTF-8.
 */
export function readMarkdownFile(path: string, shown: string): { text: string } | { diagnostic: Diagnostic } {
  const at = { file: shown, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > 3 * MARKDOWN_LIMITS.maxChars) {
      return { diagnostic: diagnostic('markdown-trop-volumineux', 'error', `Fichier Markdown de ${size} octets inattendu, attendu au plus ${MARKDOWN_LIMITS.maxChars} caractères : il est ignoré`, at) };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { diagnostic: readFailure(path, shown, error) };
  }
  return decodeUtf8(bytes, shown);
}

/** Why a path could not be read; a symbolic link that leads nowhere is told apart. */
export function readFailure(path: string, shown: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const at = { file: shown, line: 1, column: 1 };
  let link: string | null = null;
  try {
    if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path);
  } catch {
    // Not even the link can be read: an ordinary unreadable file.
  }
  if (link !== null && code === 'ELOOP') return diagnostic('lien-boucle', 'error', `Lien symbolique en boucle inattendu (${shown} → ${link}), attendu un lien vers un fichier : le fichier est ignoré`, at);
  if (link !== null && (code === 'ENOENT' || code === 'ENOTDIR')) return diagnostic('lien-casse', 'error', `Lien symbolique cassé inattendu (${shown} → ${link}, cible absente), attendu un lien vers un fichier : le fichier est ignoré`, at);
  return diagnostic('fichier-illisible', 'error', `Fichier illisible : ${shown} (${code})`);
}
