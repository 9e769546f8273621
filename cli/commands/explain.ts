/**
 * `cae explain DOSSIER ID`: why one action has its numbers.
 */
import { parseArgs } from 'node:util';
import { evaluateDossier } from 'label-cae';
import { actionScoreJsonOf, explainAction, renderExplanation, resolveActionId } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { ANSWER_OPTIONS, CONTEXT_HELP, contextInputs, loadContextOrFail, parseTextOrJson, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { readDossierOrFail, reportConstats } from '../shared/read-dossier.js';

const HELP = `cae explain — explique les nombres d'une action

Usage : cae explain DOSSIER|- ID [options]

ID est un identifiant (6.1.1.3) ou un identifiant d'action (cae_6.1.1.3).

Affiche les points du référentiel, les règles de personnalisation qui s'appliquent (formule, position
dans le fichier, valeur, branche suivie, entrées lues et manquantes), le facteur de réduction cumulé,
la désactivation, la redistribution reçue ou donnée, le statut retenu et sa source (dossier ou
preuves), un éventuel plafonnement « Score réalisé », puis les points obtenus.

Options :
${CONTEXT_HELP}
  --format FORMAT              text | json (défaut : text)
  -o, --output FICHIER         écrit l'explication dans FICHIER (écriture atomique)

Exemples :
  cae explain fixtures/dossiers/saint-exemple.json 6.1.1.1
  cae explain dossier.json cae_4.2.3 --referentiel ../tet/referentiels/cae \\
      --personnalisations ../tet/personnalisations --questions ../tet/questions

Codes de sortie : 0 expliqué ; 1 dossier invalide ; 2 erreur d'usage, fichier illisible ou ID inconnu.
`;

export const explain: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: ANSWER_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2) throw new UsageError('arguments-attendus', 'un dossier et un identifiant d’action attendus (voir cae explain --help)');
    const format = parseTextOrJson(values.format);
    const paths = resolveContextPaths(values);
    refuseOutputOverInput(values.output, [positionals[0], ...contextInputs(paths)]);
    const context = await loadContextOrFail(paths, io, values.strict);
    const id = resolveActionId(context.referentiel, positionals[1]!);
    if (id === null) throw new UsageError('action-inconnue', `action inattendue « ${positionals[1]} », attendu un identifiant du référentiel ${context.referentiel.id} (par exemple ${[...context.referentiel.actions.values()].at(-1)!.identifiant})`);
    const lu = await readDossierOrFail(positionals[0]!, io, context);
    const ev = evaluateDossier(context, lu.dossier);
    reportConstats(ev, lu, io, { strict: values.strict, command: 'explain' });
    const explication = explainAction(ev, id)!;
    const score = actionScoreJsonOf(ev, id)!;
    const text =
      format === 'json'
        ? `${JSON.stringify({ actionId: id, score, explication }, null, 2)}\n`
        : renderExplanation(context.referentiel.actions.get(id)!, score, explication);
    await writeOutput(text, values.output, io);
    return EXIT_OK;
  },
};
