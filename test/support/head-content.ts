/**
 * HEAD's content as label-cae reads it: the CSVs of ../shared/tet-head imported by `cae import`'s
 * library (`importReferentiel`) into a temporary folder laid out like tet/, then loaded with its
 * questions, rules and the companions found beside it. Read at run time, never copied.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { findCompanions } from '../../src/evaluation/context-sources.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { importReferentiel } from '../../src/import/import-referentiel.js';
import { readImportSources } from '../../src/import/sources.js';
import { TET_HEAD_DIR } from './tet-head.js';

export async function importHeadContent(referentiel: 'cae' | 'eci' | 'te', out: string): Promise<string> {
  const { sources, unreadable } = await readImportSources(TET_HEAD_DIR, referentiel);
  if (!sources) throw new Error(`CSV de HEAD illisibles : ${unreadable.map((u) => u.path).join(', ')}`);
  const { files, diagnostics } = importReferentiel(sources);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`import de ${referentiel} : ${errors.length} erreurs, dont ${errors[0]!.message}`);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  return join(out, 'referentiels', referentiel);
}

export async function loadHeadContext(referentiel: 'cae' | 'eci' | 'te', work: string): Promise<EvaluationContext> {
  const dir = await importHeadContent(referentiel, join(work, referentiel));
  const companions = findCompanions(dir);
  const { context, diagnostics } = await loadEvaluationContext({ referentiel: dir, ...companions });
  if (!context) throw new Error(`contenu importé de ${referentiel} invalide : ${diagnostics.filter((d) => d.severity === 'error').slice(0, 3).map((d) => d.message).join(' ; ')}`);
  return context;
}
