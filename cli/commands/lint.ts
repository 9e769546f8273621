/**
 * `cae lint`: checks a Markdown référentiel (and its questions, rules and proofs) the way remark-lint
 * checks Markdown: positioned messages with a rule id, text / json / sarif output, `--fix` for the
 * safe fixes. This module is loaded only for `cae lint`, so other commands do not pay for the linter.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { type LintConfig, LintConfigError, lintRules, parseLintConfig, renderLintJson, renderLintSarif, renderLintText } from 'label-cae/lint';
import { embeddedReferentielDir, lintPaths } from 'label-cae/node';
import { shouldUseColor } from 'label-cae/report';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, describeFsError, writeOutput } from '../io.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { VERSION } from '../version.js';

const HELP = `cae lint — vérifie un référentiel Markdown, ses questions, règles et preuves

Usage : cae lint [DOSSIER|FICHIER…] [--personnalisations DOSSIER] [--questions DOSSIER]
                 [--preuves DOSSIER] [--format text|json|sarif] [--fix] [--frail] [--config FICHIER]

Sans DOSSIER ni FICHIER, le référentiel embarqué (mesure 6.1.1) est vérifié. Un FICHIER est vérifié
dans le contexte de son dossier (les autres fichiers ne sont pas signalés).

Options :
  --personnalisations DOSSIER  règles de personnalisation (formules) à vérifier
  --questions DOSSIER          questions de personnalisation (nécessaires pour vérifier les formules)
  --preuves DOSSIER            preuves réglementaires liées aux actions
  --format FORMAT              text (défaut), json (tableau plat) ou sarif (SARIF 2.1.0)
  --fix                        applique les corrections sûres (espaces en fin de ligne, identifiants
                               à mettre entre guillemets) ; écriture atomique, fichiers sans
                               correction jamais réécrits
  --frail, --strict            code de sortie 1 aussi sur les avertissements
  --config FICHIER             sévérités par règle : { "rules": { "espaces-fin-de-ligne": "off" } }
                               (off/warn/error/info ou 0/1/2)
  -o, --output FICHIER         écrit le rapport dans FICHIER (écriture atomique)
  -h, --help                   affiche cette aide

Dans les fichiers : <!-- lint disable id -->, <!-- lint enable id -->, <!-- lint disable-next-line id -->
(sans id : toutes les règles). Liste des règles : docs/lint.md.

Exemples :
  cae lint ../tet/referentiels/cae --questions ../tet/questions --personnalisations ../tet/personnalisations
  cae lint referentiel/cae/6.1.1.md --fix
  cae lint mon-referentiel --format sarif > lint.sarif

Codes de sortie : 0 aucun problème bloquant, 1 erreurs (ou avertissements avec --frail),
2 erreur d'usage, fichier illisible ou configuration invalide.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;

export const lint: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        personnalisations: { type: 'string' },
        questions: { type: 'string' },
        preuves: { type: 'string' },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        frail: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        config: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      allowPositionals: true,
      strict: true,
    });
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError('format-inconnu', `format inattendu « ${values.format} », attendu text, json ou sarif`);
    const targets = positionals.length > 0 ? positionals : [embeddedReferentielDir()];
    refuseOutputOverInput(values.output, [...targets, values.questions, values.personnalisations, values.preuves, values.config]);
    let config: LintConfig | undefined;
    if (values.config !== undefined) {
      let text: string;
      try {
        text = readFileSync(values.config, 'utf8');
      } catch (error) {
        throw new UsageError('fichier-illisible', `${values.config} : fichier illisible (${describeFsError(error)})`);
      }
      try {
        config = parseLintConfig(text, lintRules.map((r) => r.id), values.config);
      } catch (error) {
        if (error instanceof LintConfigError) throw new UsageError(error.code, error.message);
        throw error;
      }
    }
    const result = await lintPaths({
      targets,
      questions: values.questions,
      personnalisations: values.personnalisations,
      preuves: values.preuves,
      config,
      fix: values.fix,
    });
    if (result.readErrors.length > 0) {
      throw new UsageError('fichier-illisible', result.readErrors.map((d) => d.message).join(' ; '));
    }
    const toFile = values.output !== undefined && values.output !== '-';
    const report =
      format === 'json'
        ? renderLintJson(result.messages)
        : format === 'sarif'
          ? renderLintSarif(result.messages, lintRules, { version: VERSION })
          : renderLintText(result.messages, { color: !toFile && shouldUseColor({ env: io.env, isTty: io.stdoutIsTty }), fixedCount: result.fixCount });
    await writeOutput(report, values.output, io);
    if (values.fix && result.fixedFiles.length > 0) io.stderr(`cae lint : ${result.fixedFiles.length} fichier(s) corrigé(s)\n`);
    const failing = result.errorCount > 0 || ((values.frail || values.strict) && result.warningCount > 0);
    return failing ? EXIT_FINDINGS : EXIT_OK;
  },
};
