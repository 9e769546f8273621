/**
 * The indicative scores of a dossier (HEAD's `exprScore`): for every action with a `Score indicatif`
 * formula that reads an indicator the dossier gives, the exact score computed twice, as HEAD does
 * (`apps/backend/src/referentiels/score-indicatif/score-indicatif.service.ts`): **fait** from the
 * collectivité's results (`resultat`), **programmé** from its objectives (`objectif`), both with the
 * indicator's target (`cible`) and limit (`limite`). Shown beside the points, never added to them.
 */
import { Rational } from '../exact/rational.js';
import type { Dossier } from '../dossier/dossier-schema.js';
import type { ReponseValue } from '../dossier/dossier-inputs.js';
import type { Noeud } from '../formule/ast.js';
import { evaluateScoreIndicatif } from '../formule/evaluate.js';
import { enfants } from '../formule/parser.js';
import type { ContexteReferentiel } from '../formule/referentiel-arg.js';
import type { Identite } from '../identite/identite.js';
import type { Referentiel } from '../referentiel/model.js';

/** One of the two computations (fait or programmé). */
export interface ResultatScoreIndicatif {
  /** Exact; null when it cannot be computed (no value read, a missing target, a division by zero…). */
  score: Rational | null;
  /** Inputs read (`indicateur.cae_7`, `cible.cae_7`, `identite.localisation`…), first-read order. */
  lu: string[];
  /** Inputs read but absent. */
  manquant: string[];
}

export interface ScoreIndicatifAction {
  actionId: string;
  formule: string;
  /** `cae_3.md:42:1`: where the formula starts. */
  source: string;
  fait: ResultatScoreIndicatif;
  programme: ResultatScoreIndicatif;
}

/** The indicators a formula names, with any indicative-score function, in first-seen order. */
export function indicateursReferences(ast: Noeud): string[] {
  const ids = new Set<string>();
  const stack: Noeud[] = [ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'indicateur') ids.add(n.indicateur.nom);
    const c = enfants(n);
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!);
  }
  return [...ids];
}

const parReferentiel = new WeakMap<Referentiel, ReadonlySet<string>>();

/** Every indicator some indicative-score formula of the référentiel names (computed once per référentiel). */
export function indicateursDuReferentiel(referentiel: Referentiel): ReadonlySet<string> {
  let ids = parReferentiel.get(referentiel);
  if (!ids) {
    const found = new Set<string>();
    for (const n of referentiel.actions.values()) if (n.scoreIndicatif?.ast) for (const id of indicateursReferences(n.scoreIndicatif.ast)) found.add(id);
    ids = found;
    parReferentiel.set(referentiel, ids);
  }
  return ids;
}

type Indicateurs = NonNullable<Dossier['indicateurs']>;

function valeurs(indicateurs: Indicateurs, champ: 'resultat' | 'objectif' | 'cible' | 'limite'): Map<string, Rational> {
  const m = new Map<string, Rational>();
  for (const [id, v] of Object.entries(indicateurs)) {
    const x = v[champ];
    if (x !== undefined) m.set(id, Rational.fromNumber(x));
  }
  return m;
}

export interface EntreesScoreIndicatif {
  identite: Identite;
  reponses: ReadonlyMap<string, ReponseValue>;
  referentiel?: ContexteReferentiel;
}

/**
 * The indicative scores, in référentiel order, of the actions whose formula names at least one
 * indicator the dossier gives (the others are not shown, as HEAD shows none without values).
 */
export function computeScoresIndicatifs(referentiel: Referentiel, dossier: Dossier, entrees: EntreesScoreIndicatif): Map<string, ScoreIndicatifAction> {
  const out = new Map<string, ScoreIndicatifAction>();
  const indicateurs = dossier.indicateurs;
  if (!indicateurs || Object.keys(indicateurs).length === 0) return out;
  const cibles = valeurs(indicateurs, 'cible');
  const limites = valeurs(indicateurs, 'limite');
  const parType = { fait: valeurs(indicateurs, 'resultat'), programme: valeurs(indicateurs, 'objectif') };
  for (const node of referentiel.actions.values()) {
    const si = node.scoreIndicatif;
    if (!si?.ast) continue;
    if (!indicateursReferences(si.ast).some((id) => Object.hasOwn(indicateurs, id))) continue;
    const calcul = (valeursLues: Map<string, Rational>): ResultatScoreIndicatif => {
      const r = evaluateScoreIndicatif(si.ast!, { indicateurs: valeursLues, cibles, limites, identite: entrees.identite, reponses: entrees.reponses, ...(entrees.referentiel ? { referentiel: entrees.referentiel } : {}) });
      return { score: r.score, lu: r.reads, manquant: r.missing };
    };
    out.set(node.id, {
      actionId: node.id,
      formule: si.formule,
      source: `${si.position.file}:${si.position.line}:${si.position.column}`,
      fait: calcul(parType.fait),
      programme: calcul(parType.programme),
    });
  }
  return out;
}
