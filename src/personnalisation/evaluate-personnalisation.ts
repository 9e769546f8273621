/**
 * Evaluates compiled rules for one collectivité (scoring.md §6.1): a désactivation that gives true
 * désactive the action, a réduction that gives a number multiplies its points, a score rule caps its
 * realised ratio after scoring. A rule that gives no value (null) has no effect. Every evaluation is
 * recorded, with what it read and what was missing, for `cae explain`.
 */
import { Rational } from '../exact/rational.js';
import type { KindRegle } from '../formule/check.js';
import { type BrancheSuivie, type Reponse, type Valeur, evaluateFormule } from '../formule/evaluate.js';
import type { Identite } from '../identite/identite.js';
import type { Consequence } from '../score/consequences.js';
import type { Personnalisation } from './personnalisation.js';

export interface ExplicationRegle {
  actionId: string;
  type: KindRegle;
  /** The formula as written. */
  formule: string;
  /** `cae_6.md:8:1`. */
  source: string;
  titre: string;
  /** The value the rule gave (for a score rule, the value at scoring time is in the override). */
  valeur: Valeur;
  /** Did it change anything? */
  effective: boolean;
  lu: string[];
  manquant: string[];
  /** The `si … sinon si` branch that gave the value, if any. */
  branche: BrancheSuivie | null;
}

export interface PersonnalisationEvaluee {
  consequences: Map<string, Consequence>;
  explications: ExplicationRegle[];
}

export function evaluatePersonnalisation(
  personnalisation: Personnalisation,
  identite: Identite,
  reponses: ReadonlyMap<string, Reponse>,
): PersonnalisationEvaluee {
  const consequences = new Map<string, Consequence>();
  const explications: ExplicationRegle[] = [];
  // `referentiel(te)` in a rule reads the référentiel the rules belong to.
  const referentiel = personnalisation.referentiel;
  const ctx = referentiel ? { identite, reponses, referentiel } : { identite, reponses };
  const consequenceOf = (id: string): Consequence => {
    let c = consequences.get(id);
    if (!c) consequences.set(id, (c = { desactive: false, facteur: null, scoreOverride: null }));
    return c;
  };
  for (const regle of personnalisation.regles) {
    let valeur: Valeur = null;
    let effective = false;
    let lu: string[] = [];
    let manquant: string[] = [];
    let branche: BrancheSuivie | null = null;
    if (regle.type === 'score') {
      // Evaluated after scoring, when the other actions' ratios are known.
      const ast = regle.formule.ast;
      consequenceOf(regle.actionId).scoreOverride = (score) => {
        const v = evaluateFormule(ast, { ...ctx, score }).value;
        return v instanceof Rational ? v : null;
      };
      effective = true;
    } else {
      const r = evaluateFormule(regle.formule.ast, ctx);
      valeur = r.value;
      lu = r.reads;
      manquant = r.missing;
      branche = r.branch;
      if (regle.type === 'desactivation' && r.value === true) {
        consequenceOf(regle.actionId).desactive = true;
        effective = true;
      } else if (regle.type === 'reduction' && r.value instanceof Rational) {
        consequenceOf(regle.actionId).facteur = r.value;
        effective = !r.value.equals(Rational.ONE);
      }
    }
    explications.push({
      actionId: regle.actionId,
      type: regle.type,
      formule: regle.formule.texte,
      source: regle.source,
      titre: regle.titre,
      valeur,
      effective,
      lu,
      manquant,
      branche,
    });
  }
  return { consequences, explications };
}
