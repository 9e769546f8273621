/**
 * The linter's pure core: files in memory → positioned messages. It parses everything once
 * (`buildContext`), lets every rule claim the parser diagnostics it owns and run its own checks,
 * applies the configured severities and the `<!-- lint … -->` comments, and sorts the result.
 * No file system, no terminal: see `lint-paths.ts` for the thin reading wrapper.
 */
import type { Diagnostic, Severity, SourcePosition } from '../diagnostics/diagnostic.js';
import { type LintConfig, normalizeSeverity } from './config.js';
import { capMessages } from './cap.js';
import { type ContextFile, type LintContext, buildContext } from './context.js';
import { messageFilter, readControlComments } from './message-control.js';
import { FALLBACK_RULE_ID, rules as allRules } from './rules/index.js';
import type { Fix, LintFile, LintInputs, LintMessage, LintRule } from './types.js';

export interface LintOptions {
  questions?: readonly LintFile[];
  personnalisations?: readonly LintFile[];
  preuves?: readonly LintFile[];
  config?: LintConfig;
  /** The rules to run (default: all of them). */
  rules?: readonly LintRule[];
}

export interface LintResult {
  messages: LintMessage[];
  /** Fixes of the messages left out by the per-rule, per-file cap (`cap.ts`), for `--fix`. */
  hiddenFixes: LintMessage[];
  /** Shown names of the files linted, in order. */
  files: string[];
  /** Counts by severity. */
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * `lintInputs` for the files of a référentiel, with its companions in `options`. Pure.
 *
 * @example
 * const { messages } = lintReferentiel([{ path: 'cae.md', content: text }]);
 * for (const m of messages) console.log(m.ruleId, m.message);
 */
export function lintReferentiel(files: readonly LintFile[], options: LintOptions = {}): LintResult {
  const inputs: LintInputs = { referentiel: files, questions: options.questions, personnalisations: options.personnalisations, preuves: options.preuves };
  return lintInputs(inputs, options);
}

/**
 * Lints référentiel, question, rule and proof files already read (path and text) with every lint
 * rule (or `options.rules`) and the configuration's severities → messages with rule id, position
 * and safe fixes. Pure; never throws on bad input.
 *
 * @example
 * const { messages } = lintInputs({ referentiel: files, questions: [], personnalisations: [], preuves: [] });
 */
export function lintInputs(inputs: LintInputs, options: Pick<LintOptions, 'config' | 'rules'> = {}): LintResult {
  const ctx = buildContext(inputs);
  return runRules(ctx, options.rules ?? allRules, options.config ?? {});
}

function runRules(ctx: LintContext, rules: readonly LintRule[], config: LintConfig): LintResult {
  const severityOf = (rule: LintRule): Severity | null => {
    const s = config.rules?.[rule.id];
    const n = s === undefined ? undefined : normalizeSeverity(s);
    return n === undefined ? rule.severity : n;
  };
  const configured = config.rules ?? {};
  const messages: LintMessage[] = [];
  const push = (rule: LintRule, severity: Severity, message: string, position: SourcePosition | undefined, end?: { line: number; column: number }, fix?: Fix): void => {
    const file = position?.file ?? '';
    const line = position?.line ?? 1;
    const column = position?.column ?? 1;
    const e = end ?? tokenEnd(ctx.files.get(file), line, column);
    const m: LintMessage = { file, line, column, endLine: e.line, endColumn: e.column, ruleId: rule.id, severity, message };
    if (fix) m.fix = fix;
    messages.push(m);
  };

  // Parser diagnostics, each claimed by the rule that owns its code (or the catch-all).
  const owner = new Map<string, LintRule>();
  const dropped = new Set<string>();
  for (const rule of rules) {
    for (const code of rule.codes ?? []) owner.set(code, rule);
    for (const code of rule.replaces ?? []) dropped.add(code);
  }
  const fallback = rules.find((r) => r.id === FALLBACK_RULE_ID);
  for (const d of ctx.diagnostics) {
    if (dropped.has(d.code)) continue;
    const rule = owner.get(d.code) ?? fallback;
    if (!rule || (rule.accept && !rule.accept(d, ctx))) continue;
    const sev = severityOf(rule);
    if (sev === null) continue;
    const keep = rule.keepSeverity && configured[rule.id] === undefined;
    push(rule, keep ? d.severity : sev, rule === fallback && !owner.has(d.code) ? `${d.message} (${d.code})` : d.message, d.position, endOf(d));
  }

  // Each rule's own checks.
  for (const rule of rules) {
    if (!rule.check) continue;
    const sev = severityOf(rule);
    if (sev === null) continue;
    rule.check(ctx, (message, position, opts) => push(rule, sev, message, position, opts?.end, opts?.fix));
  }

  // Message control comments.
  const known = new Set(rules.map((r) => r.id));
  const control = rules.find((r) => r.id === 'controle-lint');
  const filters = new Map<string, (ruleId: string, line: number, column: number) => boolean>();
  for (const f of ctx.files.values()) {
    const comments = readControlComments(f);
    if (comments.length === 0) continue;
    filters.set(f.name, messageFilter(comments));
    const sev = control ? severityOf(control) : null;
    if (!control || sev === null) continue;
    for (const c of comments) {
      c.ids.forEach((id, i) => {
        if (!known.has(id)) {
          push(control, sev, `Règle inconnue \`${id}\` dans un commentaire \`lint ${c.kind}\`, attendu l'id d'une règle (voir docs/lint.md)`, { file: f.name, line: c.line, column: c.idColumns[i]! }, { line: c.line, column: c.idColumns[i]! + id.length });
        }
      });
    }
  }
  const kept = messages.filter((m) => {
    const f = filters.get(m.file);
    return !f || m.ruleId === 'controle-lint' || !f(m.ruleId, m.line, m.column);
  });

  const order = new Map<string, number>();
  [...ctx.files.keys()].forEach((name, i) => order.set(name, i));
  kept.sort(
    (a, b) =>
      (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  // The same finding reported twice (two parsers reading one file) is shown once.
  const unique = kept.filter((m, i) => i === 0 || !sameMessage(m, kept[i - 1]!));
  const { shown, hiddenFixes } = capMessages(unique);
  return {
    messages: shown,
    hiddenFixes,
    files: [...ctx.files.keys()],
    errorCount: shown.filter((m) => m.severity === 'error').length,
    warningCount: shown.filter((m) => m.severity === 'warning').length,
    infoCount: shown.filter((m) => m.severity === 'info').length,
  };
}

function sameMessage(a: LintMessage, b: LintMessage): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && a.ruleId === b.ruleId && a.message === b.message;
}

function endOf(d: Diagnostic): { line: number; column: number } | undefined {
  const p = d.position;
  return p?.endLine !== undefined && p.endColumn !== undefined ? { line: p.endLine, column: p.endColumn } : undefined;
}

/** End of the token starting at line/column (up to the next blank), the column just after it. */
function tokenEnd(file: ContextFile | undefined, line: number, column: number): { line: number; column: number } {
  if (!file) return { line, column };
  const text = file.source.line(line);
  let c = column - 1;
  while (c < text.length && text[c] !== ' ' && text[c] !== '\t') c++;
  return { line, column: Math.max(c + 1, column) };
}
