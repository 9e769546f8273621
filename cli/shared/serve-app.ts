/**
 * The HTTP service of `cae serve` (Fastify), Node-only: dossiers in, evaluation documents out,
 * for tools that cannot import an npm package. Every answer is JSON; an error is
 * `{ "erreur": { "code", "message" } }` or, for a dossier, `{ "erreurs": [diagnostics] }` with
 * their `ligne:colonne` in the request body; never a stack trace. The OpenAPI document is built
 * from the same JSON Schemas as `cae schema` (serve-openapi.ts).
 */
import { PassThrough, type Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { DOSSIER_LIMITS, type EvaluationContext, evaluateDossier, readDossierAsync } from 'label-cae';
import { NIVEAUX, type Niveau, evaluationJsonBytes, isNiveau } from 'label-cae/report';
import { scoreLineBytes } from './batch-line.js';
import { readLines } from './read-lines.js';
import { openApiDocument } from './serve-openapi.js';

export interface ServeOptions {
  /** Largest request body of POST /evaluations, in bytes. */
  bodyLimit: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify({ erreur: { code, message } }));
}

/** `?niveau=` of a request, or a 400 already sent. */
function niveauOf(query: unknown, reply: FastifyReply): Niveau | null {
  const value = (query as Record<string, unknown>).niveau;
  if (value === undefined) return 'tache';
  if (isNiveau(value)) return value;
  sendError(reply, 400, 'niveau-inconnu', `niveau inattendu « ${String(value)} », attendu ${NIVEAUX.join(', ')}`);
  return null;
}

export function buildServer(context: EvaluationContext, options: ServeOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit, return503OnClosing: true });
  // The body as text: the dossier reader gives the positioned French diagnostics (and refuses
  // `__proto__` keys itself).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  app.get('/health', async (_req, reply) => reply.type(JSON_TYPE).send('{"statut":"ok"}'));

  app.get('/referentiels', async (_req, reply) => {
    const r = context.referentiel;
    return reply.type(JSON_TYPE).send(JSON.stringify([{ id: r.id, nom: r.root.nom, actions: r.actions.size, personnalisation: context.personnalisation !== undefined, reglesPreuve: (context.reglesPreuve ?? []).length }]));
  });

  app.get('/openapi.json', async (_req, reply) => reply.type(JSON_TYPE).send(JSON.stringify(await openApiDocument(options.bodyLimit))));

  app.post('/evaluations', async (req, reply) => {
    const niveau = niveauOf(req.query, reply);
    if (niveau === null) return reply;
    if (typeof req.body !== 'string') return sendError(reply, 415, 'type-de-contenu', 'corps attendu en application/json');
    const read = await readDossierAsync(context, req.body, 'requete');
    if (!read.dossier) return reply.code(400).type(JSON_TYPE).send(JSON.stringify({ erreurs: read.diagnostics }));
    // The document's UTF-8 bytes, written from the engine's columns (the batch's writer): no
    // string of up to 850 KB to build, then encode.
    const bytes = evaluationJsonBytes(evaluateDossier(context, read.dossier), { niveau });
    return reply.type(JSON_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  });

  // `:` is escaped as `::` in Fastify's routes.
  app.post('/evaluations::batch', async (req, reply) => {
    const niveau = niveauOf(req.query, reply);
    if (niveau === null) return reply;
    const body = req.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') return sendError(reply, 415, 'type-de-contenu', 'corps attendu en application/x-ndjson (un dossier JSON par ligne)');
    const out = new PassThrough();
    void (async () => {
      let ligne = 0;
      try {
        for await (const line of readLines(body as AsyncIterable<Buffer>, DOSSIER_LIMITS.maxBytes)) {
          ligne++;
          const r = await scoreLineBytes(context, line, ligne, { explain: false, strict: false, niveau, format: 'json', label: 'requete' });
          if (!out.write(r.out)) await new Promise((resolve) => out.once('drain', resolve));
        }
        out.end();
      } catch {
        // The status is sent already: the stream ends with an error line.
        out.end(`${JSON.stringify({ ligne: ligne || 1, erreurs: [{ code: 'erreur-interne', severity: 'error', message: 'Erreur interne du service' }] })}\n`);
      }
    })();
    return reply.type('application/x-ndjson; charset=utf-8').send(out);
  });

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'route-inconnue', `route inconnue : ${req.method} ${req.url.split('?')[0]}`));

  app.setErrorHandler((error: { statusCode?: number; code?: string }, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'corps-trop-volumineux', `corps de requête trop volumineux : au plus ${options.bodyLimit} octets`);
    if (status === 415) return sendError(reply, 415, 'type-de-contenu', 'type de contenu inattendu, attendu application/json (ou application/x-ndjson pour /evaluations:batch)');
    if (status >= 400 && status < 500) return sendError(reply, status, 'requete-invalide', `requête invalide (${error.code ?? status})`);
    // Never a stack trace nor an internal message.
    return sendError(reply, 500, 'erreur-interne', 'Erreur interne du service');
  });
  return app;
}
