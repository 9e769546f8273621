import { describe, expect, it } from 'vitest';
import { q, Rational } from '../exact/rational.js';
import type { Identite } from '../identite/identite.js';
import { evaluateFormule, evaluateScoreIndicatif, formatValeur, type Reponse } from './evaluate.js';
import { parseFormule } from './parser.js';

function run(text: string, identite: Identite = {}, reponses: Record<string, Reponse> = {}) {
  return evaluateFormule(parseFormule(text), { identite, reponses: new Map(Object.entries(reponses)) });
}

describe('evaluateFormule', () => {
  it('matches binaire answers stored as booleans', () => {
    expect(run('reponse(AOM_1, OUI)', {}, { AOM_1: true }).value).toBe(true);
    expect(run('reponse(AOM_1, NON)', {}, { AOM_1: true }).value).toBe(false);
    expect(run('reponse(AOM_1, non)', {}, { AOM_1: false }).value).toBe(true);
  });
  it('matches choix answers by id', () => {
    expect(run('reponse(voirie_1, voirie_1_b)', {}, { voirie_1: 'voirie_1_b' }).value).toBe(true);
    expect(run('reponse(voirie_1, voirie_1_c)', {}, { voirie_1: 'voirie_1_b' }).value).toBe(false);
  });
  it('makes a missing answer false, and reports it', () => {
    const r = run('reponse(AOM_1, NON)');
    expect(r.value).toBe(false);
    expect(r.reads).toEqual(['reponse.AOM_1']);
    expect(r.missing).toEqual(['reponse.AOM_1']);
  });
  it('propagates a missing proportion through arithmetic, min, max and comparisons', () => {
    for (const t of ['reponse(p) + 1', 'max(reponse(p), 0.5)', 'min(0.5, reponse(p))', '-reponse(p)', 'reponse(p) > 0.5', 'reponse(p) = 0.5']) {
      expect(run(t).value, t).toBe(null);
    }
    expect(run('max(reponse(p), 0.5)', {}, { p: q('0.7') }).value).toEqual(q('0.7'));
  });
  it('treats null as false in et/ou and in conditions', () => {
    expect(run('reponse(p) > 0.5 ou VRAI').value).toBe(true);
    expect(run('reponse(p) > 0.5 et VRAI').value).toBe(false);
    expect(run('si reponse(p) > 0.5 alors 1 sinon 2').value).toEqual(q(2));
    expect(run('si reponse(p) > 0.5 alors 1').value).toBe(null);
  });
  it('short-circuits et/ou: unneeded inputs are not read', () => {
    const r = run('identite(type, commune) et reponse(a, OUI)', { type: 'EPCI' });
    expect(r.value).toBe(false);
    expect(r.reads).toEqual(['identite.type']);
    expect(run('identite(type, EPCI) ou reponse(a, OUI)', { type: 'EPCI' }).reads).toEqual(['identite.type']);
  });
  it('records reads once, in first-read order', () => {
    const r = run('si reponse(b, OUI) et identite(type, commune) alors 1 sinon si reponse(b, OUI) et reponse(a, OUI) alors 2', { type: 'EPCI' }, { b: true, a: true });
    expect(r.reads).toEqual(['reponse.b', 'identite.type', 'reponse.a']);
    expect(r.missing).toEqual([]);
    expect(r.value).toEqual(q(2));
  });
  it('gives null on division by zero', () => {
    expect(run('1 / 0').value).toBe(null);
    expect(run('1 / (1 - 1)').value).toBe(null);
    expect(run('1 / reponse(p)', {}, { p: Rational.ZERO }).value).toBe(null);
  });
  it('records the top-level branch that fired', () => {
    const t = 'si reponse(a, OUI) alors 1 sinon si reponse(b, OUI) alors 2 sinon 3';
    expect(run(t, {}, { a: true }).branch).toMatchObject({ index: 1, final: false });
    const b2 = run(t, {}, { a: false, b: true }).branch!;
    expect(b2).toMatchObject({ index: 2, final: false });
    expect(b2.expression.pos.column).toBe(t.indexOf('2') + 1);
    expect(run(t, {}, {}).branch).toMatchObject({ index: 3, final: true, condition: null });
    expect(run('si reponse(a, OUI) alors 1').branch).toBe(null);
    expect(run('reponse(a, OUI)').branch).toBe(null);
  });
  it('reads identity with missing fields reported', () => {
    const r = run('identite(localisation, Metropole) ou identite(population, moins_de_5000)', { type: 'commune' });
    expect(r.value).toBe(false);
    expect(r.missing).toEqual(['identite.localisation', 'identite.population']);
    expect(run('identite(type, syndicat)').value).toBe(false);
    expect(run('identite(type, EPCI)', { type: 'syndicat' }).value).toBe(true);
  });
  it('evaluates bare names as text and compares them', () => {
    expect(run('voirie_1_a').value).toBe('voirie_1_a');
    expect(run('a = a').value).toBe(true);
    expect(run('a = b').value).toBe(false);
    expect(run('VRAI = OUI').value).toBe(true);
    // Ill-typed comparisons give null rather than throwing (the checker reports them at load time).
    expect(run('VRAI < 1').value).toBe(null);
    expect(run('1 + VRAI').value).toBe(null);
  });
  it('formats values', () => {
    expect([true, false, null, 'x', q('0.25')].map(formatValeur)).toEqual(['VRAI', 'FAUX', 'rien', 'x', '1/4']);
  });
});

