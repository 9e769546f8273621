/**
 * `cae score`: scores a dossier (or a stream of them with --batch) and renders the result.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type EvaluationContext, evaluateDossier } from 'label-cae';
import { NIVEAUX, type Niveau, isNiveau } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { runBatch, startBatchWorkers } from '../shared/batch.js';
import { CONTEXT_HELP, CONTEXT_OPTIONS, contextInputs, loadContextOrFail, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { readDossierOrFail, reportConstats } from '../shared/read-dossier.js';
import { FORMATS, parseFormat, renderEvaluation } from '../shared/render-evaluation.js';
import { REPORT_HELP, REPORT_OPTIONS, reportOptions, writeReport } from '../shared/report-options.js';

const HELP = `cae score — note un dossier de collectivité

Usage : cae score DOSSIER|- [options]
        cae score --batch FICHIER.jsonl|- [options]

Options :
${CONTEXT_HELP}
  --format FORMAT              ${FORMATS.join(' | ')} (défaut : text)
  -o, --output FICHIER         écrit le rapport dans FICHIER (écriture atomique)
  --min-etoile N               code de sortie 1 si l'étoile atteinte est inférieure à N (1 à 5)
  --explain                    ajoute au JSON l'explication de chaque nombre
${REPORT_HELP}
  --batch FICHIER.jsonl        un dossier JSON par ligne en entrée, un résultat JSON par ligne en sortie
                               (--format csv : une ligne par couple collectivité × action, un en-tête)
  --niveau NIVEAU              mesure | sous-action | tache (défaut : tache, toutes les actions) :
                               détail des scores en JSON et en CSV, et avec --batch
  --jobs N                     avec --batch : fils de calcul (défaut : le nombre de cœurs, ${availableParallelism()} ici) ;
                               l'ordre des lignes est gardé
  -h, --help                   affiche cette aide

Les résultats vont sur la sortie standard, les diagnostics sur la sortie d'erreur.
Arrondi : les points sont arrondis à 3 décimales (au plus proche, demi loin de zéro), les ratios à 4,
uniquement à l'affichage ; le calcul est exact.

Exemples :
  cae score fixtures/dossiers/saint-exemple.json
  cae score fixtures/dossiers/saint-exemple.json --format html -o rapport.html
  cae score dossier.json --referentiel ../tet/referentiels/cae --mesure 3.2.1
  cae score dossier.json --format xlsx -o audit.xlsx
  cat dossier.json | cae score - --format json --explain
  cae score dossier.json --referentiel ../tet/referentiels/cae \\
      --personnalisations ../tet/personnalisations --questions ../tet/questions --min-etoile 2
  cae score --batch dossiers.jsonl > resultats.jsonl
  cae score --batch dossiers.jsonl --niveau mesure --format csv -o scores.csv

Codes de sortie : 0 noté ; 1 dossier invalide, référentiel invalide ou --min-etoile non atteinte ;
2 erreur d'usage ou fichier illisible.
`;

export const score: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...CONTEXT_OPTIONS,
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'min-etoile': { type: 'string' },
        explain: { type: 'boolean', default: false },
        batch: { type: 'string' },
        niveau: { type: 'string' },
        jobs: { type: 'string' },
        ...REPORT_OPTIONS,
      },
      allowPositionals: true,
      strict: true,
    });
    const minEtoile = parseMinEtoile(values['min-etoile']);
    const niveau = parseNiveau(values.niveau);
    const paths = resolveContextPaths(values);
    if (values.jobs !== undefined && values.batch === undefined) throw new UsageError('jobs-sans-batch', '--jobs va avec --batch');
    if (values.batch !== undefined) {
      if (positionals.length > 0) throw new UsageError('argument-inattendu', `argument inattendu « ${positionals[0]} » avec --batch`);
      if (values.format !== undefined && values.format !== 'json' && values.format !== 'csv') throw new UsageError('format-batch', '--batch écrit du JSON (une ligne par dossier) ou du CSV : --format json ou csv');
      if (values.format === 'csv' && values.explain) throw new UsageError('format-batch', "--explain va avec le JSON : le CSV n'a pas d'explications");
      refuseOutputOverInput(values.output, [values.batch, ...contextInputs(paths)]);
      const format = values.format === 'csv' ? 'csv' : 'json';
      const options = { explain: values.explain, output: values.output, strict: values.strict, niveau, format, jobs: parseJobs(values.jobs), contextPaths: paths } as const;
      // The workers load their context while this thread loads its own.
      const workers = startBatchWorkers(values.batch, options);
      let context: EvaluationContext;
      try {
        context = await loadContextOrFail(paths, io, values.strict);
      } catch (error) {
        await workers?.close();
        throw error;
      }
      return runBatch(values.batch, context, io, options, workers);
    }
    if (positionals.length !== 1) {
      throw new UsageError('dossier-manquant', positionals.length === 0 ? 'dossier attendu (un fichier JSON, ou - pour l’entrée standard)' : `un seul dossier attendu, reçu ${positionals.length}`);
    }
    const format = parseFormat(values.format, 'text');
    if (values.niveau !== undefined && format !== 'json' && format !== 'csv') throw new UsageError('niveau-format', '--niveau va avec --format json, --format csv ou --batch');
    refuseOutputOverInput(values.output, [positionals[0], ...contextInputs(paths)]);
    const context = await loadContextOrFail(paths, io, values.strict);
    const lu = await readDossierOrFail(positionals[0]!, io, context);
    const ev = evaluateDossier(context, lu.dossier);
    reportConstats(ev, lu, io, { strict: values.strict, command: 'score' });
    const toFile = values.output !== undefined && values.output !== '-';
    const report = reportOptions(values, format, io, context.referentiel);
    await writeReport(await renderEvaluation(ev, format, io, { explain: values.explain, toFile, niveau, ...report }), values.output, io);
    if (minEtoile !== null && ev.etoiles.etoile < minEtoile) {
      io.stderr(`cae score : étoile ${ev.etoiles.etoile} atteinte, ${minEtoile} exigée par --min-etoile [etoile-insuffisante]\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  },
};

function parseNiveau(value: string | undefined): Niveau {
  if (value === undefined) return 'tache';
  if (!isNiveau(value)) throw new UsageError('niveau-inconnu', `--niveau « ${value} » inattendu, attendu ${NIVEAUX.join(', ')}`);
  return value;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('jobs-invalide', `--jobs « ${value} » inattendu, attendu un entier de 1 à 256`);
  return n;
}

function parseMinEtoile(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UsageError('min-etoile-invalide', `--min-etoile « ${value} » inattendu, attendu un entier de 1 à 5`);
  return n;
}
