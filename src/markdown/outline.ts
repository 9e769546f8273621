/**
 * The generic Markdown-document walker shared by the référentiel, question, rule and proof parsers
 * (TeT's single `markdown_parser`, scoring.md §1.3): level-1 headings open items, a heading one
 * level below an item opens a section (or, for a keyword such as `Actions`, `Choix`, `Règles`, a
 * list of child items one level deeper still), fenced blocks attach to the current item, and prose
 * is kept as source text, sliced by line.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { MdBlock, MdCode, MdFrontmatter, MdHeading, Tokenizer } from './blocks.js';
import { MdSource, withoutBom } from './blocks.js';
import { MARKDOWN_LIMITS, binaryDiagnostic, tooLargeDiagnostic } from './limits.js';
import { scanSource } from './scan.js';

export interface OutlineSection {
  /** snake_case key: `description`, `contexte`, `perimetre_evaluation`, `critere`… */
  key: string;
  /** Heading text, `null` for the implicit description after a YAML block. */
  title: string | null;
  text: string;
  position: SourcePosition;
}

export interface OutlineCode {
  lang: string;
  value: string;
  /** Opening fence (or the frontmatter's `---`). */
  position: SourcePosition;
  /** First character of the content: YAML positions are offset from here. */
  contentPosition: SourcePosition;
  frontmatter: boolean;
  /** Section the block appeared in, `null` when directly under the item's heading. */
  sectionKey: string | null;
}

export interface OutlineItem {
  title: string;
  /** Where the heading starts (the first `#`). */
  position: SourcePosition;
  /** Where the title text starts. */
  titlePosition: SourcePosition;
  headingDepth: number;
  /** YAML blocks and frontmatter, in source order. */
  metadata: OutlineCode[];
  /** Other fenced blocks (`formule`…). */
  codes: OutlineCode[];
  sections: OutlineSection[];
  /** Keyword headings met (`actions`…), snake-cased. */
  keywords: string[];
  children: OutlineItem[];
  parent: OutlineItem | null;
}

export interface OutlineOptions {
  /** Path shown in positions. */
  file: string;
  /** snake_case keywords that open a child list (`actions`, `choix`, `regles`). */
  keywords: readonly string[];
  tokenizer?: Tokenizer;
}

/** Section keys as TeT names them, with the two long names shortened the way our model does. */
const SECTION_ALIASES: Record<string, string> = {
  reduction_de_potentiel: 'reduction_potentiel',
  perimetre_de_levaluation: 'perimetre_evaluation',
};

// Section headings repeat a few titles (`Description`, `Contexte`…) thousands of times: each is
// folded once. Bounded, so that hostile inputs cannot grow it.
const snakeCases = new Map<string, string>();
const SNAKE_CASES_MAX = 1024;

/** `Périmètre de l'évaluation` → `perimetre_de_levaluation` (TeT's snake case: accents folded, apostrophes removed). */
export function snakeCase(title: string): string {
  let s = snakeCases.get(title);
  if (s === undefined) {
    s = foldSnakeCase(title);
    if (snakeCases.size < SNAKE_CASES_MAX) snakeCases.set(title, s);
  }
  return s;
}

