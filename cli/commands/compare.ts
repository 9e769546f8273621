/**
 * `cae compare AVANT APRES`: pre- and post-audit comparison.
 */
import { parseArgs } from 'node:util';
import { compareEvaluations, evaluateDossier } from 'label-cae';
import { renderComparison } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { ANSWER_OPTIONS, CONTEXT_HELP, contextInputs, loadContextOrFail, parseTextOrJson, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { readDossierOrFail, reportConstats } from '../shared/read-dossier.js';
import { textWidth } from '../shared/render-evaluation.js';

const HELP = `cae compare — compare deux évaluations (avant / après audit)

Usage : cae compare AVANT APRES [options]

Affiche le changement d'étoile (atteinte par le score, et demandable), la variation du potentiel
et du fait de chaque action qui bouge, les statuts, les réponses et les critères d'action modifiés.
Les deux dossiers sont notés avec le même référentiel et les mêmes règles. Un avertissement est
écrit quand ils ne semblent pas de la même collectivité (nom ou type différents).

Options :
${CONTEXT_HELP}
  --format FORMAT              text | json (défaut : text)
  -o, --output FICHIER         écrit la comparaison dans FICHIER (écriture atomique)

Exemple :
  cae compare fixtures/dossiers/commune-2500-un-partenariat.json fixtures/dossiers/saint-exemple.json

Codes de sortie : 0 comparé ; 1 dossier invalide ; 2 erreur d'usage ou fichier illisible.
`;

export const compare: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: ANSWER_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2) throw new UsageError('arguments-attendus', 'deux dossiers attendus : AVANT et APRES (voir cae compare --help)');
    const format = parseTextOrJson(values.format);
    if (positionals[0] === '-' && positionals[1] === '-') throw new UsageError('entree-double', "l'entrée standard ne peut servir qu'une fois");
    const paths = resolveContextPaths(values);
    refuseOutputOverInput(values.output, [positionals[0], positionals[1], ...contextInputs(paths)]);
    const context = await loadContextOrFail(paths, io, values.strict);
    const luAvant = await readDossierOrFail(positionals[0]!, io, context);
    const luApres = await readDossierOrFail(positionals[1]!, io, context);
    const before = evaluateDossier(context, luAvant.dossier);
    reportConstats(before, luAvant, io, { strict: values.strict, command: 'compare' });
    const after = evaluateDossier(context, luApres.dossier);
    reportConstats(after, luApres, io, { strict: values.strict, command: 'compare' });
    const c = compareEvaluations(before, after);
    for (const a of c.avertissements) io.stderr(`cae compare : avertissement : ${a} [collectivite-differente]\n`);
    await writeOutput(format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : renderComparison(c, context.referentiel, { width: textWidth(io) }), values.output, io);
    return EXIT_OK;
  },
};
