/**
 * `cae build`: Markdown référentiel → compiled JSON (`label-cae/referentiel@1`) on stdout or `-o`,
 * with a French summary on stderr. Errors: exit 1 with positioned messages; unreadable paths or bad
 * options: exit 2.
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { formatDiagnostic, hasErrors } from '../../src/diagnostics/diagnostic.js';
import { embeddedReferentielDir, parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { fmt } from '../../src/referentiel/points.js';
import type { Referentiel } from '../../src/referentiel/model.js';

const HELP = `cae build — compile un référentiel Markdown en JSON (label-cae/referentiel@1)

Usage : cae build [--referentiel DOSSIER] [-o FICHIER] [--resume]

Options :
  --referentiel DOSSIER  dossier des fichiers .md (défaut : le référentiel embarqué, mesure 6.1.1)
  -o, --output FICHIER   écrit le JSON dans FICHIER (écriture atomique) au lieu de la sortie standard
  --resume               n'écrit pas le JSON, seulement le résumé
  -h, --help             affiche cette aide

Le résumé (nom, points, nombre d'actions par niveau, feuilles, avertissements) va sur la sortie
d'erreur. Les problèmes sont affichés avec leur position : 6.1.1.md:12:3: erreur [code] message.

Exemples :
  cae build > referentiel.json
  cae build --referentiel ../tet/referentiels/cae -o cae.json
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
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new UsageError('argument-inattendu', `argument inattendu « ${positionals[0]} », attendu des options seulement (voir cae build --help)`);
    const dir = values.referentiel ?? embeddedReferentielDir();
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      throw new UsageError('fichier-illisible', `${dir} : dossier introuvable ou illisible`);
    }
    if (!isDir) throw new UsageError('fichier-illisible', `${dir} : ce n'est pas un dossier`);

    const { referentiel, diagnostics } = await parseReferentiel(dir);
    if (diagnostics.some((d) => d.code === 'fichier-illisible') && !referentiel) {
      for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    for (const d of diagnostics) if (d.severity !== 'info') io.stderr(`${formatDiagnostic(d)}\n`);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (hasErrors(diagnostics) || !referentiel) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`cae build : ${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} — référentiel non compilé.\n`);
      return EXIT_FINDINGS;
    }
    if (!values.resume) await writeOutput(`${JSON.stringify(compileReferentiel(referentiel), null, 2)}\n`, values.output, io);
    io.stderr(summary(referentiel, warnings, values.output));
    return EXIT_OK;
  },
};

function summary(ref: Referentiel, warnings: number, output: string | undefined): string {
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
    (output && output !== '-' ? `  écrit dans ${output}\n` : '')
  );
}