describe('evaluateScoreIndicatif', () => {
  const m = (o: Record<string, Rational | null>) => new Map(Object.entries(o));
  it('reads values, targets and limits, reporting what is missing', () => {
    const r = evaluateScoreIndicatif('val(a) / cible(a) + limite(b)', { indicateurs: m({ a: q(1) }), cibles: m({ a: q(3) }) });
    expect(r.score).toBe(null);
    expect(r.reads).toEqual(['indicateur.a', 'cible.a', 'limite.b']);
    expect(r.missing).toEqual(['limite.b']);
  });
  it('gives no score when no indicator read by val/opt_val has a value, a null value counting as none', () => {
    expect(evaluateScoreIndicatif('opt_val(a) + 1', { indicateurs: m({ a: null }) }).score).toBe(null);
    expect(evaluateScoreIndicatif('opt_val(a) + opt_val(b)', { indicateurs: m({ b: q(2) }) }).score).toEqual(q(2));
    expect(evaluateScoreIndicatif('cible(a)', { indicateurs: m({}), cibles: m({ a: q(2) }) }).score).toEqual(q(2));
  });
  it('est_suivi is true when the indicator has a value, zero included', () => {
    expect(evaluateScoreIndicatif('si est_suivi(a) alors 1 sinon 0', { indicateurs: m({ a: q(0) }) }).score).toEqual(q(1));
    expect(evaluateScoreIndicatif('si est_suivi(a) alors 1 sinon 0', { indicateurs: m({ a: null }) }).score).toEqual(q(0));
  });
  it('gives no score for a boolean result or a division by zero, and stays exact', () => {
    expect(evaluateScoreIndicatif('val(a) > 1', { indicateurs: m({ a: q(2) }) }).score).toBe(null);
    expect(evaluateScoreIndicatif('val(a) / (cible(a) - limite(a))', { indicateurs: m({ a: q(1) }), cibles: m({ a: q(2) }), limites: m({ a: q(2) }) }).score).toBe(null);
    expect(evaluateScoreIndicatif('val(a) / 3', { indicateurs: m({ a: q('0.1') }) }).score).toEqual(q(1, 30));
  });
  it('without indicator inputs, evaluateFormule reads the functions as missing', () => {
    const r = run('val(a) + 1');
    expect(r.value).toBe(null);
    expect(r.missing).toEqual(['indicateur.a']);
    expect(run('opt_val(a) + 1').value).toEqual(q(1));
  });
  it('refuses wrong arguments from plain JavaScript with a TypeError naming them', () => {
    expect(() => evaluateScoreIndicatif(42 as never, { indicateurs: new Map() })).toThrow(/^evaluateScoreIndicatif : argument formule invalide/);
    expect(() => evaluateScoreIndicatif('val(a)', { indicateurs: { a: 1 } } as never)).toThrow(/^evaluateScoreIndicatif : argument ctx invalide/);
  });
});