function foldSnakeCase(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’ʼ`]/g, '')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
  return s;
}

export function sectionKey(title: string): string {
  const s = snakeCase(title);
  return (Object.hasOwn(SECTION_ALIASES, s) ? SECTION_ALIASES[s] : undefined) ?? (s === '' ? 'section' : s);
}

const SECTION_SCAN_MAX = 16;

interface Open {
  item: OutlineItem;
  keywordDepth: number | null;
}

interface Target {
  item: OutlineItem;
  key: string;
  title: string | null;
  position: SourcePosition;
}

export function buildOutline(fileText: string, options: OutlineOptions, diagnostics: Diagnostic[]): OutlineItem[] {
  const file = options.file;
  const text = withoutBom(fileText);
  if (text.length > MARKDOWN_LIMITS.maxChars) {
    diagnostics.push(tooLargeDiagnostic(file, text.length));
    return [];
  }
  const source = new MdSource(text);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    const column = nul - (text.lastIndexOf('\n', nul - 1) + 1) + 1;
    diagnostics.push(binaryDiagnostic(file, line, column));
    return [];
  }
  let blocks: MdBlock[];
  try {
    blocks = options.tokenizer ? options.tokenizer(text) : scanSource(source);
  } catch (error) {
    diagnostics.push(diagnostic('markdown-illisible', 'error', `Markdown illisible : ${String((error as Error)?.message ?? error)}`, { file, line: 1, column: 1 }));
    return [];
  }
  const builder = new OutlineBuilder(source, options, diagnostics);
  for (const block of blocks) {
    if (block.kind === 'heading') builder.heading(block);
    else builder.code(block);
  }
  return builder.finish();
}

type HeadingRole = 'item' | 'child' | 'keyword' | 'section' | 'irregular';

/**
 * The outline of one file, built block by block: headings open items, keyword lists and
 * sections; the text between blocks goes to the current section (`target`).
 */
class OutlineBuilder {
  private readonly items: OutlineItem[] = [];
  private readonly stack: Open[] = [];
  private target: Target | null = null;
  private cursor = 1;
  private pendingFrontmatter: OutlineCode | null = null;
  private looseStart: SourcePosition | null = null;
  // Sections by key, per item. An item has a handful, looked up in place; past SECTION_SCAN_MAX an
  // index is built and kept, so that a file with 30,000 section headings is not quadratic.
  private readonly sectionIndex = new Map<OutlineItem, Map<string, OutlineSection>>();

  constructor(
    private readonly source: MdSource,
    private readonly options: OutlineOptions,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private pos(line: number, column: number): SourcePosition {
    return { file: this.options.file, line, column };
  }

  private sectionOf(item: OutlineItem, key: string): OutlineSection | undefined {
    const sections = item.sections;
    if (sections.length <= SECTION_SCAN_MAX) {
      for (let i = 0; i < sections.length; i++) if (sections[i]!.key === key) return sections[i];
      return undefined;
    }
    let m = this.sectionIndex.get(item);
    if (!m) {
      this.sectionIndex.set(item, (m = new Map()));
      for (let i = 0; i < sections.length; i++) if (!m.has(sections[i]!.key)) m.set(sections[i]!.key, sections[i]!);
    }
    return m.get(key);
  }

  private addSection(item: OutlineItem, section: OutlineSection): void {
    item.sections.push(section);
    const m = this.sectionIndex.get(item);
    if (m && !m.has(section.key)) m.set(section.key, section);
  }

  /** The text from the cursor to line `to` goes to the current section (or is loose). */
  private flush(to: number): void {
    const from = this.cursor;
    if (to < from) return;
    const content = this.source.slice(from, to);
    if (content === '') return;
    if (!this.target) {
      this.looseStart ??= this.pos(from, 1);
      return;
    }
    const t = this.target;
    const existing = this.sectionOf(t.item, t.key);
    if (existing) existing.text = existing.text === '' ? content : `${existing.text}\n\n${content}`;
    else this.addSection(t.item, { key: t.key, title: t.title, text: content, position: t.position });
  }

  private reportLoose(): void {
    if (this.looseStart) {
      this.diagnostics.push(diagnostic('contenu-ignore', 'info', 'Texte inattendu hors de toute section, attendu sous un titre ou une section : il est ignoré', this.looseStart));
      this.looseStart = null;
    }
  }

  private openItem(h: MdHeading, parent: Open | null): void {
    const item: OutlineItem = {
      title: h.text,
      position: this.pos(h.line, h.column),
      titlePosition: this.pos(h.line, h.textColumn),
      headingDepth: h.depth,
      metadata: [],
      codes: [],
      sections: [],
      keywords: [],
      children: [],
      parent: parent?.item ?? null,
    };
    if (parent) parent.item.children.push(item);
    else {
      this.items.push(item);
      if (this.pendingFrontmatter && this.items.length === 1) {
        item.metadata.push(this.pendingFrontmatter);
        this.pendingFrontmatter = null;
      }
    }
    this.stack.push({ item, keywordDepth: null });
    this.target = { item, key: 'description', title: null, position: this.pos(h.line + 1, 1) };
  }

  /** What a heading of depth d is under the open item `top`. */
  private roleOf(block: MdHeading, top: Open | null): HeadingRole {
    const d = block.depth;
    if (d === 1) return 'item';
    if (!top) return 'irregular';
    if (top.keywordDepth !== null && d === top.keywordDepth + 1) return 'child';
    if (d === top.item.headingDepth + 1) return this.options.keywords.includes(snakeCase(block.text)) ? 'keyword' : 'section';
    return 'irregular';
  }

  /** A heading at an unexpected level stays in the content, like TeT, with a warning. */
  private irregular(block: MdHeading, top: Open | null): void {
    const expected = top
      ? top.keywordDepth !== null
        ? `un niveau ${top.item.headingDepth + 1} (section) ou ${top.keywordDepth + 1} (élément)`
        : `un niveau ${top.item.headingDepth + 1}`
      : 'un niveau 1';
    const under = top ? ` sous « ${top.item.title} »` : '';
    const message = `Titre de niveau ${block.depth} inattendu${under}, attendu ${expected} : « ${block.text} » est gardé comme texte`;
    this.diagnostics.push(diagnostic('niveau-titre-incoherent', 'warning', message, this.pos(block.line, block.column)));
  }

  heading(block: MdHeading): void {
    // Which open item does this heading belong to?
    let k = this.stack.length;
    while (k > 0 && this.stack[k - 1]!.item.headingDepth >= block.depth) k--;
    const top = k > 0 ? this.stack[k - 1]! : null;
    const role = this.roleOf(block, top);
    if (role === 'irregular') return this.irregular(block, top);
    this.flush(block.line - 1);
    this.cursor = block.endLine + 1;
    this.stack.length = k;
    if (role === 'item') {
      this.reportLoose();
      this.openItem(block, null);
    } else if (role === 'child') {
      this.openItem(block, top);
    } else if (role === 'keyword') {
      top!.keywordDepth = block.depth;
      top!.item.keywords.push(snakeCase(block.text));
      this.reportLoose();
      this.target = null;
    } else {
      // The keyword list stays open: TeT files put a sous-action's `#### Description` between tâches.
      const key = sectionKey(block.text);
      this.target = { item: top!.item, key, title: block.text, position: this.pos(block.line, block.column) };
      if (!this.sectionOf(top!.item, key)) this.addSection(top!.item, { key, title: block.text, text: '', position: this.target.position });
    }
  }

  code(block: MdCode | MdFrontmatter): void {
    this.flush(block.line - 1);
    this.cursor = block.endLine + 1;
    const code = toCode(block, this.options.file, this.target?.key ?? null);
    if (block.kind === 'frontmatter') {
      this.pendingFrontmatter = code;
      return;
    }
    const current = this.stack[this.stack.length - 1];
    if (!current) {
      this.diagnostics.push(diagnostic('bloc-hors-titre', block.lang === 'yaml' ? 'warning' : 'info', `Bloc \`${block.lang || 'code'}\` inattendu avant tout titre, attendu après un titre \`#\` : il est ignoré`, code.position));
      return;
    }
    if (block.lang === 'yaml') {
      current.item.metadata.push(code);
      if (!this.target || this.target.item !== current.item) this.target = { item: current.item, key: 'description', title: null, position: this.pos(block.endLine + 1, 1) };
    } else current.item.codes.push(code);
  }

  finish(): OutlineItem[] {
    this.flush(this.source.lineCount);
    this.reportLoose();
    if (this.pendingFrontmatter) {
      this.diagnostics.push(diagnostic('bloc-hors-titre', 'warning', 'Frontmatter inattendu dans un fichier sans titre `#`, attendu avant le premier titre : il est ignoré', this.pendingFrontmatter.position));
    }
    return this.items;
  }
}

function toCode(block: MdCode | MdFrontmatter, file: string, key: string | null): OutlineCode {
  return {
    lang: block.kind === 'frontmatter' ? 'yaml' : block.lang,
    value: block.value,
    position: { file, line: block.line, column: block.column },
    contentPosition: { file, line: block.contentLine, column: block.contentColumn },
    frontmatter: block.kind === 'frontmatter',
    sectionKey: key,
  };
}

/** Every item of a forest, depth first. */
export function* walkOutline(items: readonly OutlineItem[]): Generator<OutlineItem> {
  for (const item of items) {
    yield item;
    yield* walkOutline(item.children);
  }
}
