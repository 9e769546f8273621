/**
 * Evaluates compiled rules for one collectivité (scoring.md §6.1): a désactivation that gives true
 * désactive the action, a réduction that gives a number multiplies its points, a score rule caps its
 * realised ratio after scoring. A rule that gives no value (null) has no effect. Every evaluation is
 * recorded, with what it read and what was missing, for `cae explain`. A rule whose value is
 * impossible (negative factor, division by zero, score above the potentiel: valeur-impossible.ts)
 * is not applied and gives an error constat, never a silent number.
 */
import { Rational } from '../exact/rational.js';
import type { KindRegle } from '../formule/check.js';
import { type BrancheSuivie, type Reponse, type Valeur, evaluateFormule } from '../formule/evaluate.js';
import type { Identite } from '../identite/identite.js';
import type { Consequence } from '../score/consequences.js';
import type { Scores } from '../score/compute-scores.js';
import type { Constat } from '../score/constat.js';
import type { Personnalisation } from './personnalisation.js';
import { KIND_LABEL, valeurImpossible } from './valeur-impossible.js';

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
  /** `personnalisation-impossible`, one per rule not applied (score rules: see `constatsPersonnalisation`). */
  constats: Constat[];
}

/** The constat of a rule not applied, naming the action and the rule's place. */
export function constatImpossible(actionId: string, type: KindRegle, source: string, raison: string): Constat {
  return {
    code: 'personnalisation-impossible',
    severity: 'error',
    actionId,
    message: `Règle « ${KIND_LABEL[type]} » de ${actionId} (${source}) : ${raison} : la règle n'est pas appliquée`,
  };
}

/** Every personalisation constat of one dossier: the rules' own, then the score rules refused while scoring. */
export function constatsPersonnalisation(perso: PersonnalisationEvaluee, scores: Pick<Scores, 'overridesRefuses'>): Constat[] {
  const out = perso.constats.slice();
  for (const r of scores.overridesRefuses) {
    out.push({ code: 'personnalisation-impossible', severity: 'error', actionId: r.actionId, message: r.message });
  }
  return out;
}

/**
 * Runs the personalisation rules for one collectivité (identité and answers) → the consequences
 * on actions (désactivation, reduction factor, score cap) and an explanation per rule. Pure, never
 * throws: a rule whose value is impossible is left out and said (`personnalisation-impossible`).
 *
 * @example
 * const r = evaluatePersonnalisation(personnalisation, { type: 'commune', population: 2500 }, new Map([['dechets_1', true]]));
 */
export function evaluatePersonnalisation(
  personnalisation: Personnalisation,
  identite: Identite,
  reponses: ReadonlyMap<string, Reponse>,
): PersonnalisationEvaluee {
  const consequences = new Map<string, Consequence>();
  const explications: ExplicationRegle[] = [];
  const constats: Constat[] = [];
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
        const r = evaluateFormule(ast, { ...ctx, score });
        const raison = valeurImpossible('score', r);
        if (raison) return { impossible: constatImpossible(regle.actionId, 'score', regle.source, raison).message };
        return r.value instanceof Rational ? r.value : null;
      };
      effective = true;
    } else {
      const r = evaluateFormule(regle.formule.ast, ctx);
      valeur = r.value;
      lu = r.reads;
      manquant = r.missing;
      branche = r.branch;
      const raison = valeurImpossible(regle.type, r);
      if (raison) constats.push(constatImpossible(regle.actionId, regle.type, regle.source, raison));
      else if (regle.type === 'desactivation' && r.value === true) {
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
  return { consequences, explications, constats };
}
