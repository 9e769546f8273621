/**
 * `cae build`: Markdown référentiel → compiled JSON (`label-cae/referentiel@1`) on stdout or `-o`,
 * with a French summary on stderr. Errors: exit 1 with positioned messages; unreadable paths or bad
 * options: exit 2.
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { type BuiltBundle, buildBundle } from '../../src/evaluation/load-context.js';
import { embeddedReferentielDir } from '../../src/referentiel/read-referentiel.js';
import { contextInputs, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';
import { fmt } from '../../src/referentiel/points.js';
import type { Referentiel } from '../../src/referentiel/model.js';

const HELP = `cae build — compile un référentiel Markdown et ses compagnons en un bundle JSON (label-cae/bundle@2)

Usage : cae build [--referentiel DOSSIER] [-o FICHIER] [--resume]

Le bundle réunit le référentiel compilé (label-cae/referentiel@1), ses questions, ses règles de
personnalisation et ses règles de preuve, tous compilés (les formules gardent leur texte et leur
position dans les fichiers .md) : cae score --referentiel bundle.json les charge ensemble, sans
risque d'en oublier un, et loadBundle les lit sans analyseur Markdown ni YAML. Les compagnons sont trouvés à côté du dossier (../personnalisations,
../questions, ../regles-preuve) ou donnés par les options.

Options :
  --referentiel DOSSIER        dossier des fichiers .md (défaut : le référentiel embarqué, mesure 6.1.1)
  --personnalisations DOSSIER  règles de personnalisation (défaut : trouvées à côté)
  --questions DOSSIER          questions (défaut : trouvées à côté)
  --regles-preuve DOSSIER      règles de preuve (défaut : trouvées à côté)
  -o, --output FICHIER         écrit le JSON dans FICHIER (écriture atomique) au lieu de la sortie standard
  --resume                     n'écrit pas le JSON, seulement le résumé
  --strict                     un avertissement empêche la compilation (code de sortie 1)
  -h, --help                   affiche cette aide

Le résumé (nom, points, nombre d'actions par niveau, feuilles, avertissements) va sur la sortie
d'erreur. Les problèmes sont affichés avec leur position : 6.1.1.md:12:3: erreur [code] message.

Exemples :
  cae build > referentiel.json
  cae build --referentiel ../tet/referentiels/cae -o cae.json
  cae score dossier.json --referentiel cae.json
  cae build --referentiel mon-referentiel --resume

Codes de sortie : 0 compilé (avertissements possibles), 1 erreurs dans le référentiel,
2 erreur d'usage ou dossier illisible.
`;

export const build: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        referentiel: { type: 'string' },
        output: { type: 'string', short: 'o' },
        resume: { type: 'boolean', default: false },
        personnalisations: { type: 'string' },
        questions: { type: 'string' },
        'regles-preuve': { type: 'string' },
        strict: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new UsageError('argument-inattendu', `argument inattendu « ${positionals[0]} », attendu des options seulement (voir cae build --help)`);
    const dir = values.referentiel ?? embeddedReferentielDir();
    const st = statSync(dir, { throwIfNoEntry: false });
    if (!st) throw new UsageError('fichier-illisible', `${dir} : dossier introuvable ou illisible`);
    if (!st.isDirectory()) throw new UsageError('fichier-illisible', `${dir} : ce n'est pas un dossier (cae build compile un dossier Markdown)`);
    const paths = resolveContextPaths(values);
    refuseOutputOverInput(values.output, [dir, ...contextInputs(paths)]);

    const { bundle, referentiel, counts, diagnostics } = await buildBundle(paths);
    if (diagnostics.some((d) => d.code === 'fichier-illisible') && !referentiel) {
      for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    for (const d of diagnostics) if (d.severity !== 'info') io.stderr(`${formatDiagnostic(values.strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d)}\n`);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const errors = diagnostics.filter((d) => d.severity === 'error').length + (values.strict ? warnings : 0);
    if (errors > 0 || !bundle || !referentiel) {
      io.stderr(`cae build : ${errors} erreur${errors > 1 ? 's' : ''}${values.strict && warnings > 0 ? ' (avertissements comptés comme erreurs : --strict)' : `, ${warnings} avertissement${warnings > 1 ? 's' : ''}`} — référentiel non compilé.\n`);
      return EXIT_FINDINGS;
    }
    if (!values.resume) await writeOutput(`${JSON.stringify(bundle, null, 2)}\n`, values.output, io);
    io.stderr(summary(referentiel, counts, warnings, values.output));
    return EXIT_OK;
  },
};

function summary(ref: Referentiel, companions: BuiltBundle['counts'], warnings: number, output: string | undefined): string {
  const counts = new Map<string, number>();
  let leaves = 0;
  for (const n of ref.actions.values()) {
    counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    if (n.children.length === 0) leaves++;
  }
  const labels: Record<string, string> = { referentiel: 'racine', axe: 'axes', 'sous-axe': 'sous-axes', mesure: 'mesures', 'sous-action': 'sous-actions', tache: 'tâches' };
  const perLevel = ref.hierarchie.levels.map((l) => `${counts.get(l) ?? 0} ${labels[l] ?? l}`).join(', ');
  return (
    `Référentiel ${ref.id} « ${ref.nom} » : ${fmt(ref.root.points)} points\n` +
    `  ${ref.actions.size} actions : ${perLevel}\n` +
    `  ${leaves} feuilles, ${warnings} avertissement${warnings > 1 ? 's' : ''}\n` +
    `  compagnons : ${companions.questions} fichier(s) de questions, ${companions.personnalisations} de règles de personnalisation, ${companions.reglesPreuve} de règles de preuve\n` +
    (output && output !== '-' ? `  écrit dans ${output}\n` : '')
  );
}
