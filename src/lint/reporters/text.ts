/**
 * vfile-reporter-like text: messages grouped by file, one line each
 * (`6.1.1.md:148:14  error  Pourcentage inattendu…  pourcentages-somme-100`), then a French summary.
 */
import type { LintMessage, Severity } from '../types.js';

/** One message on one line, the form used by the rules' examples. */
export function formatMessageLine(m: LintMessage): string {
  return `${m.file}:${m.line}:${m.column}  ${m.severity}  ${m.message}  ${m.ruleId}`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

/** « 2 erreurs, 3 avertissements » (infos only when there are some). */
export function summarize(messages: readonly LintMessage[]): string {
  const count = (s: Severity): number => messages.filter((m) => m.severity === s).length;
  const parts = [plural(count('error'), 'erreur', 'erreurs'), plural(count('warning'), 'avertissement', 'avertissements')];
  const infos = count('info');
  if (infos > 0) parts.push(plural(infos, 'info', 'infos'));
  return parts.join(', ');
}

export interface TextOptions {
  color?: boolean;
  /** Also print files without messages (as `file: aucun problème`). */
  fixedCount?: number;
}

/**
 * Lint messages as the text of `cae lint`: one line per message (`file:line:col severity message
 * rule`) and a summary; ANSI colours only with `color`.
 *
 * @example
 * process.stdout.write(renderLintText(result.messages, { color: false }));
 */
export function renderText(messages: readonly LintMessage[], options: TextOptions = {}): string {
  const paint = (code: string, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const sev = (s: Severity): string => (s === 'error' ? paint('31', 'error') : s === 'warning' ? paint('33', 'warning') : paint('34', 'info'));
  const groups = new Map<string, LintMessage[]>();
  for (const m of messages) {
    const g = groups.get(m.file) ?? [];
    g.push(m);
    groups.set(m.file, g);
  }
  const lines: string[] = [];
  for (const [file, list] of groups) {
    if (lines.length > 0) lines.push('');
    lines.push(options.color ? `\u001b[4m${file || '(sans fichier)'}\u001b[24m` : file || '(sans fichier)');
    const where = list.map((m) => `${m.file}:${m.line}:${m.column}`);
    // Loops, not Math.max(...list): a spread of 100,000 arguments overflows the call stack.
    let wWidth = 0;
    let sWidth = 0;
    for (const w of where) wWidth = Math.max(wWidth, w.length);
    for (const m of list) sWidth = Math.max(sWidth, m.severity.length);
    list.forEach((m, i) => {
      lines.push(`${where[i]!.padEnd(wWidth)}  ${sev(m.severity)}${' '.repeat(sWidth - m.severity.length)}  ${m.message}  ${paint('2', m.ruleId)}`);
    });
  }
  if (lines.length > 0) lines.push('');
  let summary = messages.length === 0 ? 'Aucun problème' : summarize(messages);
  if (options.fixedCount) summary += ` (${plural(options.fixedCount, 'correction appliquée', 'corrections appliquées')})`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
