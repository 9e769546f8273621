/**
 * The argument of `referentiel(…)` (HEAD): a référentiel id, optionally followed by `_` and a minimum
 * version (semver): `referentiel(te)`, `referentiel(te_2.1.3)`.
 *
 * HEAD (`parse-referentiel-arg.ts`): the id is what precedes the first `_` and must be one of
 * cae, eci, te, te-test; the version must be valid semver. `referentiel(te)` is true when the
 * collectivité is scored on te or te-test (the te family), `referentiel(cae)` only on cae; with a
 * version, the current version must be at least that one (semver order, pre-releases below releases).
 */

/** The référentiel ids `referentiel(…)` accepts (HEAD's `referentielIdEnumValues`). */
export const REFERENTIELS_FORMULE: readonly string[] = ['cae', 'eci', 'te', 'te-test'];

/** Which référentiel (and which version of it) the formula is evaluated for. */
export interface ContexteReferentiel {
  /** cae, eci, te, te-test. */
  id: string;
  /** Semver of the référentiel, when known (`2.1.3`). */
  version?: string;
}

export interface ReferentielArg {
  referentielId: string;
  /** Minimum version, as written; undefined when the argument names no version. */
  version?: string;
}

export type ResultatReferentielArg = { ok: true; arg: ReferentielArg } | { ok: false; raison: string };

interface SemVer {
  noyau: [bigint, bigint, bigint];
  /** Pre-release identifiers (`beta.2` → ['beta', '2']); empty for a release. */
  pre: string[];
}

const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(
  `^[v=]?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);

function parseSemVer(s: string): SemVer | null {
  const m = SEMVER.exec(s);
  if (!m) return null;
  return { noyau: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)], pre: m[4] ? m[4].split('.') : [] };
}

/** Semver precedence: -1, 0 or 1 (build metadata ignored). */
function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    if (a.noyau[i]! !== b.noyau[i]!) return a.noyau[i]! < b.noyau[i]! ? -1 : 1;
  }
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

export function isSemVer(s: string): boolean {
  return parseSemVer(s) !== null;
}

/** Splits `te_2.1.3` at the first `_`; fails on an unknown id or a version that is not semver. */
export function parseReferentielArg(arg: string): ResultatReferentielArg {
  const k = arg.indexOf('_');
  const id = k === -1 ? arg : arg.slice(0, k);
  if (!REFERENTIELS_FORMULE.includes(id)) {
    return { ok: false, raison: `référentiel inconnu « ${id} » dans referentiel(${arg}), attendu ${REFERENTIELS_FORMULE.join(', ')}` };
  }
  if (k === -1) return { ok: true, arg: { referentielId: id } };
  const version = arg.slice(k + 1);
  if (parseSemVer(version) === null) {
    return { ok: false, raison: `version « ${version} » invalide dans referentiel(${arg}), attendu une version semver comme 1.2.3` };
  }
  return { ok: true, arg: { referentielId: id, version } };
}

/** Whether the current référentiel matches the argument (te includes te-test; version ≥ minimum). */
export function matchReferentiel(courant: ContexteReferentiel, arg: ReferentielArg): boolean {
  const famille = courant.id === arg.referentielId || (arg.referentielId === 'te' && courant.id === 'te-test');
  if (!famille) return false;
  if (arg.version === undefined) return true;
  if (courant.version === undefined) return false;
  const c = parseSemVer(courant.version);
  const min = parseSemVer(arg.version);
  return c !== null && min !== null && compareSemVer(c, min) >= 0;
}
