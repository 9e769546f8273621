/**
 * Everything the rules read, parsed once: the files (with their block structure), the référentiel
 * tree, the question / rule / proof files, and every diagnostic the parsers and the formula checker
 * produced. Rules never parse again; most of them only re-issue parser diagnostics under their id.
 */
import { appendAll } from '../diagnostics/append.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type MdBlock, MdSource } from '../markdown/blocks.js';
import { MARKDOWN_LIMITS, tooLargeDiagnostic } from '../markdown/limits.js';
import { type OutlineItem, buildOutline } from '../markdown/outline.js';
import type { SourceFile } from '../markdown/read-files.js';
import { scanBlocks } from '../markdown/scan.js';
import { CODES_QUESTIONS, checkFormule, type QuestionCatalogue } from '../formule/check.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormuleComplete } from '../formule/parser.js';
import { parsePreuvesFiles } from '../preuves/parse-preuves.js';
import type { Preuve } from '../preuves/preuve.js';
import { parseQuestionsFiles } from '../personnalisation/parse-questions.js';
import type { Question } from '../personnalisation/question.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { checkScoresIndicatifsQuestions, parseReferentielFiles } from '../referentiel/parse-referentiel.js';
import { parseReglesFiles } from '../personnalisation/parse-regles.js';
import type { RegleEntry } from '../personnalisation/regle.js';
import type { FileKind, LintFile, LintInputs } from './types.js';

export interface ContextFile {
  kind: FileKind;
  /** Path as given (where `--fix` writes). */
  path: string;
  /** Path shown in messages. */
  name: string;
  content: string;
  source: MdSource;
  blocks: MdBlock[];
}

export interface LintContext {
  /** Every file by shown name, in input order. */
  files: Map<string, ContextFile>;
  /** Files of one kind. */
  ofKind(kind: FileKind): ContextFile[];
  /** Outline of a référentiel file (items under `Actions` keywords). */
  outline(file: ContextFile): OutlineItem[];
  referentiel: Referentiel | null;
  /** The node whose heading starts at this file and line. */
  nodeAt(file: string, line: number): ActionNode | undefined;
  questions: Question[] | null;
  regles: RegleEntry[] | null;
  preuves: Preuve[] | null;
  /** True when an action id belongs to the linted référentiel (`cae_…` for `cae`). */
  inScope(actionId: string): boolean;
  /** Parser, checker and compiler diagnostics, each to be claimed by a rule. */
  diagnostics: Diagnostic[];
}

export function buildContext(inputs: LintInputs): LintContext {
  const files = new Map<string, ContextFile>();
  const byKind: Record<FileKind, ContextFile[]> = { referentiel: [], questions: [], personnalisations: [], preuves: [] };
  const sources: Record<FileKind, SourceFile[]> = { referentiel: [], questions: [], personnalisations: [], preuves: [] };
  const blocksByText = new Map<string, MdBlock[]>();
  const tokenizer = (text: string): MdBlock[] => {
    let b = blocksByText.get(text);
    if (!b) {
      b = scanBlocks(text);
      blocksByText.set(text, b);
    }
    return b;
  };
  const diagnostics: Diagnostic[] = [];
  appendAll(diagnostics, inputs.readDiagnostics ?? []);
  const add = (kind: FileKind, list: readonly LintFile[] | undefined): void => {
    for (const f of list ?? []) {
      const name = f.displayPath ?? f.path;
      // Over the parser's limit: not scanned by the rules either (they would cost what the limit prevents).
      if (f.content.length > MARKDOWN_LIMITS.maxChars) {
        diagnostics.push(tooLargeDiagnostic(name, f.content.length));
        continue;
      }
      const cf: ContextFile = { kind, path: f.path, name, content: f.content, source: new MdSource(f.content), blocks: tokenizer(f.content) };
      files.set(name, cf);
      byKind[kind].push(cf);
      sources[kind].push({ path: f.path, displayPath: name, content: f.content });
    }
  };
  add('referentiel', inputs.referentiel);
  add('questions', inputs.questions);
  add('personnalisations', inputs.personnalisations);
  add('preuves', inputs.preuves);

  let referentiel: Referentiel | null = null;
  if (sources.referentiel.length > 0) {
    const r = parseReferentielFiles(sources.referentiel, { tokenizer });
    referentiel = r.referentiel;
    appendAll(diagnostics, r.diagnostics);
  }
  const nodes = new Map<string, ActionNode>();
  if (referentiel) for (const n of referentiel.actions.values()) nodes.set(`${n.position.file}:${n.position.line}`, n);
  const refPrefix = referentiel ? `${referentiel.id}_` : null;
  const inScope = (actionId: string): boolean => refPrefix !== null && (actionId === referentiel!.id || actionId.startsWith(refPrefix));
  const actionExists = (id: string): boolean => referentiel?.actions.has(id) ?? false;

  let questions: Question[] | null = null;
  if (inputs.questions) {
    const r = parseQuestionsFiles(sources.questions, { tokenizer });
    questions = r.questions;
    appendAll(diagnostics, r.diagnostics);
  }
  let regles: RegleEntry[] | null = null;
  if (inputs.personnalisations) {
    const r = parseReglesFiles(sources.personnalisations, { tokenizer });
    regles = r.entries;
    appendAll(diagnostics, r.diagnostics);
    checkRegles(files, r.entries, questions, referentiel ? { inScope, actionExists } : null, diagnostics);
  }
  if (referentiel && questions) appendAll(diagnostics, checkScoresIndicatifsQuestions(referentiel, new Map(questions.map((q) => [q.id, { id: q.id, type: q.type, choix: q.choix.map((c) => c.id) }]))));
  let preuves: Preuve[] | null = null;
  if (inputs.preuves) {
    const r = parsePreuvesFiles(sources.preuves, { tokenizer });
    preuves = r.preuves;
    appendAll(diagnostics, r.diagnostics);
  }

  const outlines = new Map<ContextFile, OutlineItem[]>();
  return {
    files,
    ofKind: (kind) => byKind[kind],
    outline(file) {
      let o = outlines.get(file);
      if (!o) {
        o = buildOutline(file.content, { file: file.name, keywords: ['actions'], tokenizer }, []);
        outlines.set(file, o);
      }
      return o;
    },
    referentiel,
    nodeAt: (file, line) => nodes.get(`${file}:${line}`),
    questions,
    regles,
    preuves,
    inScope,
    diagnostics,
  };
}

