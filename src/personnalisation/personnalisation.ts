/**
 * Compiled personalisation rules: every formula of the rule files parsed once and checked against
 * the questions at load time, ready to be evaluated for any number of dossiers.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Formule } from '../formule/ast.js';
import type { KindRegle, QuestionCatalogue } from '../formule/check.js';
import type { ContexteReferentiel } from '../formule/referentiel-arg.js';
import type { ActivationQuestion } from './questions-actives.js';

export interface RegleCompilee {
  actionId: string;
  type: KindRegle;
  formule: Formule;
  /** Title of the rule entry (`# Réduction potentiel cae 6.1.2 liee commune`). */
  titre: string;
  /** Explanatory text under the rule. */
  description: string;
  position: SourcePosition;
  /** `cae_6.md:8:1`: where the formula starts, for explanations. */
  source: string;
}

export interface Personnalisation {
  regles: RegleCompilee[];
  questions: ReadonlyMap<string, QuestionCatalogue>;
  /**
   * Who each question is asked of (types, visibility), for the active-questions step: answers to
   * questions not asked of a collectivité are dropped before the rules run. Absent: all kept.
   */
  activations?: ReadonlyMap<string, ActivationQuestion>;
  /** The référentiel the rules are for, read by `referentiel(…)`; absent, `referentiel(…)` is false. */
  referentiel?: ContexteReferentiel;
}

export const EMPTY_PERSONNALISATION: Personnalisation = { regles: [], questions: new Map() };
