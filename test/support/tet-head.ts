/**
 * TeT HEAD's référentiels and questions as CSV (../shared/tet-head), read for the formula tests and
 * never copied into the project. Tests use `describeTetHead`, which skips with a visible message when
 * the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import type { KindFormule, QuestionCatalogue, TypeQuestion } from '../../src/formule/check.js';
import { PROJECT_DIR } from './corpus.js';
import { readCsvRecords } from './csv.js';

export const TET_HEAD_DIR = join(PROJECT_DIR, '..', 'shared', 'tet-head');
export const hasTetHead = existsSync(join(TET_HEAD_DIR, 'referentiels', 'referentiel-cae-structure.csv'));

let warned = false;
export function describeTetHead(name: string, fn: () => void): void {
  if (!hasTetHead && !warned) {
    warned = true;
    console.warn(`\n[label-cae] TeT HEAD absent (${TET_HEAD_DIR}) : les tests sur les formules de HEAD sont ignorés.\n`);
  }
  describe.skipIf(!hasTetHead)(`${name} (corpus ../shared/tet-head)`, fn);
}

const csv = (...parts: string[]): Array<Record<string, string>> => readCsvRecords(readFileSync(join(TET_HEAD_DIR, ...parts), 'utf8'));

export type SourceHead = 'cae' | 'eci' | 'te' | 'questions';

export interface FormuleHead {
  source: SourceHead;
  /** Action id (`cae_1.2.3`) or question id. */
  id: string;
  /** The CSV column: desactivation, reduction, score, Desactivation, exprScore, exprVisible, Indicateurs_WIP. */
  colonne: string;
  kind: KindFormule;
  texte: string;
}

const COLONNES: ReadonlyArray<[string, KindFormule]> = [
  ['desactivation', 'desactivation'],
  ['Desactivation', 'desactivation'],
  ['reduction', 'reduction'],
  ['score', 'score'],
  ['exprScore', 'score_indicatif'],
];

export function readHeadActions(referentiel: 'cae' | 'eci' | 'te'): Array<Record<string, string>> {
  return csv('referentiels', `referentiel-${referentiel}-structure.csv`);
}

/** Action ids of the three référentiels (`cae_1.2.3`, `te_1.1.1alter`), for `score()` targets. */
export function readHeadActionIds(): Set<string> {
  const ids = new Set<string>();
  for (const r of ['cae', 'eci', 'te'] as const) {
    for (const a of readHeadActions(r)) ids.add(`${r}_${a.identifiant ?? a.Identifiant}`);
  }
  return ids;
}

/**
 * Every formula of HEAD's CSVs, in file order: the rules and indicative scores of the three
 * référentiels, the questions' `exprVisible`, and the formulas (cells starting with `si`) of TE's
 * work-in-progress column `Indicateurs_WIP`, which HEAD does not import.
 */
export function readHeadFormules(): FormuleHead[] {
  const out: FormuleHead[] = [];
  for (const r of ['cae', 'eci', 'te'] as const) {
    for (const a of readHeadActions(r)) {
      const id = `${r}_${a.identifiant ?? a.Identifiant}`;
      for (const [colonne, kind] of COLONNES) {
        const texte = a[colonne];
        if (texte !== undefined && texte.trim() !== '') out.push({ source: r, id, colonne, kind, texte });
      }
      const wip = a.Indicateurs_WIP;
      if (wip !== undefined && /^\s*si\b/i.test(wip)) out.push({ source: r, id, colonne: 'Indicateurs_WIP', kind: 'score_indicatif', texte: wip });
    }
  }
  for (const q of csv('personnalisations', 'import-personnalisation-questions.csv')) {
    const texte = q.exprVisible;
    if (texte !== undefined && texte.trim() !== '') out.push({ source: 'questions', id: q.id!, colonne: 'exprVisible', kind: 'visible', texte });
  }
  return out;
}

/** HEAD's question catalogue (questions and their choices), as the static checks read it. */
export function readHeadQuestions(): Map<string, QuestionCatalogue> {
  const choix = new Map<string, string[]>();
  for (const c of csv('personnalisations', 'import-personnalisation-choices.csv')) {
    const list = choix.get(c.questionId!) ?? [];
    list.push(c.id!);
    choix.set(c.questionId!, list);
  }
  const out = new Map<string, QuestionCatalogue>();
  for (const q of csv('personnalisations', 'import-personnalisation-questions.csv')) {
    out.set(q.id!, { id: q.id!, type: q.type as TypeQuestion, choix: choix.get(q.id!) ?? [] });
  }
  return out;
}
