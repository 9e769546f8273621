/**
 * `cae app`: the offline self-assessment page, one self-contained HTML file (the engine bundled at
 * build time in dist/app/, the référentiel's bundle inlined). The page itself is src/app/.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Bundle, formatDiagnostic, loadBundle } from 'label-cae';
import { buildBundle } from 'label-cae/node';
import { renderAppPage } from '../../src/app/page-html.js';
import type { Command } from '../command.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, writeOutput } from '../io.js';
import { CONTEXT_OPTIONS, contextInputs, resolveContextPaths } from '../shared/context-options.js';
import { refuseOutputOverInput } from '../shared/output-guard.js';

const HELP = `cae app — écrit la page d'autoévaluation hors ligne (un fichier HTML autonome)

Usage : cae app [--referentiel CHEMIN] -o PAGE.html

Dans la page, la collectivité répond aux questions de personnalisation qui la concernent, donne le
statut de chaque tâche (fait, programmé, pas fait, non concerné, détaillé), voit les scores et
l'étoile à chaque saisie, télécharge son dossier JSON et peut le recharger. Le moteur et le
référentiel sont dans le fichier : rien n'est chargé du réseau (politique de sécurité stricte).

Options :
  --referentiel CHEMIN         dossier Markdown du référentiel (compagnons trouvés à côté) ou bundle
                               JSON écrit par cae build (défaut : le référentiel embarqué)
  --personnalisations DOSSIER  règles de personnalisation (défaut : trouvées à côté)
  --questions DOSSIER          questions (défaut : trouvées à côté)
  --regles-preuve DOSSIER      règles de preuve (défaut : trouvées à côté)
  -o, --output FICHIER         la page HTML (écriture atomique) ; - pour la sortie standard
  -h, --help                   affiche cette aide

Exemples :
  cae app -o autoevaluation.html
  cae app --referentiel ../tet/referentiels/cae -o cae.html

Codes de sortie : 0 écrite ; 1 référentiel ou règles invalides ; 2 erreur d'usage.
`;

/** The page's script and style, bundled by scripts/build-app.mjs next to this module's dist/. */
function pageAssets(): { script: string; style: string } {
  const dir = new URL('../../app/', import.meta.url);
  try {
    return { script: readFileSync(new URL('page.js', dir), 'utf8'), style: readFileSync(new URL('page.css', dir), 'utf8') };
  } catch {
    throw new UsageError('installation-incomplete', 'la page compilée (dist/app/page.js) est absente ; lancez « npm run build »');
  }
}

async function bundleOf(values: Record<string, string | boolean | undefined>): Promise<{ bundle: Bundle | null; messages: string[] }> {
  const ref = values.referentiel as string | undefined;
  if (ref !== undefined && statSync(ref, { throwIfNoEntry: false })?.isFile()) {
    if (values.questions !== undefined || values.personnalisations !== undefined || values['regles-preuve'] !== undefined) {
      throw new UsageError('bundle-et-compagnons', `${ref} est un bundle, qui contient déjà ses questions et ses règles : --questions, --personnalisations et --regles-preuve sont inattendus avec lui`);
    }
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(ref, 'utf8'));
    } catch (error) {
      throw new UsageError('fichier-illisible', `${ref} : bundle illisible (${error instanceof SyntaxError ? `JSON invalide : ${error.message}` : String((error as NodeJS.ErrnoException).code ?? error)}), attendu un JSON label-cae/bundle@2 écrit par cae build`);
    }
    const loaded = loadBundle(json);
    return { bundle: loaded.context ? (json as Bundle) : null, messages: loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)) };
  }
  const built = await buildBundle(resolveContextPaths(values));
  return { bundle: built.bundle, messages: built.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)) };
}

export const app: Command = {
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({ args, options: { ...CONTEXT_OPTIONS, output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new UsageError('argument-inattendu', `argument inattendu « ${positionals[0]} », attendu des options seulement (voir cae app --help)`);
    if (values.output === undefined) throw new UsageError('sortie-manquante', 'fichier de sortie attendu : -o PAGE.html (ou -o - pour la sortie standard)');
    refuseOutputOverInput(values.output, contextInputs(resolveContextPaths(values)));
    const assets = pageAssets();
    const { bundle, messages } = await bundleOf(values);
    if (!bundle) {
      for (const m of messages) io.stderr(`${m}\n`);
      io.stderr('cae app : référentiel ou règles invalides, page non écrite [referentiel-invalide]\n');
      return EXIT_FINDINGS;
    }
    const sha256Base64 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');
    const titre = String((bundle.referentiel as { referentiel?: { nom?: unknown } }).referentiel?.nom ?? 'référentiel');
    await writeOutput(renderAppPage({ titre, bundleJson: JSON.stringify(bundle), ...assets, sha256Base64 }), values.output, io);
    return EXIT_OK;
  },
};
