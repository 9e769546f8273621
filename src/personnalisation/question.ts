/** A personnalisation question (scoring.md §1.9, §6.3). */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Noeud } from '../formule/ast.js';

export type QuestionType = 'binaire' | 'choix' | 'proportion';

export interface Choix {
  id: string;
  label: string;
  ordonnancement: number | null;
  position: SourcePosition;
}

export interface Question {
  id: string;
  type: QuestionType;
  formulation: string;
  thematiqueId: string | null;
  actions: string[];
  /** Collectivité types the question is asked of (`types_concernes`, HEAD's `typesCollectivitesConcernees`); null: all. */
  typesConcernes: string[] | null;
  /** HEAD's `exprVisible`: asked only when this formula is true; null: always asked. */
  visibilite: Visibilite | null;
  ordonnancement: number | null;
  description: string;
  choix: Choix[];
  position: SourcePosition;
}


/** A ```formule block under `## Visibilité`: text kept as written even when our language cannot read it. */
export interface Visibilite {
  formule: string;
  /** Where the text starts (the code block's content): the formula is parsed from there. */
  position: SourcePosition;
  /** First character of the formula text. */
  formulePosition: SourcePosition;
  /** Null when the formula does not parse (a function or name our language lacks). */
  ast: Noeud | null;
}
