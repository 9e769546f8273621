/**
 * What the corpus test compares: an imported référentiel (or its rules, its questions) against the
 * TeT corpus, as a list of differences, one line each, so that the test can assert the list.
 */
import type { Referentiel } from '../../src/referentiel/model.js';
import type { RegleEntry } from '../../src/regles/regle.js';
import type { Question } from '../../src/questions/question.js';

/** `cae_1.2.1.3 categorie: "mise en œuvre" ≠ "Mise en œuvre"`-style lines, sorted. */
export function compareTrees(expected: Referentiel, actual: Referentiel): string[] {
  const out: string[] = [];
  for (const [id, e] of expected.actions) {
    const a = actual.actions.get(id);
    if (!a) {
      out.push(`${id} absente`);
      continue;
    }
    const fields: [string, unknown, unknown][] = [
      ['parent', e.parentId, a.parentId],
      ['points', e.points.toFraction(), a.points.toFraction()],
      ['pourcentage', e.pourcentage?.toFraction() ?? null, a.pourcentage?.toFraction() ?? null],
      ['categorie', e.categorie, a.categorie],
      ['categorieSource', e.categorieSource, a.categorieSource],
      ['type', e.type, a.type],
    ];
    for (const [k, x, y] of fields) if (x !== y) out.push(`${id} ${k}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  }
  for (const id of actual.actions.keys()) if (!expected.actions.has(id)) out.push(`${id} en trop`);
  return out.sort();
}

const norm = (f: string): string => f.replace(/\s+/g, ' ').trim();

export function compareRegles(expected: readonly RegleEntry[], actual: readonly RegleEntry[]): string[] {
  const out: string[] = [];
  const byId = new Map(actual.map((e) => [e.actionId, e]));
  for (const e of expected) {
    const a = byId.get(e.actionId);
    if (!a) {
      out.push(`${e.actionId} absente`);
      continue;
    }
    for (const r of e.regles) {
      const ra = a.regles.find((x) => x.type === r.type);
      if (!ra) out.push(`${e.actionId} ${r.type} absente`);
      else if (norm(ra.formule) !== norm(r.formule)) out.push(`${e.actionId} ${r.type}: ${JSON.stringify(norm(r.formule))} ≠ ${JSON.stringify(norm(ra.formule))}`);
    }
    for (const ra of a.regles) if (!e.regles.some((x) => x.type === ra.type)) out.push(`${e.actionId} ${ra.type} en trop`);
  }
  const known = new Set(expected.map((e) => e.actionId));
  for (const a of actual) if (!known.has(a.actionId)) out.push(`${a.actionId} en trop`);
  return out.sort();
}

export function compareQuestions(expected: readonly Question[], actual: readonly Question[]): string[] {
  const out: string[] = [];
  const byId = new Map(actual.map((q) => [q.id, q]));
  for (const e of expected) {
    const a = byId.get(e.id);
    if (!a) {
      out.push(`${e.id} absente`);
      continue;
    }
    if (a.type !== e.type) out.push(`${e.id} type: ${e.type} ≠ ${a.type}`);
    const ce = e.choix.map((c) => c.id).join(',');
    const ca = a.choix.map((c) => c.id).join(',');
    if (ce !== ca) out.push(`${e.id} choix: ${ce} ≠ ${ca}`);
  }
  const known = new Set(expected.map((q) => q.id));
  for (const a of actual) if (!known.has(a.id)) out.push(`${a.id} en trop`);
  return out.sort();
}
