/**
 * Where HEAD keeps its CSVs under an input folder, and reading them. Only the structure CSV of the
 * référentiel imported is required; the others are optional (a missing file means nothing of it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REFERENTIELS_IMPORTABLES, type ReferentielImportable } from './structure.js';

export interface CsvSource {
  /** Path shown in diagnostics. */
  file: string;
  text: string;
}

export interface ImportSources {
  referentiel: ReferentielImportable;
  structure: CsvSource;
  /** Preuves CSVs of every référentiel present: a proof several share is written once, with all its actions. */
  preuves: { referentiel: ReferentielImportable; source: CsvSource }[];
  questions: CsvSource | null;
  choices: CsvSource | null;
  thematiques: CsvSource | null;
  /** Structure CSVs of every référentiel present (the imported one included): the questions' `actions`. */
  structures: { referentiel: ReferentielImportable; source: CsvSource }[];
}

export const structurePath = (dir: string, ref: string): string => join(dir, 'referentiels', `referentiel-${ref}-structure.csv`);
export const preuvesPath = (dir: string, ref: string): string => join(dir, 'referentiels', `referentiel-${ref}-preuves.csv`);
export const personnalisationPath = (dir: string, what: string): string => join(dir, 'personnalisations', `import-personnalisation-${what}.csv`);

export interface UnreadableSource {
  path: string;
  error: unknown;
}

/**
 * Reads the CSV files of one référentiel in TeT HEAD's layout (structure, proofs, personalisation
 * questions and choices) as `importReferentiel` takes them; `sources` is null when the structure
 * file cannot be read, with the unreadable paths.
 *
 * @example
 * const { sources, unreadable } = await readImportSources('tet-head', 'eci');
 */
export async function readImportSources(dir: string, referentiel: ReferentielImportable): Promise<{ sources: ImportSources | null; unreadable: UnreadableSource[] }> {
  const unreadable: UnreadableSource[] = [];
  const read = async (path: string, required: boolean): Promise<CsvSource | null> => {
    try {
      return { file: path, text: await readFile(path, 'utf8') };
    } catch (error) {
      if (required || (error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ path, error });
      return null;
    }
  };
  const structure = await read(structurePath(dir, referentiel), true);
  const structures: ImportSources['structures'] = [];
  const preuves: ImportSources['preuves'] = [];
  for (const ref of REFERENTIELS_IMPORTABLES) {
    const source = ref === referentiel ? structure : await read(structurePath(dir, ref), false);
    if (source) structures.push({ referentiel: ref, source });
    const p = await read(preuvesPath(dir, ref), false);
    if (p) preuves.push({ referentiel: ref, source: p });
  }
  const sources: ImportSources | null = structure
    ? {
        referentiel,
        structure,
        preuves,
        questions: await read(personnalisationPath(dir, 'questions'), false),
        choices: await read(personnalisationPath(dir, 'choices'), false),
        thematiques: await read(personnalisationPath(dir, 'thematiques'), false),
        structures,
      }
    : null;
  return { sources: unreadable.length > 0 ? null : sources, unreadable };
}
