/**
 * The options every scoring command shares (`--referentiel`, `--personnalisations`, `--questions`,
 * `--regles-preuve`), and loading the evaluation context from them with positioned errors.
 */
import { statSync } from 'node:fs';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { type CliIo, EXIT_FINDINGS, UsageError } from '../io.js';

export const CONTEXT_OPTIONS = {
  referentiel: { type: 'string' },
  personnalisations: { type: 'string' },
  questions: { type: 'string' },
  'regles-preuve': { type: 'string' },
} as const;

export const CONTEXT_HELP = `  --referentiel DOSSIER        référentiel Markdown (défaut : le référentiel embarqué, mesure 6.1.1)
  --personnalisations DOSSIER  règles de personnalisation (format TeT personnalisations/)
  --questions DOSSIER          questions lues par les règles (format TeT questions/)
  --regles-preuve DOSSIER      règles de preuve (défaut avec le référentiel embarqué : les siennes)`;

export interface ContextValues {
  referentiel?: string | undefined;
  personnalisations?: string | undefined;
  questions?: string | undefined;
  'regles-preuve'?: string | undefined;
}

function requireDir(path: string | undefined, flag: string): void {
  if (path === undefined) return;
  let ok = false;
  try {
    ok = statSync(path).isDirectory();
  } catch {
    throw new UsageError('fichier-illisible', `${flag} ${path} : dossier introuvable ou illisible`);
  }
  if (!ok) throw new UsageError('fichier-illisible', `${flag} ${path} : ce n'est pas un dossier`);
}

/** Loads the context; a broken référentiel or rule set stops with exit 1 and its positions. */
export async function loadContextOrFail(values: ContextValues, io: CliIo): Promise<EvaluationContext> {
  requireDir(values.referentiel, '--referentiel');
  requireDir(values.personnalisations, '--personnalisations');
  requireDir(values.questions, '--questions');
  requireDir(values['regles-preuve'], '--regles-preuve');
  if (values.personnalisations && !values.questions) {
    throw new UsageError('questions-manquantes', '--personnalisations demande aussi --questions (les règles lisent les réponses aux questions)');
  }
  const { context, diagnostics } = await loadEvaluationContext({
    referentiel: values.referentiel,
    personnalisations: values.personnalisations,
    questions: values.questions,
    reglesPreuve: values['regles-preuve'],
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!context || errors.length > 0) {
    for (const d of errors) io.stderr(`${formatDiagnostic(d)}\n`);
    throw new UsageError('referentiel-invalide', `référentiel ou règles invalides (${errors.length} erreur${errors.length > 1 ? 's' : ''}) ; voir cae lint`, EXIT_FINDINGS);
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
