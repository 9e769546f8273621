/**
 * The options every scoring command shares (`--referentiel`, `--personnalisations`, `--questions`,
 * `--regles-preuve`), and loading the evaluation context from them with positioned errors.
 */
import { statSync } from 'node:fs';
import { type EvaluationContext, formatDiagnosticWithPointer } from 'label-cae';
import { type LoadContextOptions, findCompanions } from 'label-cae/node';
import { type CliIo, EXIT_FINDINGS, UsageError } from '../io.js';
import { loadCommandContext } from './load-context.js';

export const CONTEXT_OPTIONS = {
  referentiel: { type: 'string' },
  personnalisations: { type: 'string' },
  questions: { type: 'string' },
  'regles-preuve': { type: 'string' },
  strict: { type: 'boolean', default: false },
} as const;

export const CONTEXT_HELP = `  --referentiel CHEMIN         dossier Markdown du référentiel, ou bundle JSON écrit par cae build
                               (défaut : le référentiel embarqué, mesure 6.1.1). Pour un dossier, ses
                               compagnons sont trouvés à côté (../personnalisations, ../questions,
                               ../regles-preuve, comme dans tet/referentiels/cae)
  --personnalisations DOSSIER  règles de personnalisation (format TeT personnalisations/)
  --questions DOSSIER          questions lues par les règles (format TeT questions/)
  --regles-preuve DOSSIER      règles de preuve (défaut avec le référentiel embarqué : les siennes)
  --strict                     tout avertissement devient une erreur (code de sortie 1, rapport non écrit)`;

export interface ContextValues {
  referentiel?: string | undefined;
  personnalisations?: string | undefined;
  questions?: string | undefined;
  'regles-preuve'?: string | undefined;
}

function requirePath(path: string | undefined, flag: string, fileToo: boolean): void {
  if (path === undefined) return;
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new UsageError('fichier-illisible', `${flag} ${path} : introuvable ou illisible`);
  if (!st.isDirectory() && !(fileToo && st.isFile())) throw new UsageError('fichier-illisible', `${flag} ${path} : ce n'est pas un dossier${fileToo ? ' ni un fichier JSON' : ''}`);
}

/**
 * The référentiel and its companions as they will be loaded: the flags given, and for a
 * référentiel folder the companions found beside it (`findCompanions`) for the flags not given.
 * A bundle carries its own companions.
 */
export function resolveContextPaths(values: ContextValues): LoadContextOptions {
  requirePath(values.referentiel, '--referentiel', true);
  requirePath(values.personnalisations, '--personnalisations', false);
  requirePath(values.questions, '--questions', false);
  requirePath(values['regles-preuve'], '--regles-preuve', false);
  const options: LoadContextOptions = {};
  if (values.referentiel !== undefined) options.referentiel = values.referentiel;
  const found = values.referentiel !== undefined && statSync(values.referentiel).isDirectory() ? findCompanions(values.referentiel) : {};
  const personnalisations = values.personnalisations ?? found.personnalisations;
  const questions = values.questions ?? found.questions;
  const reglesPreuve = values['regles-preuve'] ?? found.reglesPreuve;
  if (personnalisations !== undefined) options.personnalisations = personnalisations;
  if (questions !== undefined) options.questions = questions;
  if (reglesPreuve !== undefined) options.reglesPreuve = reglesPreuve;
  if (options.personnalisations && !options.questions) {
    throw new UsageError('questions-manquantes', `règles de personnalisation (${options.personnalisations}) sans questions : donnez aussi --questions (les règles lisent les réponses aux questions)`);
  }
  return options;
}

/** Every path the context is read from, for the output guard. */
export function contextInputs(options: LoadContextOptions): string[] {
  const paths = [options.referentiel, options.personnalisations, options.questions, options.reglesPreuve];
  return paths.filter((p): p is string => p !== undefined);
}

/** Loads the context; a broken référentiel or rule set stops with exit 1 and its positions. */
export async function loadContextOrFail(options: LoadContextOptions, io: CliIo, strict = false): Promise<EvaluationContext> {
  const { context, diagnostics } = await loadCommandContext(options);
  const failing = diagnostics.filter((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  if (!context || failing.length > 0) {
    for (const d of failing) io.stderr(`${formatDiagnosticWithPointer(d)}\n`);
    throw new UsageError('referentiel-invalide', `référentiel ou règles invalides (${failing.length} erreur${failing.length > 1 ? 's' : ''}) ; voir cae lint`, EXIT_FINDINGS);
  }
  return context;
}

/** Options of the commands that print a text or JSON answer (explain, compare, plan). */
export const ANSWER_OPTIONS = {
  ...CONTEXT_OPTIONS,
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

export function parseTextOrJson(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('format-inconnu', `format inattendu « ${format} », attendu text ou json`);
  return format;
}
