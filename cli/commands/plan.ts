/**
 * `cae plan DOSSIER [--etoile N]`: the fewest tâches to complete to reach an étoile.
 */
import { parseArgs } from 'node:util';
import { evaluateDossier, planEtoile } from 'label-cae';
import { planToJson, renderPlan } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { ANSWER_OPTIONS, CONTEXT_HELP, contextInputs, loadContextOrFail, parseTextOrJson, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { readDossierOrFail, reportConstats } from '../shared/read-dossier.js';
import { textWidth } from '../shared/render-evaluation.js';

const HELP = `cae plan — le plus petit ensemble de tâches à réaliser pour atteindre une étoile

Usage : cae plan DOSSIER|- [--etoile N] [options]

Propose les tâches (ou les sous-actions qui portent leur propre statut) non encore faites dont la
réalisation atteint l'étoile suivante (ou N), groupées par mesure, avec leur statut actuel et le
gain de points de chacune. Les critères d'action de l'étoile passent d'abord ; puis les plus grands
gains (à gain égal, ce qui est déjà programmé), ce qui donne le moins d'actions possible. Le plan est
vérifié en le notant : « atteignable » veut dire que, plan appliqué, le score permet l'étoile et que
tous ses critères sont remplis.

Options :
${CONTEXT_HELP}
  --etoile N                   étoile visée, de 1 à 5 (défaut : l'étoile suivante, ou l'étoile
                               visée par la collectivité labellisée si elle est plus haute)
  --format FORMAT              text | json (défaut : text)
  -o, --output FICHIER         écrit le plan dans FICHIER (écriture atomique)

Exemple :
  cae plan fixtures/dossiers/saint-exemple.json --etoile 5

Codes de sortie : 0 plan atteignable ; 1 dossier invalide ou étoile non atteignable (« atteignable »
faux) ; 2 erreur d'usage.
`;

export const plan: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: { ...ANSWER_OPTIONS, etoile: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('dossier-manquant', 'un dossier attendu (voir cae plan --help)');
    const format = parseTextOrJson(values.format);
    let cible: number | undefined;
    if (values.etoile !== undefined) {
      cible = Number(values.etoile);
      if (!Number.isInteger(cible) || cible < 1 || cible > 5) throw new UsageError('etoile-invalide', `--etoile « ${values.etoile} » inattendu, attendu un entier de 1 à 5`);
    }
    const paths = resolveContextPaths(values);
    refuseOutputOverInput(values.output, [positionals[0], ...contextInputs(paths)]);
    const context = await loadContextOrFail(paths, io, values.strict);
    const lu = await readDossierOrFail(positionals[0]!, io, context);
    const ev = evaluateDossier(context, lu.dossier);
    reportConstats(ev, lu, io, { strict: values.strict, command: 'plan' });
    const json = planToJson(planEtoile(context, ev, cible), context.referentiel);
    await writeOutput(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : renderPlan(json, { width: textWidth(io) }), values.output, io);
    return json.atteignable ? EXIT_OK : EXIT_FINDINGS;
  },
};
