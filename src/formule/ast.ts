/**
 * The syntax tree of a personalisation formula. Every node carries its position: `offset` and `end`
 * are 0-based offsets into the formula text (end exclusive); `line` and `column` are 1-based and
 * absolute in the Markdown file (the parser adds the formula's origin).
 */
import type { Rational } from '../exact/rational.js';

export interface FormulePosition {
  offset: number;
  line: number;
  column: number;
}

interface Base {
  pos: FormulePosition;
  /** Offset just after the node in the formula text. */
  end: number;
}

/** A name written as a call argument: question id, choice id, identity field or value, action id. */
export interface NomArgument {
  nom: string;
  pos: FormulePosition;
}

export type OperateurComparaison = '=' | '<' | '>' | '<=' | '>=';
export type OperateurArithmetique = '+' | '-' | '*' | '/';

export interface NoeudSi extends Base {
  kind: 'si';
  condition: Noeud;
  alors: Noeud;
  sinon: Noeud | null;
}
export interface NoeudLogique extends Base {
  kind: 'logique';
  op: 'et' | 'ou';
  gauche: Noeud;
  droite: Noeud;
}
export interface NoeudComparaison extends Base {
  kind: 'comparaison';
  op: OperateurComparaison;
  gauche: Noeud;
  droite: Noeud;
}
export interface NoeudArithmetique extends Base {
  kind: 'arithmetique';
  op: OperateurArithmetique;
  gauche: Noeud;
  droite: Noeud;
}
export interface NoeudOppose extends Base {
  kind: 'oppose';
  operande: Noeud;
}
export interface NoeudMinMax extends Base {
  kind: 'min' | 'max';
  gauche: Noeud;
  droite: Noeud;
}
export interface NoeudIdentite extends Base {
  kind: 'identite';
  champ: NomArgument;
  valeur: NomArgument;
  /** `identite.type`: the key reported in reads. */
  cle: string;
}
export interface NoeudReponse extends Base {
  kind: 'reponse';
  question: NomArgument;
  /** null for the one-argument form `reponse(q)` (proportion questions). */
  valeur: NomArgument | null;
  /** `reponse.AOM_1`: the key reported in reads. */
  cle: string;
}
export interface NoeudScore extends Base {
  kind: 'score';
  action: NomArgument;
  /** `score.cae_1.2.3`: the key reported in reads. */
  cle: string;
}
/**
 * `referentiel(te)`, `referentiel(te_2.1.3)` (HEAD): true when the collectivité is scored on that
 * référentiel (the `te` family includes `te-test`), at that version or a later one when given.
 */
export interface NoeudReferentiel extends Base {
  kind: 'referentiel';
  referentiel: NomArgument;
  /** Always `referentiel`: the key reported in reads. */
  cle: string;
}
/** The indicator functions of HEAD's indicative score (`exprScore`). */
export type FonctionIndicateur = 'val' | 'opt_val' | 'cible' | 'limite' | 'est_suivi';
/**
 * `val(x)`, `val(x, source)`, `opt_val(x [, source])`, `cible(x)`, `limite(x)`, `est_suivi(x)`:
 * an indicator's value, target or limit, read from the indicative-score inputs.
 */
export interface NoeudIndicateur extends Base {
  kind: 'indicateur';
  fonction: FonctionIndicateur;
  indicateur: NomArgument;
  /** The source named by `val(x, source)` / `opt_val(x, source)`; null otherwise. */
  source: NomArgument | null;
  /** `indicateur.cae_6.a`, `cible.cae_6.a`, `limite.cae_6.a`: the key reported in reads. */
  cle: string;
}
/** VRAI, FAUX, OUI, NON in any case; `texte` keeps the spelling. */
export interface NoeudBooleen extends Base {
  kind: 'booleen';
  valeur: boolean;
  texte: string;
}
export interface NoeudNombre extends Base {
  kind: 'nombre';
  valeur: Rational;
  /** The digits as written (`1.0`, `0.25`). */
  texte: string;
}
/** A bare name in value position (a choice id or any other symbol): evaluates to its text. */
export interface NoeudNom extends Base {
  kind: 'nom';
  nom: string;
}

export type Noeud =
  | NoeudSi
  | NoeudLogique
  | NoeudComparaison
  | NoeudArithmetique
  | NoeudOppose
  | NoeudMinMax
  | NoeudIdentite
  | NoeudReponse
  | NoeudScore
  | NoeudReferentiel
  | NoeudIndicateur
  | NoeudBooleen
  | NoeudNombre
  | NoeudNom;

/** A parsed formula: its tree, its text and where it stands in its file. */
export interface Formule {
  texte: string;
  ast: Noeud;
  file: string;
  /** Position of the first character of the formula in its file. */
  origine: { line: number; column: number };
}
