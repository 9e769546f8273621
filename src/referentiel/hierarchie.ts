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

/** TE (« Climat Ressources ») has CAE's levels in HEAD's `referentiel_definition` (axe > sous-axe > mesure > sous-mesure > tâche). */
export const HIERARCHIES_CONNUES: Readonly<Record<string, Hierarchie>> = Object.freeze({ cae: HIERARCHIE_CAE, eci: HIERARCHIE_ECI, te: HIERARCHIE_CAE, 'te-test': HIERARCHIE_CAE });

/**
 * The hierarchy of a référentiel. Known ones (cae, eci, te) come from TeT's `referentiel_definition`;
 * for any other, it is inferred from the deepest identifiant: 4 parts (`2.3.1.4`) means ECI-like
 * (no sous-axe); 5 parts or more — and, by default, anything shallower — means CAE-like.
 */
export function hierarchieFor(referentielId: string, maxIdentifiantDepth: number): { hierarchie: Hierarchie; inferred: boolean } {
  const known = Object.hasOwn(HIERARCHIES_CONNUES, referentielId) ? HIERARCHIES_CONNUES[referentielId] : undefined;
  if (known) return { hierarchie: known, inferred: false };
  return { hierarchie: maxIdentifiantDepth === 4 ? HIERARCHIE_ECI : HIERARCHIE_CAE, inferred: true };
}

/** Every level in its only possible order; a declared hierarchy keeps a subsequence of it. */
export const NIVEAUX_ORDONNES: readonly NiveauAction[] = Object.freeze(['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'] as NiveauAction[]);

/** TeT names the mesure level `action` (`ActionTypeEnum.ACTION`): both spellings are read. */
const ALIAS_NIVEAU: Readonly<Record<string, NiveauAction>> = Object.freeze({ action: 'mesure' });

/**
 * A hierarchy declared in the root's yaml (`hierarchie: [referentiel, mesure, sous-action, tache]`),
 * checked: a list of known level names (`action` is read as `mesure`), starting with `referentiel`,
 * holding `mesure` (the action level, where redistribution starts), each level once and in the
 * order référentiel > axe > sous-axe > mesure > sous-action > tâche. Returns the hierarchy, or the
 * reason it is refused (a French phrase completing « attendu … »).
 */
export function hierarchieDeclaree(value: unknown): { hierarchie: Hierarchie } | { erreur: string } {
  const attendu = 'une liste de niveaux commençant par `referentiel` et contenant `mesure` (ou `action`), dans l\'ordre referentiel > axe > sous-axe > mesure > sous-action > tache, par exemple `[referentiel, mesure, sous-action, tache]`';
  if (!Array.isArray(value) || value.length === 0) return { erreur: attendu };
  const levels: NiveauAction[] = [];
  let rang = -1;
  for (const item of value) {
    if (typeof item !== 'string') return { erreur: `${attendu} (\`${JSON.stringify(item)}\` n'est pas un nom de niveau)` };
    const nom = item.trim();
    const niveau = Object.hasOwn(ALIAS_NIVEAU, nom) ? ALIAS_NIVEAU[nom]! : (NIVEAUX_ORDONNES.find((n) => n === nom) ?? null);
    if (niveau === null) return { erreur: `${attendu} (niveau \`${nom}\` inconnu)` };
    const r = NIVEAUX_ORDONNES.indexOf(niveau);
    if (r <= rang) return { erreur: `${attendu} (\`${nom}\` en double ou hors d'ordre)` };
    rang = r;
    levels.push(niveau);
  }
  if (levels[0] !== 'referentiel') return { erreur: `${attendu} (le premier niveau est \`${String(value[0])}\`)` };
  const actionLevel = levels.indexOf('mesure');
  if (actionLevel === -1) return { erreur: `${attendu} (pas de niveau \`mesure\`)` };
  return { hierarchie: Object.freeze({ levels: Object.freeze(levels), actionLevel }) };
}

