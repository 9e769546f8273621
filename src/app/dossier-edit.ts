/**
 * The dossier the self-assessment page edits, as plain JSON (what it downloads and loads back).
 * Pure, immutable updates: each returns a new dossier, so the page rescoring on every input can
 * never see a half-updated one. Empty values remove their key rather than write `""`.
 */
export type StatutSimple = 'fait' | 'programme' | 'pas_fait' | 'non_concerne' | 'non_renseigne';
export interface StatutDetaille {
  fait: number;
  programme: number;
  pas_fait: number;
}
export type StatutSaisi = StatutSimple | StatutDetaille;
export type ReponseSaisie = string | number;

export interface DossierPage {
  referentiel?: string;
  date?: string;
  collectivite?: { nom?: string; type?: 'commune' | 'EPCI' | 'syndicat'; population?: number; localisation?: 'DOM' | 'Metropole' };
  reponses?: Record<string, ReponseSaisie>;
  statuts?: Record<string, StatutSaisi>;
  [cle: string]: unknown;
}

function withEntry<T>(record: Record<string, T> | undefined, key: string, value: T | null): Record<string, T> | undefined {
  const next = { ...record };
  if (value === null) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

function withField<K extends keyof DossierPage>(dossier: DossierPage, key: K, value: DossierPage[K] | undefined): DossierPage {
  const next = { ...dossier };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The statut of a node (by identifiant), or none (null: the key is removed). */
export const withStatut = (dossier: DossierPage, identifiant: string, statut: StatutSaisi | null): DossierPage => withField(dossier, 'statuts', withEntry(dossier.statuts, identifiant, statut));

/** The answer to a question, or none (null). */
export const withReponse = (dossier: DossierPage, question: string, reponse: ReponseSaisie | null): DossierPage => withField(dossier, 'reponses', withEntry(dossier.reponses, question, reponse));

/** A field of the collectivité (null or `""`: removed). */
export function withCollectivite<K extends keyof NonNullable<DossierPage['collectivite']>>(dossier: DossierPage, key: K, value: NonNullable<DossierPage['collectivite']>[K] | null): DossierPage {
  const next = { ...dossier.collectivite };
  if (value === null || value === '') delete next[key];
  else next[key] = value;
  return withField(dossier, 'collectivite', Object.keys(next).length > 0 ? next : undefined);
}

/** The dossier's date (`AAAA-MM-JJ`), or none. */
export const withDate = (dossier: DossierPage, date: string | null): DossierPage => withField(dossier, 'date', date === null || date === '' ? undefined : date);

/**
 * A détaillé statut from three percentages as typed (`50`, `25`, `25`): exact decimals of at most
 * 4 places (`12.5` → 0.125), so the engine checks the sum exactly. Null when one is not a number.
 */
export function detailleFromPourcents(fait: string, programme: string, pasFait: string): StatutDetaille | null {
  const values = [fait, programme, pasFait].map((v) => v.trim().replace(',', '.'));
  if (!values.every((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v))) return null;
  const [f, p, n] = values.map((v) => Number((Number(v) / 100).toFixed(4))) as [number, number, number];
  return { fait: f, programme: p, pas_fait: n };
}

/** The dossier as the file the page downloads: indented JSON, ending with a newline. */
export const dossierText = (dossier: DossierPage): string => `${JSON.stringify(dossier, null, 2)}\n`;
