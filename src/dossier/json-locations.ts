/**
 * Maps places in a JSON text (offsets, JSON paths) to `line:column` and JSON pointers, so every
 * problem in a dossier is reported where the user can find it.
 */
import { type Node, findNodeAtLocation, parseTree } from 'jsonc-parser';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 1-based line and column of a 0-based offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export { jsonPointer } from '../diagnostics/json-pointer.js';

/**
 * The offset of the value at `path`, or of its key when `atKey` (for unknown keys), falling back to
 * the closest existing ancestor.
 */
export function offsetOfPath(tree: Node | undefined, path: readonly (string | number)[], atKey = false): number {
  if (!tree) return 0;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (node) {
      if (atKey && n === path.length && node.parent?.type === 'property') return node.parent.offset;
      return node.offset;
    }
  }
  return 0;
}

export function parseJsonTree(text: string): Node | undefined {
  return parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
}

/**
 * Deepest bracket nesting, scanning outside strings. Checked before any parser runs, so 200,000
 * nested brackets get a clear error instead of exhausting the stack.
 */
export function maxNesting(text: string, limit: number): { depth: number; offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash escapes the next char
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > limit) return { depth, offset: i };
    } else if (ch === 125 || ch === 93) depth--;
  }
  return null;
}
