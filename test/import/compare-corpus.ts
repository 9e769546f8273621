/**
 * What the corpus test compares: an imported référentiel (or its rules, its questions) against the
 * TeT corpus, as a list of differences, one line each, so that the test can assert the list.
 */
import type { Referentiel } from '../../src/referentiel/model.js';
import type { RegleEntry } from '../../src/personnalisation/regle.js';
import type { Question } from '../../src/personnalisation/question.js';

/** Pairs items by id: `absente` / `en trop` for the unpaired, `differ` for the pairs; sorted. */
function compareById<T>(expected: ReadonlyMap<string, T>, actual: ReadonlyMap<string, T>, differ: (id: string, e: T, a: T) => string[]): string[] {
  const out: string[] = [];
  for (const [id, e] of expected) {
    const a = actual.get(id);
    out.push(...(a === undefined ? [`${id} absente`] : differ(id, e, a)));
  }
  for (const id of actual.keys()) if (!expected.has(id)) out.push(`${id} en trop`);
  return out.sort();
}

/** `cae_1.2.1.3 categorieSource: "mise en œuvre" ≠ "Mise en œuvre"`-style lines. */
export function compareTrees(expected: Referentiel, actual: Referentiel): string[] {
  return compareById(expected.actions, actual.actions, (id, e, a) => {
    const fields: [string, unknown, unknown][] = [
      ['parent', e.parentId, a.parentId],
      ['points', e.points.toFraction(), a.points.toFraction()],
      ['pourcentage', e.pourcentage?.toFraction() ?? null, a.pourcentage?.toFraction() ?? null],
      ['categorie', e.categorie, a.categorie],
      ['categorieSource', e.categorieSource, a.categorieSource],
      ['type', e.type, a.type],
    ];
    return fields.filter(([, x, y]) => x !== y).map(([k, x, y]) => `${id} ${k}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  });
}

const norm = (f: string): string => f.replace(/\s+/g, ' ').trim();

/** Same action ids, same rule types, formulas equal once whitespace is normalised. */
export function compareRegles(expected: readonly RegleEntry[], actual: readonly RegleEntry[]): string[] {
  const byId = (es: readonly RegleEntry[]) => new Map(es.map((e) => [e.actionId, e]));
  return compareById(byId(expected), byId(actual), (id, e, a) => {
    const out: string[] = [];
    for (const r of e.regles) {
      const ra = a.regles.find((x) => x.type === r.type);
      if (!ra) out.push(`${id} ${r.type} absente`);
      else if (norm(ra.formule) !== norm(r.formule)) out.push(`${id} ${r.type}: ${JSON.stringify(norm(r.formule))} ≠ ${JSON.stringify(norm(ra.formule))}`);
    }
    for (const ra of a.regles) if (!e.regles.some((x) => x.type === ra.type)) out.push(`${id} ${ra.type} en trop`);
    return out;
  });
}

/** Same ids, types and choice ids (in order). */
export function compareQuestions(expected: readonly Question[], actual: readonly Question[]): string[] {
  const byId = (qs: readonly Question[]) => new Map(qs.map((q) => [q.id, q]));
  return compareById(byId(expected), byId(actual), (id, e, a) => {
    const out: string[] = [];
    if (a.type !== e.type) out.push(`${id} type: ${e.type} ≠ ${a.type}`);
    const ce = e.choix.map((c) => c.id).join(',');
    const ca = a.choix.map((c) => c.id).join(',');
    if (ce !== ca) out.push(`${id} choix: ${ce} ≠ ${ca}`);
    return out;
  });
}
