/**
 * The only file-system part of the référentiel API: reads `*.md` files, then hands them to the pure
 * `parseReferentielFiles`. Unreadable paths become diagnostics too (`fichier-illisible`).
 */
import { join, relative } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { readMarkdownFiles } from '../markdown/read-files.js';
import { packageRoot } from '../node/package-root.js';
import { type ParseReferentielOptions, type ParseReferentielResult, parseReferentielFiles } from './parse-referentiel.js';

/**
 * Reads the `*.md` files of a référentiel folder (or the files given) and parses them
 * (`parseReferentielFiles`): the typed tree with exact points, and positioned diagnostics (an
 * unreadable path is one too, never an exception).
 *
 * @example
 * const { referentiel, diagnostics } = await parseReferentiel('tet/referentiels/cae');
 */
export async function parseReferentiel(dirOrFiles: string | readonly string[], options: ParseReferentielOptions = {}): Promise<ParseReferentielResult> {
  const { files, diagnostics } = await readMarkdownFiles(dirOrFiles);
  if (files.length === 0) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic('fichier-illisible', 'error', `Aucun fichier .md dans ${typeof dirOrFiles === 'string' ? dirOrFiles : dirOrFiles.join(', ')}`));
    return { referentiel: null, diagnostics };
  }
  const result = parseReferentielFiles(files, options);
  return { referentiel: result.referentiel, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/**
 * Absolute path of the package's embedded `referentiel/cae`, in the package's root folder (found
 * from the sources, the compiled library and the bundled command alike).
 *
 * @example
 * const { referentiel } = await parseReferentiel(embeddedReferentielDir());
 */
export function embeddedReferentielDir(): string {
  return join(packageRoot(), 'referentiel', 'cae');
}

/**
 * Parses the référentiel embedded in the package (measure 6.1.1 and its parents), as
 * `parseReferentiel` does a folder.
 *
 * @example
 * const { referentiel } = await parseEmbeddedReferentiel();
 */
export function parseEmbeddedReferentiel(options: ParseReferentielOptions = {}): Promise<ParseReferentielResult> {
  return parseReferentiel(embeddedReferentielDir(), options);
}

/** A path relative to the working directory when it is shorter, for messages. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}
