/**
 * `cae serve`: the routes through fastify.inject (no port), then one real process on a free port
 * stopped by SIGTERM.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';
import { buildServer } from '../../cli/shared/serve-app.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';

const SAINT = readFileSync(join(PROJECT_DIR, 'fixtures/dossiers/saint-exemple.json'), 'utf8');
const { context } = await loadEvaluationContext();
const app = buildServer(context!, { bodyLimit: 64 * 1024 });
afterAll(() => app.close());
const post = (url: string, payload: string, type = 'application/json') => app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
const noStack = (body: string) => expect(body).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules/);

describe('cae serve (inject)', () => {
  it('GET /health, /referentiels', async () => {
    expect((await app.inject('/health')).json()).toEqual({ statut: 'ok' });
    const refs = (await app.inject('/referentiels')).json();
    expect(refs[0]).toMatchObject({ id: 'cae', reglesPreuve: expect.any(Number) });
  });

  it('POST /evaluations: the evaluation document, as evaluationToJson; ?niveau=mesure keeps the mesures', async () => {
    const r = await post('/evaluations', SAINT);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    // Byte for byte: the body is written from the engine's columns, as a batch line.
    const ev = evaluateDossier(context!, JSON.parse(SAINT));
    expect(r.body).toBe(`${JSON.stringify(evaluationToJson(ev))}\n`);
    const m = await post('/evaluations?niveau=mesure', SAINT);
    expect(m.body).toBe(`${JSON.stringify(evaluationToJson(ev, { niveau: 'mesure' }))}\n`);
    expect(Object.keys(m.json().scores)).toEqual(['cae', 'cae_6', 'cae_6.1', 'cae_6.1.1']);
    const bad = await post('/evaluations?niveau=tout', SAINT);
    expect([bad.statusCode, bad.json().erreur.code]).toEqual([400, 'niveau-inconnu']);
  });

  it('an invalid dossier or JSON: 400 with the positioned French diagnostics', async () => {
    const r = await post('/evaluations', '{\n  "statuts": {"6.1.1.1.1": "FAIT"}\n}');
    expect(r.statusCode).toBe(400);
    expect(r.json().erreurs[0]).toMatchObject({ code: 'statut-invalide', pointer: '/statuts/6.1.1.1.1', position: { file: 'requete', line: 2 } });
    const syntax = await post('/evaluations', '{"statuts": ');
    expect([syntax.statusCode, syntax.json().erreurs[0].code]).toEqual([400, 'json-invalide']);
    const proto = await post('/evaluations', '{"statuts": {"__proto__": "fait"}}');
    expect([proto.statusCode, proto.json().erreurs[0].code]).toEqual([400, 'dossier-cle-interdite']);
    noStack(proto.body);
  });

  it('a body over the limit: 413; another content type: 415; an unknown route: 404; all in French, without a stack', async () => {
    const big = await post('/evaluations', JSON.stringify({ collectivite: { nom: 'x'.repeat(70_000) } }));
    expect([big.statusCode, big.json().erreur.code]).toEqual([413, 'corps-trop-volumineux']);
    const type = await post('/evaluations', SAINT, 'text/plain');
    expect([type.statusCode, type.json().erreur.code]).toEqual([415, 'type-de-contenu']);
    const unknown = await app.inject('/nulle-part');
    expect([unknown.statusCode, unknown.json().erreur.code]).toEqual([404, 'route-inconnue']);
    for (const r of [big, type, unknown]) noStack(r.body);
  });

  it('an internal error: 500 with a generic French message and a code, no stack', async () => {
    const broken = buildServer({ ...context!, referentiel: { ...context!.referentiel, root: null } as never }, { bodyLimit: 1 << 20 });
    const r = await broken.inject({ method: 'POST', url: '/evaluations', payload: SAINT, headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({ erreur: { code: 'erreur-interne', message: 'Erreur interne du service' } });
    await broken.close();
  });

  it('POST /evaluations:batch: NDJSON in, one line out per line in, in order', async () => {
    const lines = [SAINT.replace(/\n/g, ''), '', '{"statuts": {"6.1.1.1.1": 12}}', '{"collectivite": {"type": "EPCI"}}'];
    const r = await post('/evaluations:batch?niveau=mesure', `${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(r.statusCode).toBe(200);
    const out = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.ligne)).toEqual([1, 2, 3, 4]);
    expect(out[0].scores.cae.pointFait).toBe(3.561);
    expect(Object.keys(out[0].scores)).toHaveLength(4);
    // The scored line, byte for byte, as `cae score --batch` writes it.
    const ev = evaluateDossier(context!, JSON.parse(SAINT));
    expect(r.body.split('\n')[0]).toBe(JSON.stringify({ ligne: 1, ...evaluationToJson(ev, { niveau: 'mesure' }) }));
    expect(out[1]).toEqual({ ligne: 2, vide: true });
    expect(out[2].erreurs[0].code).toBe('statut-invalide');
  });

  it('GET /openapi.json: OpenAPI 3.1 with the dossier and evaluation schemas of cae schema', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/evaluations', '/evaluations:batch', '/referentiels', '/health', '/openapi.json']);
    const { dossierJsonSchema } = await import('../../src/dossier/dossier-schema.js');
    expect(doc.components.schemas.Dossier.properties).toEqual(dossierJsonSchema().properties);
  });
});

describe('cae serve (a real process on a free port)', () => {
  it('answers on the port it announces, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [join(PROJECT_DIR, 'bin', 'cae.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /à l'écoute sur (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(stderr)));
    });
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ statut: 'ok' });
    const r = await fetch(`${url}/evaluations?niveau=mesure`, { method: 'POST', body: SAINT, headers: { 'content-type': 'application/json' } });
    expect(((await r.json()) as { etoile: { etoile: number } }).etoile.etoile).toBeGreaterThan(0);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('arrêté');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
