/**
 * The engine's one-byte code of each statut (score/statuts-index.ts stores one per node). The
 * table CODES is the only place a code meets a statut; every conversion below is derived from it.
 */
import { type ActionStatut, STATUT_SIMPLE, type StatutSimple, type Triple } from './statut.js';

export const AUCUN = 0;
export const FAIT = 1;
export const PROGRAMME = 2;
export const PAS_FAIT = 3;
export const NON_CONCERNE = 4;
export const NON_RENSEIGNE = 5;
/** Any other avancement triple (a détaillé statut): the index keeps its object. */
export const DETAILLE = 6;

export type StatutCode = typeof AUCUN | typeof FAIT | typeof PROGRAMME | typeof PAS_FAIT | typeof NON_CONCERNE | typeof NON_RENSEIGNE | typeof DETAILLE;

const CODES: ReadonlyArray<{ nom: StatutSimple; code: StatutCode }> = [
  { nom: 'fait', code: FAIT },
  { nom: 'programme', code: PROGRAMME },
  { nom: 'pas_fait', code: PAS_FAIT },
  { nom: 'non_concerne', code: NON_CONCERNE },
  { nom: 'non_renseigne', code: NON_RENSEIGNE },
];

/** The code of each simple statut value, as a dossier writes it. */
export const CODE_DU_STATUT: Readonly<Record<StatutSimple, StatutCode>> = Object.freeze(Object.fromEntries(CODES.map((r) => [r.nom, r.code])) as Record<StatutSimple, StatutCode>);
/** Each simple statut's word and code by the word's length (the five lengths differ). */
const MOT_PAR_LONGUEUR: (string | undefined)[] = [];
const CODE_PAR_LONGUEUR: StatutCode[] = [];
for (const r of CODES) {
  MOT_PAR_LONGUEUR[r.nom.length] = r.nom;
  CODE_PAR_LONGUEUR[r.nom.length] = r.code;
}
/** The word of each simple statut's code. */
const MOT_DU_CODE: readonly (string | undefined)[] = Array.from({ length: DETAILLE + 1 }, (_, c) => CODES.find((x) => x.code === c)?.nom);

/**
 * The code of a simple statut word; AUCUN for any other string. One comparison, not a property
 * lookup by name (a CAE dossier holds ~1,100 of them).
 */
export function simpleCode(s: string): StatutCode {
  const k = s.length;
  return k < MOT_PAR_LONGUEUR.length && s === MOT_PAR_LONGUEUR[k] ? CODE_PAR_LONGUEUR[k]! : AUCUN;
}

/** The word a dossier writes for a simple statut's code (FAIT … NON_RENSEIGNE); undefined for others. */
export const wordOfCode = (code: number): string | undefined => MOT_DU_CODE[code];

/** The shared statut of each code (undefined for AUCUN and DETAILLE, which have none). */
const STATUT_DU_CODE: readonly (ActionStatut | undefined)[] = Array.from({ length: DETAILLE + 1 }, (_, c) => {
  const r = CODES.find((x) => x.code === c);
  return r && STATUT_SIMPLE[r.nom];
});
/** The code of each shared triple, recognised by identity. */
const CODE_DU_TRIPLE = new Map<Triple, StatutCode>(CODES.flatMap((r) => (STATUT_SIMPLE[r.nom].avancement ? [[STATUT_SIMPLE[r.nom].avancement!, r.code] as const] : [])));

/** The code of a statut; shared triples are recognised by identity, any other triple is détaillé. */
export function statutCode(s: ActionStatut): StatutCode {
  if (!s.concerne) return NON_CONCERNE;
  if (s.avancement === null) return NON_RENSEIGNE;
  return CODE_DU_TRIPLE.get(s.avancement) ?? DETAILLE;
}

/** The shared statut of a code other than DETAILLE; undefined for AUCUN. */
export const statutDuCode = (c: number): ActionStatut | undefined => STATUT_DU_CODE[c];

/** The triple a code scores with: null for AUCUN, NON_CONCERNE, NON_RENSEIGNE (and DETAILLE, whose triple is its own). */
export const tripleDuCode = (c: number): Triple | null => {
  const s = STATUT_DU_CODE[c];
  return s !== undefined && s.concerne ? s.avancement : null;
};

/** Codes 1–3 and 5–6: the node is concerné and has a statut. */
export const isConcerneCode = (c: number): boolean => c !== AUCUN && c !== NON_CONCERNE;
/** Codes 1–3 and 6: the node is scored on its own avancement. */
export const hasAvancementCode = (c: number): boolean => c === DETAILLE || tripleDuCode(c) !== null;
