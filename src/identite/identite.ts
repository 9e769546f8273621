/**
 * The identity of a collectivité, as personalisation rules see it through `identite(champ, valeur)`.
 *
 * It is a plain object. Population tags (`moins_de_10000`, `plus_de_20000`…) are derived from the
 * number of inhabitants, never typed by hand (scoring.md Part A.4).
 *
 * Decisions, all documented in docs/formules.md:
 * - `type` is compared case-insensitively. Types nest: `syndicat_traitement` ⊂ `syndicat` ⊂ `EPCI`,
 *   so `identite(type, EPCI)` is true for a syndicat (as in HEAD), and `identite(type, syndicat)` is
 *   true for an EPCI whose `soustype` is `syndicat` (HEAD's fallback to soustype).
 * - `localisation`: `DOM` is true iff localisation is DOM, `Metropole` iff it is Metropole. When the
 *   localisation is unknown both are false (as in P, where the set is empty) and the read is missing.
 * - `dans_aire_urbaine` (HEAD): `identite(dans_aire_urbaine, OUI)` is true iff `dansAireUrbaine` is
 *   true, `… NON)` iff it is false; unknown, both are false (HEAD's `dansAireUrbaine === …` on null).
 * - `soustype` (HEAD): epci_a_fiscalite_propre | syndicat | pole, compared case-insensitively; a
 *   collectivité of type syndicat (or syndicat_traitement) without a soustype has soustype syndicat.
 * - An unknown field (type, population, localisation absent) makes every predicate on it false.
 */

export interface Identite {
  /** commune | EPCI | syndicat | syndicat_traitement… (compared case-insensitively). */
  type?: 'commune' | 'EPCI' | 'syndicat' | 'syndicat_traitement' | (string & {});
  /** epci_a_fiscalite_propre | syndicat | pole… */
  soustype?: string;
  /** Number of inhabitants. */
  population?: number;
  localisation?: 'DOM' | 'Metropole';
  /**
   * Whether the collectivité lies in an urban area (HEAD's `collectivite.dans_aire_urbaine`, read by
   * `identite(dans_aire_urbaine, OUI|NON)`). Absent: unknown, and both predicates are false.
   */
  dansAireUrbaine?: boolean;
}

/** The fields `identite(champ, …)` accepts. */
export type ChampIdentite = 'type' | 'soustype' | 'population' | 'localisation' | 'dans_aire_urbaine';
export const CHAMPS_IDENTITE: readonly ChampIdentite[] = ['type', 'soustype', 'population', 'localisation', 'dans_aire_urbaine'];

export const TYPES_COLLECTIVITE: readonly string[] = ['commune', 'EPCI', 'syndicat', 'syndicat_traitement'];
export const SEUILS_MOINS_DE: readonly number[] = [3000, 5000, 10000, 20000, 50000, 100000];
export const SEUILS_PLUS_DE: readonly number[] = [3000, 20000, 50000, 100000, 300000, 800000];
export const TAGS_POPULATION: readonly string[] = [
  ...SEUILS_MOINS_DE.map((x) => `moins_de_${x}`),
  ...SEUILS_PLUS_DE.map((y) => `plus_de_${y}`),
];
export const LOCALISATIONS: readonly string[] = ['DOM', 'Metropole'];
export const SOUSTYPES_COLLECTIVITE: readonly string[] = ['epci_a_fiscalite_propre', 'syndicat', 'pole'];
/** Values of `identite(dans_aire_urbaine, …)` (case-insensitive), as HEAD's import check accepts them. */
export const VALEURS_AIRE_URBAINE: readonly string[] = ['OUI', 'NON'];

/** The values each field accepts, for static checks. */
export const VALEURS_IDENTITE: Readonly<Record<ChampIdentite, readonly string[]>> = {
  type: TYPES_COLLECTIVITE,
  population: TAGS_POPULATION,
  localisation: LOCALISATIONS,
  soustype: SOUSTYPES_COLLECTIVITE,
  dans_aire_urbaine: VALEURS_AIRE_URBAINE,
};

export function isChampIdentite(champ: string): champ is ChampIdentite {
  return (CHAMPS_IDENTITE as readonly string[]).includes(champ);
}

