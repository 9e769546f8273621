/**
 * Loads, once, everything a dossier is scored against: the référentiel (the embedded one by
 * default), the personalisation rules with their questions, and the evidence rules. Every problem
 * is a positioned diagnostic; the context is null only when no référentiel could be built.
 */
import { appendAll } from '../diagnostics/append.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { compilePersonnalisation } from '../personnalisation/compile-personnalisation.js';
import type { Personnalisation } from '../personnalisation/personnalisation.js';
import { parseQuestions } from '../questions/parse-questions.js';
import { embeddedReferentielDir, parseReferentiel } from '../referentiel/read-referentiel.js';
import { parseRegles } from '../regles/parse-regles.js';
import { parseReglesPreuve } from '../regles-preuve/parse-regles-preuve.js';
import type { EvaluationContext } from './evaluate-dossier.js';

export interface LoadContextOptions {
  /** Markdown référentiel folder; the embedded one when absent. */
  referentiel?: string;
  /** Personalisation rule files (`personnalisations/` format). */
  personnalisations?: string;
  /** Question files (`questions/` format); needed by the rules. */
  questions?: string;
  /** Evidence-rule files; for the embedded référentiel, its own `regles-preuve/` by default. */
  reglesPreuve?: string;
}

export interface LoadedContext {
  context: EvaluationContext | null;
  diagnostics: Diagnostic[];
}

/** The embedded evidence rules, beside the embedded référentiel. */
export function embeddedReglesPreuveDir(): string {
  return join(dirname(embeddedReferentielDir()), 'regles-preuve');
}

export async function loadEvaluationContext(options: LoadContextOptions = {}): Promise<LoadedContext> {
  const diagnostics: Diagnostic[] = [];
  const refDir = options.referentiel ?? embeddedReferentielDir();
  const parsed = await parseReferentiel(refDir);
  appendAll(diagnostics, parsed.diagnostics);
  if (!parsed.referentiel || hasErrors(parsed.diagnostics)) return { context: null, diagnostics };
  const referentiel = parsed.referentiel;

  let personnalisation: Personnalisation | undefined;
  const questions = options.questions ? await parseQuestions(options.questions) : null;
  if (questions) appendAll(diagnostics, questions.diagnostics);
  if (options.personnalisations) {
    const regles = await parseRegles(options.personnalisations);
    appendAll(diagnostics, regles.diagnostics);
    const compiled = compilePersonnalisation(regles.entries, questions?.questions ?? [], {
      actionExists: (id) => referentiel.actions.has(id) || !id.startsWith(`${referentiel.id}_`),
    });
    // Rules of another référentiel (ECI rules beside CAE ones) are simply not for this one.
    compiled.personnalisation.regles = compiled.personnalisation.regles.filter((r) => referentiel.actions.has(r.actionId));
    appendAll(diagnostics, compiled.diagnostics);
    personnalisation = compiled.personnalisation;
  }

  const preuveDir = options.reglesPreuve ?? (options.referentiel === undefined ? embeddedReglesPreuveDir() : undefined);
  let reglesPreuve;
  if (preuveDir && existsSync(preuveDir)) {
    const r = await parseReglesPreuve(preuveDir);
    appendAll(diagnostics, r.diagnostics);
    reglesPreuve = r.regles.filter((x) => referentiel.actions.has(x.actionId));
  }
  const context: EvaluationContext = { referentiel };
  if (personnalisation) context.personnalisation = personnalisation;
  if (reglesPreuve) context.reglesPreuve = reglesPreuve;
  return { context, diagnostics };
}
