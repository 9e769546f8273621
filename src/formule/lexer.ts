/**
 * Tokens of the formula language. Keywords are case-insensitive and whole words: `etat_1`, `sinon_x`
 * and `ou_bien` are names, because a name runs on over letters, digits, `_` and `.`, and over a `-`
 * followed by a letter, digit or `_` (HEAD's indicator ids such as `cae_49.f-hab`).
 *
 * The functions HEAD added (`referentiel`, `val`, `opt_val`, `cible`, `limite`, `est_suivi`) are
 * not keywords: the parser reads such a name as a call only when a `(` follows (FONCTIONS_CONTEXTUELLES).
 */

export type Keyword =
  | 'si'
  | 'alors'
  | 'sinon'
  | 'et'
  | 'ou'
  | 'vrai'
  | 'faux'
  | 'oui'
  | 'non'
  | 'identite'
  | 'reponse'
  | 'score'
  | 'min'
  | 'max';

export const KEYWORDS: ReadonlySet<string> = new Set<Keyword>([
  'si',
  'alors',
  'sinon',
  'et',
  'ou',
  'vrai',
  'faux',
  'oui',
  'non',
  'identite',
  'reponse',
  'score',
  'min',
  'max',
]);

export type TokenType = 'mot' | 'nombre' | 'ponctuation' | 'fin';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** Lower-cased keyword when the word is one. */
  kw: Keyword | null;
}

export interface LexError {
  offset: number;
  raison: string;
}

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function isNameStart(ch: string, code: number): boolean {
  return code === 95 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code > 127 && isLetter(ch));
}
function isNamePart(ch: string, code: number): boolean {
  return isNameStart(ch, code) || isDigit(code) || code === 46;
}

/** Splits the text into tokens; returns a LexError for the first character that starts no token. */
export function tokenize(text: string): Token[] | LexError {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // Whitespace, including newlines and non-breaking spaces, is ignored anywhere.
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x202f || code === 0xfeff) {
      i++;
      continue;
    }
    const start = i;
    const ch = text[i]!;
    if (isNameStart(ch, code)) {
      // A name: whole code points, so astral letters stay intact.
      i++;
      for (;;) {
        while (i < n) {
          const c = text.codePointAt(i)!;
          const s = String.fromCodePoint(c);
          if (!isNamePart(s, c)) break;
          i += s.length;
        }
        // A dash between name characters belongs to the name, as in HEAD (`cae_49.f-hab`,
        // `te-test`), unless what precedes is a keyword (`sinon-1` is `sinon - 1`).
        if (text.charCodeAt(i) !== 45 || i + 1 >= n || KEYWORDS.has(text.slice(start, i).toLowerCase())) break;
        const c = text.codePointAt(i + 1)!;
        const s = String.fromCodePoint(c);
        if (!isNamePart(s, c) || c === 46) break;
        i++;
      }
      const word = text.slice(start, i);
      const lower = word.toLowerCase();
      tokens.push({ type: 'mot', text: word, start, end: i, kw: KEYWORDS.has(lower) ? (lower as Keyword) : null });
      continue;
    }
    if (isDigit(code)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (i < n) {
        const c = text.codePointAt(i)!;
        const s = String.fromCodePoint(c);
        if (isNamePart(s, c)) {
          let j = i;
          while (j < n && isNamePart(text[j]!, text.charCodeAt(j))) j++;
          return { offset: start, raison: `nombre invalide « ${clip(text.slice(start, j))} »` };
        }
      }
      tokens.push({ type: 'nombre', text: text.slice(start, i), start, end: i, kw: null });
      continue;
    }
    if (ch === '<' || ch === '>') {
      const two = text[i + 1] === '=';
      i += two ? 2 : 1;
      tokens.push({ type: 'ponctuation', text: text.slice(start, i), start, end: i, kw: null });
      continue;
    }
    if ('(),+-*/='.includes(ch)) {
      i++;
      tokens.push({ type: 'ponctuation', text: ch, start, end: i, kw: null });
      continue;
    }
    const cp = String.fromCodePoint(text.codePointAt(i)!);
    return { offset: start, raison: `caractère inattendu « ${cp} »` };
  }
  tokens.push({ type: 'fin', text: '', start: n, end: n, kw: null });
  return tokens;
}

export function clip(s: string, max = 30): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** `« sinon »`, `« fin de formule »`: how an error names a token. */
export function describeToken(t: Token): string {
  return t.type === 'fin' ? 'la fin de la formule' : `« ${clip(t.text)} »`;
}