/**
 * The identifiant grammar: dotted parts, each a number with an optional `alter…` suffix (TE's
 * alternative mesures: `1.1.1alter`, `1.1.1alter.1`, `4.2.1alterepci`, `6.3.8altercom`), then
 * optional lower-case letter parts
 * (TE's tâches `1.1.6.3.a`); `""` for the root. CAE and ECI only use numbers.
 */
export const IDENTIFIANT_PATTERN = /^(?:\d+(?:alter[a-z]*)?(?:\.\d+(?:alter[a-z]*)?)*(?:\.[a-z]+)*)?$/;

/** `1.2.10` → [1, 2, 10]; `""` → []. A part with letters gives its leading number (NaN for a letter part). */
export function identifiantParts(identifiant: string): number[] {
  return identifiant === '' ? [] : identifiant.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : Number.parseInt(p, 10)));
}

/**
 * Part-wise order: numbers numerically (`2.2` before `2.10`; `1.1.2.0` before `1.1.2.1`), a number
 * before the same number with a suffix (`1.1.1` < `1.1.1alter` < `1.1.2`), number parts before
 * letter parts, letter parts alphabetically (`a` < `b` < `aa`).
 */
export function compareIdentifiants(a: string, b: string): number {
  // Walks both strings part by part instead of splitting them: sorting a référentiel's children
  // compares thousands of pairs, and the split arrays were most of the sort's cost.
  let i = 0;
  let j = 0;
  if (a !== '' && b !== '') {
    for (;;) {
      const ie = partEnd(a, i);
      const je = partEnd(b, j);
      const d = comparePart(a, i, ie, b, j, je);
      if (d !== 0) return d;
      i = ie + 1;
      j = je + 1;
      if (ie === a.length || je === b.length) break;
    }
  }
  return partsFrom(a, i) - partsFrom(b, j) || (a < b ? -1 : a > b ? 1 : 0);
}

function partEnd(s: string, from: number): number {
  const k = s.indexOf('.', from);
  return k === -1 ? s.length : k;
}

/** End of the leading digits of a part. */
function digitsEnd(s: string, from: number, to: number): number {
  let k = from;
  while (k < to) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) break;
    k++;
  }
  return k;
}

function comparePart(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  const ad = digitsEnd(a, i, ie);
  const bd = digitsEnd(b, j, je);
  const aNum = ad > i;
  const bNum = bd > j;
  if (aNum !== bNum) return aNum ? -1 : 1; // numbers before letter parts
  if (aNum) {
    const d = partValue(a, i, ad) - partValue(b, j, bd);
    if (d !== 0) return d;
    if (ad === ie && bd === je) return 0; // the common case: plain numbers
  }
  // Suffixes (or whole letter parts): shorter first (`1` < `1alter`; `z` < `aa`), then alphabetically.
  const al = ie - ad;
  const bl = je - bd;
  if (al !== bl) return al - bl;
  for (let k = 0; k < al; k++) {
    const d = a.charCodeAt(ad + k) - b.charCodeAt(bd + k);
    if (d !== 0) return d;
  }
  return 0;
}

/** `Number(s.slice(from, to))` for a run of digits, without the slice for short ones. */
function partValue(s: string, from: number, to: number): number {
  if (to - from > 15) return Number(s.slice(from, to));
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/** Number of parts of `s` from offset `from` on: 0 past the end (or for `""`). */
function partsFrom(s: string, from: number): number {
  if (from > s.length || s === '') return 0;
  let n = 1;
  for (let k = s.indexOf('.', from); k !== -1; k = s.indexOf('.', k + 1)) n++;
  return n;
}

/** Depth of an identifiant: its number of parts, 0 for the root's `""`. */
export function identifiantDepth(identifiant: string): number {
  return partsFrom(identifiant, 0);
}

/** `cae_6.1.1` for identifiant `6.1.1`; the bare name for the root. */
export function actionId(referentielId: string, identifiant: string): string {
  return identifiant === '' ? referentielId : `${referentielId}_${identifiant}`;
}
