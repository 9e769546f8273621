/**
 * `cae schema dossier|referentiel|bundle|evaluation`: prints the published JSON Schemas (draft 2020-12).
 */
import { dossierJsonSchema } from '../../src/dossier/dossier-schema.js';
import { referentielJsonSchema } from '../../src/referentiel/compiled-schema.js';
import { bundleJsonSchema } from '../../src/evaluation/bundle-schema.js';
import { evaluationJsonSchema } from '../../src/evaluation/evaluation-schema.js';
import type { Command } from '../command.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';

const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  dossier: dossierJsonSchema,
  referentiel: referentielJsonSchema,
  bundle: bundleJsonSchema,
  evaluation: evaluationJsonSchema,
};

export const schema: Command = {
  help: `cae schema — affiche un schéma JSON (draft 2020-12)

Usage : cae schema dossier|referentiel|bundle|evaluation

  dossier      le dossier d'autoévaluation que lit cae score
  referentiel  le référentiel compilé (label-cae/referentiel@1)
  bundle       le référentiel et ses compagnons qu'écrit cae build (label-cae/bundle@2)
  evaluation   le document qu'écrit cae score --format json (label-cae/evaluation@1)

Exemples :
  cae schema dossier > dossier.schema.json
  cae schema referentiel

Codes de sortie : 0 ; 2 nom de schéma inconnu.
`,
  async run(args: string[], io: CliIo): Promise<number> {
    const [name, ...rest] = args;
    if (name === undefined || rest.length > 0 || !Object.hasOwn(SCHEMAS, name)) {
      throw new UsageError('schema-inconnu', `schéma inattendu « ${args.join(' ')} », attendu dossier, referentiel, bundle ou evaluation`);
    }
    io.stdout(`${JSON.stringify(SCHEMAS[name]!(), null, 2)}\n`);
    return EXIT_OK;
  },
};
