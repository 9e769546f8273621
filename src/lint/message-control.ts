/**
 * `<!-- lint disable rule-id -->`, `<!-- lint enable rule-id -->`, `<!-- lint disable-next-line rule-id -->`
 * (and `ignore`, the same as disable-next-line), with remark-message-control semantics: a comment
 * without ids acts on every rule; `disable` lasts until a matching `enable` or the end of the file.
 * Comments inside fenced code blocks are not read.
 */
import type { ContextFile } from './context.js';

export interface ControlComment {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty: every rule. */
  ids: string[];
  line: number;
  /** Column of the comment's start, and the column just after its end. */
  column: number;
  endColumn: number;
  /** Column of each id, for messages about unknown ids. */
  idColumns: number[];
}

const COMMENT = /<!--\s*lint\s+(disable-next-line|disable|enable|ignore)\b([^]*?)-->/g;

export function readControlComments(file: ContextFile): ControlComment[] {
  const fenced = new Set<number>();
  for (const b of file.blocks) if (b.kind === 'code') for (let l = b.line; l <= b.endLine; l++) fenced.add(l);
  const out: ControlComment[] = [];
  for (let line = 1; line <= file.source.lineCount; line++) {
    if (fenced.has(line)) continue;
    const text = file.source.line(line);
    if (!text.includes('<!--')) continue;
    COMMENT.lastIndex = 0;
    for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
      const verb = m[1]!;
      const argsStart = m.index + m[0].indexOf(m[2]!, m[1]!.length + 4);
      const ids: string[] = [];
      const idColumns: number[] = [];
      const idRe = /\S+/g;
      for (let a = idRe.exec(m[2]!); a; a = idRe.exec(m[2]!)) {
        ids.push(a[0]);
        idColumns.push(argsStart + a.index + 1);
      }
      out.push({ kind: verb === 'ignore' ? 'disable-next-line' : (verb as ControlComment['kind']), ids, line, column: m.index + 1, endColumn: m.index + m[0].length + 1, idColumns });
    }
  }
  return out;
}

/** A predicate telling whether a message of `ruleId` at line/column is silenced in this file. */
export function messageFilter(comments: readonly ControlComment[]): (ruleId: string, line: number, column: number) => boolean {
  if (comments.length === 0) return () => false;
  return (ruleId, line, column) => {
    let all = false;
    const off = new Set<string>();
    const on = new Set<string>(); // re-enabled explicitly while everything is disabled
    for (const c of comments) {
      if (c.kind === 'disable-next-line') {
        if (line === c.line + 1 && (c.ids.length === 0 || c.ids.includes(ruleId))) return true;
        continue;
      }
      if (c.line > line || (c.line === line && c.endColumn > column)) break;
      if (c.kind === 'disable') {
        if (c.ids.length === 0) {
          all = true;
          on.clear();
        } else for (const id of c.ids) {
          off.add(id);
          on.delete(id);
        }
      } else if (c.ids.length === 0) {
        all = false;
        off.clear();
        on.clear();
      } else for (const id of c.ids) {
        off.delete(id);
        on.add(id);
      }
    }
    return off.has(ruleId) || (all && !on.has(ruleId));
  };
}
