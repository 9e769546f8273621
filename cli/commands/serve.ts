/**
 * `cae serve`: the scoring engine as an HTTP service (Fastify), for tools written in other
 * languages. The context is loaded once; SIGINT or SIGTERM stop it gracefully (requests under
 * way finish, new ones get 503).
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';
import { CONTEXT_HELP, CONTEXT_OPTIONS, loadContextOrFail, resolveContextPaths } from '../shared/context-options.js';

const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

const HELP = `cae serve — le moteur de notation en service HTTP

Usage : cae serve [--port 8080] [--host 127.0.0.1] [options]

Options :
${CONTEXT_HELP}
  --port N                     port d'écoute (défaut : 8080 ; 0 : un port libre, annoncé sur la sortie d'erreur)
  --host ADRESSE               adresse d'écoute (défaut : 127.0.0.1 ; 0.0.0.0 pour toutes)
  --body-limit OCTETS          taille maximale d'un dossier envoyé à POST /evaluations (défaut : ${DEFAULT_BODY_LIMIT})
  -h, --help                   affiche cette aide

Routes :
  POST /evaluations[?niveau=mesure]        un dossier JSON → le document d'évaluation (400 : diagnostics positionnés)
  POST /evaluations:batch[?niveau=mesure]  NDJSON → NDJSON, en flux, une ligne de résultat par ligne reçue
  GET  /referentiels                       le référentiel chargé
  GET  /health                             {"statut":"ok"}
  GET  /openapi.json                       le document OpenAPI 3.1

Exemples :
  cae serve --port 8080
  curl -s -X POST --data-binary @dossier.json -H 'content-type: application/json' 'http://127.0.0.1:8080/evaluations?niveau=mesure'

Ctrl-C ou SIGTERM arrête le service proprement (code de sortie 0).
`;

function parseInteger(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError('option-invalide', `${flag} « ${value} » inattendu, attendu un entier de ${min} à ${max}`);
  return n;
}

export const serve: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: { ...CONTEXT_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, 'body-limit': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new UsageError('argument-inattendu', `argument inattendu « ${positionals[0]} »`);
    const port = parseInteger(values.port, '--port', 0, 65535, 8080);
    const bodyLimit = parseInteger(values['body-limit'], '--body-limit', 1024, 1 << 30, DEFAULT_BODY_LIMIT);
    const host = values.host ?? '127.0.0.1';
    const context = await loadContextOrFail(resolveContextPaths(values), io, values.strict);
    const { buildServer } = await import('../shared/serve-app.js');
    const app = buildServer(context, { bodyLimit });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (error) {
      throw new UsageError('ecoute-impossible', `écoute impossible sur ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    io.stderr(`cae serve : à l'écoute sur ${address} (référentiel ${context.referentiel.id})\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.stderr('cae serve : arrêt demandé, fin des requêtes en cours…\n');
        void app.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stderr('cae serve : arrêté.\n');
    return EXIT_OK;
  },
};
