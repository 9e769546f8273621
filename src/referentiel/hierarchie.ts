import type { Hierarchie, NiveauAction } from './model.js';

/** CAE: référentiel > axe > sous-axe > mesure > sous-action > tâche (action level 3). */
export const HIERARCHIE_CAE: Hierarchie = Object.freeze({
  levels: Object.freeze(['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'] as NiveauAction[]),
  actionLevel: 3,
});

/** ECI has no sous-axe: référentiel > axe > mesure > sous-action > tâche (action level 2). */
export const HIERARCHIE_ECI: Hierarchie = Object.freeze({
  levels: Object.freeze(['referentiel', 'axe', 'mesure', 'sous-action', 'tache'] as NiveauAction[]),
  actionLevel: 2,
});

export const HIERARCHIES_CONNUES: Readonly<Record<string, Hierarchie>> = Object.freeze({ cae: HIERARCHIE_CAE, eci: HIERARCHIE_ECI });

/**
 * The hierarchy of a référentiel. Known ones (cae, eci) come from TeT's `referentiel_definition`;
 * for any other, it is inferred from the deepest identifiant: 4 parts (`2.3.1.4`) means ECI-like
 * (no sous-axe); 5 parts or more — and, by default, anything shallower — means CAE-like.
 */
export function hierarchieFor(referentielId: string, maxIdentifiantDepth: number): { hierarchie: Hierarchie; inferred: boolean } {
  const known = Object.hasOwn(HIERARCHIES_CONNUES, referentielId) ? HIERARCHIES_CONNUES[referentielId] : undefined;
  if (known) return { hierarchie: known, inferred: false };
  return { hierarchie: maxIdentifiantDepth === 4 ? HIERARCHIE_ECI : HIERARCHIE_CAE, inferred: true };
}

/** `1.2.10` → [1, 2, 10]; `""` → []. */
export function identifiantParts(identifiant: string): number[] {
  return identifiant === '' ? [] : identifiant.split('.').map((p) => Number(p));
}

/** Part-wise numeric order: `2.2` before `2.10`; `1.1.2.0` before `1.1.2.1`. */
export function compareIdentifiants(a: string, b: string): number {
  const pa = identifiantParts(a);
  const pb = identifiantParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = pa[i]! - pb[i]!;
    if (d !== 0) return d;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** `cae_6.1.1` for identifiant `6.1.1`; the bare name for the root. */
export function actionId(referentielId: string, identifiant: string): string {
  return identifiant === '' ? referentielId : `${referentielId}_${identifiant}`;
}
