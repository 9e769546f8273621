/**
 * `cae projeter DOSSIER_CAE [DOSSIER_ECI] --vers te`: carries a collectivité's CAE/ECI statuts over
 * to the TE référentiel by HEAD's switch-to-TE rules (src/projection), writes the TE dossier and
 * prints the scores before and after.
 */
import { parseArgs } from 'node:util';
import { type Evaluation, evaluateDossier, projeterVersTe } from 'label-cae';
import { renderProjection } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { contextInputs, loadContextOrFail, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { readDossierOrFail, reportConstats } from '../shared/read-dossier.js';

const HELP = `cae projeter — reporte les statuts CAE/ECI d'une collectivité sur le référentiel TE

Usage : cae projeter DOSSIER_CAE [DOSSIER_ECI] --vers te --referentiel TE -o SORTIE.json [options]

Chaque sous-action et tâche TE reçoit le statut que lui donne la bascule vers TE de TeT : la
moyenne de l'avancement de ses actions d'origine (colonne Origine), pondérée par leurs points et
leur pondération, « fait », « programmé » ou « pas fait » à 0,001 près, détaillé arrondi à 5 %
inférieurs sinon. Les réponses aux questions que TE pose aussi sont reprises.

Options :
  --vers te                    référentiel cible (seul te est possible)
  --referentiel CHEMIN         le référentiel TE : dossier Markdown (compagnons trouvés à côté) ou bundle
  --cae CHEMIN                 le référentiel CAE (défaut : le référentiel embarqué, mesure 6.1.1)
  --eci CHEMIN                 le référentiel ECI (exigé avec DOSSIER_ECI)
  -o, --output FICHIER         écrit le dossier TE dans FICHIER (écriture atomique ; défaut : sortie standard)
  --strict                     tout avertissement devient une erreur (code de sortie 1)

Les scores avant (CAE, ECI) et après (TE) et les actions non reportées vont sur la sortie d'erreur
quand le dossier va sur la sortie standard, sur la sortie standard sinon.

Exemple :
  cae projeter dossier-cae.json --vers te --referentiel ../tet/referentiels/te \\
      --cae ../tet/referentiels/cae -o dossier-te.json

Codes de sortie : 0 projeté ; 1 dossier ou référentiel invalide ; 2 erreur d'usage ou fichier illisible.
`;

export const projeter: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        vers: { type: 'string' },
        referentiel: { type: 'string' },
        cae: { type: 'string' },
        eci: { type: 'string' },
        output: { type: 'string', short: 'o' },
        strict: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.vers === undefined) throw new UsageError('vers-manquant', '--vers te attendu (le référentiel cible)');
    if (values.vers !== 'te') throw new UsageError('vers-inconnu', `--vers « ${values.vers} » inattendu, attendu te`);
    if (values.referentiel === undefined) throw new UsageError('referentiel-manquant', '--referentiel attendu : le référentiel TE (dossier Markdown ou bundle)');
    if (positionals.length < 1 || positionals.length > 2) {
      throw new UsageError('arguments-attendus', positionals.length === 0 ? 'dossier CAE attendu (et, facultatif, un dossier ECI)' : `au plus deux dossiers attendus (CAE puis ECI), reçu ${positionals.length}`);
    }
    if (positionals.length === 2 && values.eci === undefined) throw new UsageError('eci-manquant', `dossier ECI ${positionals[1]} sans référentiel : donnez --eci`);
    if (positionals[0] === '-' && positionals[1] === '-') throw new UsageError('entree-double', "l'entrée standard ne peut servir qu'une fois");
    const tePaths = resolveContextPaths({ referentiel: values.referentiel });
    const caePaths = resolveContextPaths(values.cae === undefined ? {} : { referentiel: values.cae });
    const eciPaths = positionals.length === 2 ? resolveContextPaths({ referentiel: values.eci }) : null;
    refuseOutputOverInput(values.output, [...positionals, ...contextInputs(tePaths), ...contextInputs(caePaths), ...(eciPaths ? contextInputs(eciPaths) : [])]);
    const te = await loadContextOrFail(tePaths, io, values.strict);
    if (te.referentiel.id !== 'te') throw new UsageError('referentiel-cible-invalide', `--referentiel ${values.referentiel} : référentiel « ${te.referentiel.id} » inattendu, attendu te`);
    const sources: Evaluation[] = [];
    const attendus = ['cae', 'eci'];
    for (const [i, paths] of [caePaths, eciPaths].entries()) {
      if (paths === null) continue;
      const context = await loadContextOrFail(paths, io, values.strict);
      if (context.referentiel.id !== attendus[i]) {
        throw new UsageError('referentiel-source-invalide', `--${attendus[i]} : référentiel « ${context.referentiel.id} » inattendu, attendu ${attendus[i]}`);
      }
      const lu = await readDossierOrFail(positionals[i]!, io, context);
      const ev = evaluateDossier(context, lu.dossier);
      reportConstats(ev, lu, io, { strict: values.strict, command: 'projeter' });
      sources.push(ev);
    }
    const projection = projeterVersTe(te, sources);
    const apres = evaluateDossier(te, projection.dossier);
    await writeOutput(`${JSON.stringify(projection.dossier, null, 2)}\n`, values.output, io);
    const toStdout = values.output !== undefined && values.output !== '-';
    const rapport = renderProjection(sources, apres, projection);
    if (toStdout) io.stdout(rapport);
    else io.stderr(rapport);
    return EXIT_OK;
  },
};
