/**
 * The linter's vocabulary: a rule is one small module (`rules/<id>.ts`) with a stable ASCII id, a
 * default severity, a French summary, a `fixable` flag and examples that are both its documentation
 * and its tests. Rules read a shared, already-parsed `LintContext` and report positioned messages.
 */
import type { Diagnostic, Severity, SourcePosition } from '../diagnostics/diagnostic.js';

export type { Severity };

/** `off` / `warn` / `error`, also 0 / 1 / 2 (remark-lint), and `info`. */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'warning' | 'error' | 0 | 1 | 2;

/** A text edit in one file, by character offsets into its content. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** A finding, in the flat shape of the JSON output (plus its fix, when it has a safe one). */
export interface LintMessage {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: Fix;
}

/** Files grouped by what they hold. Paths are shown as given (`displayPath` when set). */
export interface LintFile {
  path: string;
  content: string;
  /** Shown in messages instead of `path` (e.g. the bare file name for a directory). */
  displayPath?: string;
}

export interface LintInputs {
  referentiel: readonly LintFile[];
  questions?: readonly LintFile[];
  personnalisations?: readonly LintFile[];
  preuves?: readonly LintFile[];
  /** Positioned problems met while reading files that could not be linted (encoding, links, size). */
  readDiagnostics?: readonly Diagnostic[];
}

export type FileKind = 'referentiel' | 'questions' | 'personnalisations' | 'preuves';

export interface Report {
  (message: string, position: SourcePosition | undefined, options?: { end?: { line: number; column: number }; fix?: Fix }): void;
}

/** One example of a rule: files per kind (name → Markdown) and the exact message lines expected from this rule. */
export interface RuleExample {
  title: string;
  files: Partial<Record<FileKind, Record<string, string>>>;
  /** `file:line:column  severity  message  rule-id`, as `formatMessageLine` prints them. Empty for an ok example. */
  expected: readonly string[];
}

export interface LintRule {
  /** Stable ASCII kebab-case id, never renamed. */
  id: string;
  /** Severity when the configuration says nothing. */
  severity: Severity;
  /** True when `--fix` can repair (some of) its findings safely. */
  fixable: boolean;
  /** One French sentence: what the rule checks. */
  summary: string;
  /**
   * Parser diagnostic codes this rule owns: the parsers already detect these problems, the rule
   * re-issues them under its id and severity instead of detecting them twice.
   */
  codes?: readonly string[];
  /** Parser diagnostic codes this rule replaces by its own check: claimed and dropped. */
  replaces?: readonly string[];
  /** Drops some adopted diagnostics (false = not a problem after all). */
  accept?: (d: import('../diagnostics/diagnostic.js').Diagnostic, ctx: import('./context.js').LintContext) => boolean;
  /** Keep the parser's own severity for adopted diagnostics (the catch-all rule does). */
  keepSeverity?: boolean;
  check?: (ctx: import('./context.js').LintContext, report: Report) => void;
  examples: readonly RuleExample[];
}