/** Whether `valeur` is an accepted value of `champ` (type, soustype and OUI/NON are case-insensitive). */
export function isValeurIdentite(champ: ChampIdentite, valeur: string): boolean {
  if (champ === 'type' || champ === 'soustype' || champ === 'dans_aire_urbaine') {
    const v = valeur.toLowerCase();
    return VALEURS_IDENTITE[champ].some((t) => t.toLowerCase() === v);
  }
  return VALEURS_IDENTITE[champ].includes(valeur);
}

/** `moins_de_X` for every X with p < X, `plus_de_Y` for every Y with p > Y (cumulative buckets). */
export function populationTags(population: number): string[] {
  const tags: string[] = [];
  for (const x of SEUILS_MOINS_DE) if (population < x) tags.push(`moins_de_${x}`);
  for (const y of SEUILS_PLUS_DE) if (population > y) tags.push(`plus_de_${y}`);
  return tags;
}

/** Whether the population satisfies one tag, without building the tag list (evaluation fast path). */
function populationMatches(population: number, tag: string): boolean {
  if (tag.startsWith('moins_de_')) {
    const x = Number(tag.slice(9));
    return SEUILS_MOINS_DE.includes(x) && population < x;
  }
  if (tag.startsWith('plus_de_')) {
    const y = Number(tag.slice(8));
    return SEUILS_PLUS_DE.includes(y) && population > y;
  }
  return false;
}

/** The soustype, or `syndicat` for a collectivité typed syndicat (HEAD reads it as an EPCI of sub-type syndicat). */
function soustypeOf(identite: Identite): string | undefined {
  if (identite.soustype !== undefined) return identite.soustype;
  const t = identite.type?.toLowerCase();
  return t === 'syndicat' || t === 'syndicat_traitement' ? 'syndicat' : undefined;
}

/** OUI (or VRAI) asks for true, NON (or FAUX) for false; unknown (or another value) is false. */
function aireUrbaineMatches(dans: boolean | undefined, valeur: string): boolean {
  if (typeof dans !== 'boolean') return false;
  const v = valeur.toLowerCase();
  if (v === 'oui' || v === 'vrai') return dans;
  if (v === 'non' || v === 'faux') return !dans;
  return false;
}

function typeMatches(identite: Identite, valeur: string): boolean {
  const t = identite.type?.toLowerCase();
  if (t === undefined) return false;
  const v = valeur.toLowerCase();
  if (t === v) return true;
  const st = identite.soustype?.toLowerCase();
  switch (v) {
    case 'epci':
      return t === 'syndicat' || t === 'syndicat_traitement';
    case 'syndicat':
      return t === 'syndicat_traitement' || (t === 'epci' && st === 'syndicat');
    default:
      return false;
  }
}

/** Whether the field the predicate reads is known (otherwise the evaluator reports it missing). */
export function identiteChampConnu(identite: Identite, champ: string): boolean {
  switch (champ) {
    case 'type':
      return identite.type !== undefined && identite.type !== '';
    case 'population':
      return typeof identite.population === 'number' && Number.isFinite(identite.population);
    case 'localisation':
      return identite.localisation !== undefined;
    case 'soustype':
      return soustypeOf(identite) !== undefined;
    case 'dans_aire_urbaine':
      return typeof identite.dansAireUrbaine === 'boolean';
    default:
      return false;
  }
}

/** `identite(champ, valeur)`. False for an unknown field, an unknown value or an unknown identity part. */
export function identiteMatches(identite: Identite, champ: string, valeur: string): boolean {
  switch (champ) {
    case 'type':
      return typeMatches(identite, valeur);
    case 'population': {
      const p = identite.population;
      return typeof p === 'number' && Number.isFinite(p) && populationMatches(p, valeur);
    }
    case 'localisation':
      return identite.localisation !== undefined && identite.localisation === valeur;
    case 'soustype': {
      const st = soustypeOf(identite);
      return st !== undefined && st.toLowerCase() === valeur.toLowerCase();
    }
    case 'dans_aire_urbaine':
      return aireUrbaineMatches(identite.dansAireUrbaine, valeur);
    default:
      return false;
  }
}
