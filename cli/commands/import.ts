/**
 * `cae import DIR --referentiel cae|eci|te -o OUT`: HEAD's CSVs → the Markdown corpus layout.
 * The library builds the files (src/import); this shell reads DIR, refuses an OUT inside DIR, and
 * writes each file atomically. Exit 2 for usage or unreadable files, 1 for invalid CSV content.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, describeFsError } from '../io.js';
import { formatDiagnostic, hasErrors } from 'label-cae';
import { REFERENTIELS_IMPORTABLES, type ReferentielImportable, importReferentiel, readImportSources, writeFileAtomic } from 'label-cae/node';

const HELP = `cae import — importe un référentiel des tableurs de TeT (CSV) en Markdown

Usage : cae import DOSSIER --referentiel cae|eci|te -o SORTIE

Lit dans DOSSIER la disposition de TeT :
  referentiels/referentiel-<ref>-structure.csv   (obligatoire)
  referentiels/referentiel-<ref>-preuves.csv
  personnalisations/import-personnalisation-{questions,choices,thematiques}.csv
et écrit dans SORTIE :
  referentiels/<ref>/*.md      racine, un fichier par axe, un fichier par mesure
  personnalisations/<ref>_<axe>.md   règles (désactivation, réduction, score)
  questions/<thematique>.md    questions, communes à tous les référentiels
  preuves/<ref>_<axe>.md       preuves réglementaires

Options :
  --referentiel REF     cae, eci ou te
  -o, --output SORTIE   dossier de sortie, hors de DOSSIER (créé au besoin)
  -h, --help            affiche cette aide

Importer cae puis eci dans la même SORTIE les réunit : les fichiers d'un référentiel ne touchent pas
ceux de l'autre, et les questions sont réécrites à l'identique. Format : docs/import.md.

Exemples :
  cae import ../tet-head --referentiel cae -o /tmp/corpus
  cae import ../tet-head --referentiel eci -o /tmp/corpus
  cae lint /tmp/corpus/referentiels/cae --questions /tmp/corpus/questions --personnalisations /tmp/corpus/personnalisations

Codes de sortie : 0 importé (avertissements possibles), 1 contenu CSV invalide (rien n'est écrit),
2 erreur d'usage ou fichier illisible.
`;

export const importCommand: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: { referentiel: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('argument-attendu', `un DOSSIER d'entrée attendu, ${positionals.length} donné${positionals.length > 1 ? 's' : ''} (voir cae import --help)`);
    const dir = positionals[0]!;
    const ref = values.referentiel;
    if (!ref || !(REFERENTIELS_IMPORTABLES as readonly string[]).includes(ref)) {
      throw new UsageError('referentiel-attendu', `--referentiel ${ref ?? '(absent)'} inattendu, attendu ${REFERENTIELS_IMPORTABLES.join(', ')}`);
    }
    if (!values.output) throw new UsageError('sortie-attendue', '-o SORTIE attendu (dossier de sortie)');
    const out = values.output;
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError('fichier-illisible', `${dir} : dossier introuvable, illisible ou qui n'est pas un dossier`);
    if (isInside(realPath(out), realPath(dir))) throw new UsageError('sortie-dans-entree', `${out} : la sortie est dans le dossier d'entrée ${dir}, attendu un dossier hors de lui`);

    const { sources, unreadable } = await readImportSources(dir, ref as ReferentielImportable);
    if (!sources) {
      for (const u of unreadable) io.stderr(`cae import : ${u.path} : fichier illisible (${describeFsError(u.error)}) [fichier-illisible]\n`);
      return 2;
    }
    const started = performance.now();
    const { files, diagnostics, summary } = importReferentiel(sources);
    for (const d of diagnostics) if (d.severity !== 'info') io.stderr(`${formatDiagnostic(d)}\n`);
    if (hasErrors(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`cae import : ${errors} erreur${errors > 1 ? 's' : ''} dans les CSV — rien n'est écrit [import-invalide]\n`);
      return EXIT_FINDINGS;
    }
    for (const [path, content] of files) {
      const target = join(out, path);
      try {
        mkdirSync(dirname(target), { recursive: true });
        await writeFileAtomic(target, content);
      } catch (error) {
        throw new UsageError('ecriture-impossible', `${target} : écriture impossible (${describeFsError(error)})`);
      }
    }
    const ms = Math.round(performance.now() - started);
    io.stderr(
      `Référentiel ${ref} importé dans ${out} en ${ms} ms\n` +
        `  actions (racine comprise) : ${summary.actions}, entrées de règles : ${summary.regles}, questions : ${summary.questions}, preuves : ${summary.preuves}\n` +
        `  fichiers écrits : ${files.size}\n`,
    );
    return EXIT_OK;
  },
};

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (OUT may not exist yet). */
function realPath(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...tail.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return abs;
      tail.push(head.slice(parent.length).replace(/^[/\\]/, ''));
      head = parent;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
