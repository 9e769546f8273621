/**
 * Reads a TeT scenario file (`Test`, `Collectivité`, `Réponses`, `Statuts`, `Scores`) into the
 * engine's inputs, and compares scores the way OpenFisca's YAML tests do: node, field, expected,
 * actual, margin.
 */
import { parse as parseYaml } from 'yaml';
import { Rational } from '../../src/exact/rational.js';
import type { Identite } from '../../src/identite/identite.js';
import type { ActionScoreJson } from '../../src/score/score-json.js';
import type { ActionStatut } from '../../src/score/statut.js';
import { statutFromSimple } from '../../src/score/statut.js';

export const MARGIN = 0.0011;

export interface Scenario {
  titre: string;
  collectivite: Identite;
  reponses: Map<string, boolean | string | Rational>;
  statuts: Map<string, ActionStatut>;
  attendus: Map<string, Record<string, number | boolean>>;
}

/** A number that has exactly the listed population tags among those a rule may read. */
export function representativePopulation(tags: string[]): number | undefined {
  if (tags.length === 0) return undefined;
  let lo = 0;
  let hi = 10_000_000;
  for (const t of tags) {
    const m = /^(moins|plus)_de_(\d+)$/.exec(t);
    if (!m) throw new Error(`Tag de population inconnu : ${t}`);
    const x = Number(m[2]);
    if (m[1] === 'moins') hi = Math.min(hi, x - 1);
    else lo = Math.max(lo, x + 1);
  }
  // The extreme of the interval sets the fewest extra tags: the largest number below every
  // `moins_de` bound, or the smallest above every `plus_de` bound.
  return tags.some((t) => t.startsWith('moins')) ? hi : lo;
}

const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function readScenario(text: string): Scenario {
  // TeT wrote these files for PyYAML, a YAML 1.1 reader: `yes`/`no` are booleans there.
  const doc = parseYaml(text, { version: '1.1' }) as Record<string, unknown>;
  const coll = (doc['Collectivité'] ?? {}) as Record<string, string[]>;
  const first = (k: string): string | undefined => coll[k]?.[0];
  const population = representativePopulation(coll.population ?? []);
  const collectivite: Scenario['collectivite'] = {};
  if (first('type')) collectivite.type = first('type');
  if (population !== undefined) collectivite.population = population;
  if (first('localisation')) collectivite.localisation = first('localisation') as Identite['localisation'];

  const reponses = new Map<string, boolean | string | Rational>();
  for (const [q, v] of Object.entries((doc['Réponses'] ?? {}) as Record<string, unknown>)) {
    if (v === 'OUI' || v === true) reponses.set(q, true);
    else if (v === 'NON' || v === false) reponses.set(q, false);
    else if (typeof v === 'number') reponses.set(q, Rational.fromNumber(v));
    else reponses.set(q, String(v));
  }

  const statuts = new Map<string, ActionStatut>();
  for (const [id, v] of Object.entries((doc.Statuts ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(v)) {
      const [f, p, pf] = v.map((x) => Rational.fromNumber(Number(x)));
      statuts.set(id, { concerne: true, avancement: { fait: f!, programme: p!, pasFait: pf! } });
    } else if (v === 'fait' || v === 'programme' || v === 'pas_fait' || v === 'non_concerne') {
      statuts.set(id, statutFromSimple(v));
    } else {
      // TeT's runner treats any other word (`desactive`, `pas fait`…) as concerné, not filled in.
      statuts.set(id, { concerne: true, avancement: null });
    }
  }

  const attendus = new Map<string, Record<string, number | boolean>>();
  for (const [id, fields] of Object.entries((doc.Scores ?? {}) as Record<string, Record<string, unknown>>)) {
    const out: Record<string, number | boolean> = {};
    for (const [k, v] of Object.entries(fields ?? {})) {
      if (k === 'test') continue;
      out[camel(k)] = v as number | boolean;
    }
    attendus.set(id, out);
  }
  return { titre: String(doc.Test ?? '').trim(), collectivite, reponses, statuts, attendus };
}

/** Every mismatch, as `cae_1.1.1.7 pointFait: expected 2.1, got 2.4 (margin 0.0011)`. */
export function compareScores(
  attendus: Scenario['attendus'],
  actual: ReadonlyMap<string, ActionScoreJson>,
  ignored: readonly string[] = [],
): string[] {
  const failures: string[] = [];
  for (const [id, fields] of attendus) {
    const got = actual.get(id) as unknown as Record<string, unknown> | undefined;
    if (!got) {
      failures.push(`${id}: action absente des scores`);
      continue;
    }
    for (const [field, expected] of Object.entries(fields)) {
      if (ignored.includes(field)) continue;
      const value = got[field];
      const ok =
        typeof expected === 'number' ? typeof value === 'number' && Math.abs(value - expected) <= MARGIN : value === expected;
      if (!ok) failures.push(`${id} ${field}: expected ${expected}, got ${String(value)} (margin ${MARGIN})`);
    }
  }
  return failures;
}
