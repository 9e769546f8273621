/**
 * Turns a validated dossier into what the engine reads: statuts keyed by action id, answers as
 * typed values, and the collectivité's identity. Unknown identifiants become constats, never errors.
 */
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import { flatTree } from '../score/flat-tree.js';
import { type ActionStatut, statutDetaille, statutFromSimple } from '../score/statut.js';
import { StatutsById } from '../score/statuts-by-id.js';
import { StatutsIndex } from '../score/statuts-index.js';
import type { Constat } from '../score/constat.js';
import type { Dossier, StatutSaisi } from './dossier-schema.js';
import { sealedKeysOf } from './sealed-dossier.js';
import { codesOf, rememberStatutsLus, statutsLusOf } from './statuts-lus.js';
import { AUCUN, DETAILLE } from '../score/statut-codes.js';

export type ReponseValue = boolean | string | Rational;

export interface DossierInputs {
  /** Statuts by action id, over `statuts.index`: the per-node codes computeScoresByIndex reads. */
  statuts: StatutsById;
  /** Statut ids that name an action absent from the scored tree (normally none). */
  statutsHorsArbre: string[];
  reponses: Map<string, ReponseValue>;
  constats: Constat[];
}

const aliasCache = new WeakMap<Referentiel, Map<string, string>>();

/** Every name of every action: its id and its identifiant, built once per référentiel. */
function aliases(referentiel: Referentiel): Map<string, string> {
  let m = aliasCache.get(referentiel);
  if (!m) {
    m = new Map();
    for (const a of referentiel.actions.values()) m.set(a.identifiant, a.id);
    for (const a of referentiel.actions.values()) m.set(a.id, a.id);
    aliasCache.set(referentiel, m);
  }
  return m;
}

/**
 * `6.1.1.3.5` and `cae_6.1.1.3.5` both name the same action.
 *
 * @example
 * resolveActionId(referentiel, '6.1.1.3'); // 'cae_6.1.1.3' (null when unknown)
 */
export function resolveActionId(referentiel: Referentiel, key: string): string | null {
  return aliases(referentiel).get(key) ?? null;
}

/** A dossier's statut keys, in order, the flat-tree index each names (−1: none) and its statut's code. */
export interface StatutKeys {
  keys: readonly string[];
  index: Int32Array;
  /** The code of each key's statut (statuts-lus.ts codeOfSaisi): AUCUN for a value that is none. */
  codes: Uint8Array;
}

/**
 * The keys of `statuts` resolved against the référentiel's tree, once per sealed dossier: its
 * check and its inputs both read them (a CAE dossier has ~1,100 statuts). A dossier read by
 * readDossier had them resolved while its statuts were checked (statuts-lus.ts); any other frozen
 * statuts are resolved here once and kept.
 */
export function statutKeys(referentiel: Referentiel, statuts: Readonly<Record<string, unknown>>): StatutKeys {
  const names = flatTree(referentiel).indexByName;
  const known = statutsLusOf(statuts);
  if (known && known.names === names && known.index) return known as StatutKeys;
  const remembered = known?.keys ?? sealedKeysOf(statuts);
  const keys = remembered ?? Object.keys(statuts);
  const codes = known?.codes ?? codesOf(statuts, keys);
  const index = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) index[k] = names.get(keys[k]!) ?? -1;
  const result = { keys, index, codes, names };
  // Only a frozen object keeps its keys: any other is read again next time (the keys of a
  // sealed one are remembered: it is frozen, and asking costs a look at each of its keys).
  if (remembered || Object.isFrozen(statuts)) rememberStatutsLus(statuts, result);
  return result;
}

export function toActionStatut(s: StatutSaisi): ActionStatut {
  if (typeof s === 'string') return statutFromSimple(s);
  return statutDetaille(s.fait, s.programme, s.pas_fait);
}

export function toReponseValue(v: string | number | boolean): ReponseValue {
  if (v === 'OUI') return true;
  if (v === 'NON') return false;
  if (typeof v === 'number') return Rational.fromNumber(v);
  return v;
}

/** How many unknown identifiants are listed one by one before they are summarised. */
const MAX_LISTED_UNKNOWN = 20;

export function dossierInputs(referentiel: Referentiel, dossier: Dossier): DossierInputs {
  const tree = flatTree(referentiel);
  const index = new StatutsIndex(tree.nodes.length);
  const statuts = new StatutsById(tree, index);
  const statutsHorsArbre: string[] = [];
  const constats: Constat[] = [];
  const unknown: string[] = [];
  const saisis = dossier.statuts ?? {};
  const { keys, index: indices, codes } = statutKeys(referentiel, saisis);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    // The tree knows the same names as resolveActionId; it only misses actions outside the tree.
    const i = indices[k]!;
    const code = codes[k]!;
    // Simple statuts are one byte, known by their code; only détaillé ones become objects.
    if (i >= 0 && code !== AUCUN && code !== DETAILLE) {
      index.setCode(i, code);
      continue;
    }
    const value = saisis[key]!;
    if (i >= 0) {
      if (typeof value === 'string') index.setSimple(i, value);
      else index.setDetaille(i, toActionStatut(value));
      continue;
    }
    const id = resolveActionId(referentiel, key);
    if (id === null) unknown.push(key);
    else {
      if (!statuts.has(id)) statutsHorsArbre.push(id);
      statuts.set(id, toActionStatut(value));
    }
  }
  for (const key of unknown.slice(0, MAX_LISTED_UNKNOWN)) {
    constats.push({
      code: 'statut-identifiant-inconnu',
      severity: 'warning',
      actionId: null,
      message: `Statut ignoré : l'identifiant « ${key} » n'existe pas dans le référentiel ${referentiel.id}`,
      pointer: `/statuts/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    });
  }
  if (unknown.length > MAX_LISTED_UNKNOWN) {
    constats.push({
      code: 'statut-identifiant-inconnu',
      severity: 'warning',
      actionId: null,
      message: `… et ${unknown.length - MAX_LISTED_UNKNOWN} autres statuts ignorés pour des identifiants inconnus`,
    });
  }
  const reponses = new Map<string, ReponseValue>();
  if (dossier.reponses) for (const [q, v] of Object.entries(dossier.reponses)) reponses.set(q, toReponseValue(v));
  return { statuts, statutsHorsArbre, reponses, constats };
}
