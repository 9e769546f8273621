/**
 * Dossiers for the property tests of the dossier validators (dossier-shape.test.ts,
 * dossier-validate.test.ts): mostly valid, with values at and beyond the bounds, and mutations.
 */
import fc from 'fast-check';

const edgeNumber = fc.constantFrom(0, -0, 1, -1, 0.5, 0.1, 0.2, 0.7, 1.0000001, -0.0001, 2, 5, 6, 1e9, 1e9 + 1, 12.5, 3, 2 ** 53, 1e300);
const edgeString = fc.constantFrom('', 'x', 'x'.repeat(200), 'x'.repeat(201), 'OUI', 'NON', 'oui', 'fait', 'FAIT', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'commune', 'EPCI', 'syndicat', 'region', 'DOM', 'Metropole', '2024-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '２０２６-01-01', '2026-06-30');
export const anyValue = fc.oneof(edgeNumber, edgeString, fc.jsonValue({ maxDepth: 3 }), fc.boolean(), fc.constant(null));
const fractions = fc.constantFrom([1, 0, 0], [0.5, 0.25, 0.25], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2], [1.5, -0.5, 0], [0.125, 0.375, 0.5]);
const statut = fc.oneof(
  fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne'),
  fractions.map(([fait, programme, pas_fait]) => ({ fait, programme, pas_fait })),
  fractions.map(([fait, programme, pas_fait]) => ({ pas_fait, fait, programme })),
);
const reponse = fc.oneof(fc.constantFrom('OUI', 'NON', 'EP_1_b'), fc.boolean(), fc.integer({ min: 0, max: 100 }).map((n) => n / 100), edgeString, edgeNumber);
const partenariat = fc.record(
  { intitule: fc.string(), date: fc.constantFrom('2024-03-15', '2023-01-31'), multiActeurs: fc.boolean(), climatAirEnergie: fc.boolean() },
  { noNullPrototype: true },
);

/** Dossiers, mostly valid, with values at and beyond the bounds now and then. */
export const validDossier = fc.record(
  {
    $schema: fc.constant('https://example/schema.json'),
    referentiel: fc.constantFrom('cae', 'eci'),
    date: fc.oneof(fc.constantFrom('2026-06-30', '2024-02-29'), edgeString),
    collectivite: fc.record(
      { nom: fc.string(), type: fc.constantFrom('commune', 'EPCI', 'syndicat'), population: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 1e9 }) }, { weight: 1, arbitrary: edgeNumber }), localisation: fc.constantFrom('DOM', 'Metropole'), dansAireUrbaine: fc.boolean() },
      { requiredKeys: [] },
    ),
    labellisation: fc.record({ etoile: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: edgeNumber }), date: fc.constant('2023-05-04') }, { requiredKeys: ['etoile'] }),
    reponses: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), reponse, { maxKeys: 6 }),
    statuts: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), statut, { maxKeys: 8 }),
    preuves: fc.record({ partenariats: fc.array(partenariat, { maxLength: 3 }), autres: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    indicateurs: fc.dictionary(
      fc.string({ minLength: 0, maxLength: 3 }),
      fc.record({ resultat: fc.double({ noNaN: true, noDefaultInfinity: true }), objectif: fc.integer(), cible: fc.constant(5), limite: fc.constant(2) }, { requiredKeys: [] }),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: [] },
);

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v`. */
export function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...prefix, k], out);
  return out;
}

/** A copy of `v` with the value at `path` replaced, removed, or given an extra key. */
export function mutate(v: Json, path: (string | number)[], how: 'replace' | 'remove' | 'add', value: Json, key: string): Json {
  const copy = JSON.parse(JSON.stringify(v)) as Json;
  if (path.length === 0) return how === 'replace' ? value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (how === 'replace') parent[last] = value;
  else if (how === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[key] = value;
    else parent[last] = value;
  }
  return copy;
}

/** A valid dossier with 1 to 3 mutations: a value replaced by any JSON, a key removed or added. */
export const mutatedDossier: fc.Arbitrary<Json> = fc
  .tuple(validDossier, fc.array(fc.record({ pick: fc.nat(), how: fc.constantFrom('replace', 'remove', 'add'), value: anyValue, key: fc.oneof(fc.constantFrom('fait', 'nom', 'date', 'etoile', 'partenariats', 'x', ''), fc.string()) }), { minLength: 1, maxLength: 3 }))
  .map(([d, mutations]) => {
    let v = JSON.parse(JSON.stringify(d)) as Json;
    for (const m of mutations) {
      const all = paths(v);
      v = mutate(v, all[m.pick % all.length]!, m.how as 'replace' | 'remove' | 'add', m.value as Json, m.key);
    }
    return v;
  });
