/**
 * The in-memory référentiel: a tree of actions with exact points and a source position on everything.
 * The serialisable form (`label-cae/referentiel@1`) is described by the zod schema in
 * `compiled-schema.ts`; this is the shape the engine walks.
 */
import type { Rational } from '../exact/rational.js';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Noeud } from '../formule/ast.js';

/** Levels, named as TeT's `referentiel_definition.hierarchie` names them. */
export type NiveauAction = 'referentiel' | 'axe' | 'sous-axe' | 'mesure' | 'sous-action' | 'tache';

/** The three TeT categories, keyed in ASCII; the source spelling is kept in `categorieSource`. */
export type Categorie = 'bases' | 'mise_en_oeuvre' | 'effets';

export interface ActionNode {
  /** `cae`, `cae_6`, `cae_6.1.1.3.5`: référentiel name, `_`, identifiant (the root is the bare name). */
  id: string;
  /** The dotted path exactly as written in the source (`1.10` stays `1.10`); `""` for the root. */
  identifiant: string;
  referentiel: string;
  type: NiveauAction;
  /** 0 for the root, 1 for axes, and so on. */
  depth: number;
  parentId: string | null;
  /** Sorted by identifiant, numerically part by part (`2.2` before `2.10`). */
  children: ActionNode[];
  nom: string;
  /** Computed points (scoring.md §2), exact. */
  points: Rational;
  /** `points` as written in the source, when it was. */
  pointsSource: Rational | null;
  /** `pourcentage` as written in the source, when it was. */
  pourcentage: Rational | null;
  categorie: Categorie | null;
  categorieSource: string | null;
  climatPraticId: string | null;
  /** Markdown sections under their snake_case names (`description`, `contexte`, `perimetre_evaluation`…). */
  sections: Record<string, string>;
  /** YAML keys the format does not define (`pointsDOM`…), kept verbatim. */
  extra: Record<string, unknown>;
  /** Where the node's heading starts. */
  position: SourcePosition;
  /** Where each YAML key of the node's block starts (`identifiant`, `points`…). */
  keyPositions: Record<string, SourcePosition>;
  /**
   * The indicative score (HEAD's `exprScore`, a `## Score indicatif` section with a ```formule
   * block): shown beside the points, never added to them. Absent when the action has none.
   */
  scoreIndicatif?: ScoreIndicatifFormule;
}

/** An action's indicative-score formula, as written, with where it starts and its tree. */
export interface ScoreIndicatifFormule {
  formule: string;
  /** The formula's first character. */
  position: SourcePosition;
  /** Null when the formula does not parse (an error diagnostic says why). */
  ast: Noeud | null;
}

/** The hierarchy of a référentiel, from the root down. */
export interface Hierarchie {
  levels: readonly NiveauAction[];
  /** Index of `mesure` in `levels`: 3 for CAE, 2 for ECI. Redistribution only happens below it. */
  actionLevel: number;
}

/**
 * Scoring options a référentiel declares in its root's YAML (`redistribution: false`,
 * `personnalisation: desactivation`), carried in the compiled JSON and read by the engine.
 */
export interface OptionsReferentiel {
  /** False: the points of non-concerné sous-actions and tâches are not shared among their sisters (TE). */
  redistribution: boolean;
  /** `desactivation`: only désactivation rules apply; réduction and score rules are ignored (TE). */
  personnalisation: 'toutes' | 'desactivation';
}

export const OPTIONS_PAR_DEFAUT: Readonly<OptionsReferentiel> = Object.freeze({ redistribution: true, personnalisation: 'toutes' });

export interface Referentiel {
  /** `cae`, `eci`… */
  id: string;
  nom: string;
  hierarchie: Hierarchie;
  /** Declared scoring options; absent means `OPTIONS_PAR_DEFAUT` (CAE, ECI). */
  options?: OptionsReferentiel;
  root: ActionNode;
  /** Every node by id, root included, in depth-first order. */
  actions: Map<string, ActionNode>;
}