/** Codes of the checker that need the question catalogue: dropped when no question file was given. */
const QUESTION_CODES = CODES_QUESTIONS;


/**
 * Parses and checks every formula (what `compilePersonnalisation` does, but keeping going on every
 * rule and leaving out the checks whose data was not given). Rules of another référentiel (`eci_…`
 * while linting CAE) are checked without the action lookups.
 */
function checkRegles(
  files: Map<string, ContextFile>,
  entries: readonly RegleEntry[],
  questions: readonly Question[] | null,
  ref: { inScope: (id: string) => boolean; actionExists: (id: string) => boolean } | null,
  out: Diagnostic[],
): void {
  const catalogue = new Map<string, QuestionCatalogue>((questions ?? []).map((q) => [q.id, { id: q.id, type: q.type, choix: q.choix.map((c) => c.id) }]));
  for (const entry of entries) {
    const scoped = ref !== null && ref.inScope(entry.actionId);
    if (scoped && !ref.actionExists(entry.actionId)) {
      out.push({ code: 'regle-action-inconnue', severity: 'error', message: `Action inattendue \`${entry.actionId}\`, attendu une action du référentiel`, position: valuePositionAfter(files.get(entry.position.file), entry.position.line, 'action_id') ?? entry.position });
    }
    for (const r of entry.regles) {
      const p = r.formulePosition;
      let formule;
      try {
        formule = parseFormuleComplete(r.formule, { file: p.file, line: p.line, column: p.column });
      } catch (error) {
        if (!isFormuleError(error)) throw error;
        out.push(error.toDiagnostic());
        continue;
      }
      const problems = checkFormule(formule.ast, { kind: r.type, questions: catalogue, actionExists: scoped ? ref.actionExists : undefined, file: p.file });
      for (const d of problems) if (questions !== null || !QUESTION_CODES.has(d.code)) out.push(d);
    }
  }
}

/** Where the value of `key:` starts, on the first line at or after `fromLine` that sets it (within the item's YAML block). */
export function valuePositionAfter(file: ContextFile | undefined, fromLine: number, key: string): { file: string; line: number; column: number } | undefined {
  if (!file) return undefined;
  const re = new RegExp(`^(\\s*${key}\\s*:\\s*)\\S`);
  for (let l = fromLine; l <= Math.min(file.source.lineCount, fromLine + 20); l++) {
    const m = re.exec(file.source.line(l));
    if (m) return { file: file.name, line: l, column: m[1]!.length + 1 };
  }
  return undefined;
}
