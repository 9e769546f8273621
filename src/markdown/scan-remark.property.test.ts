/**
 * The fast scanner (scan.ts) returns the same blocks as the remark adapter (remark-blocks.ts) on
 * Markdown generated from the format's grammar: ATX headings (indented, closed, empty), fences of
 * both kinds (info strings, longer closers, unclosed), list items (with a heading or a fence on
 * the marker's line), tabs, CRLF, a BOM, a frontmatter, HTML comments and prose.
 *
 * Left out: a heading or fence on a list item's continuation line (`- item` then `  # Titre`).
 * remark puts it inside the item; the scanner, which does not track lists, sees a block of the
 * file. scan.ts says so; the TeT corpus has no such line (test/referentiel/corpus.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remarkBlocks } from './remark-blocks.js';
import { scanBlocks } from './scan.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const word = fc.constantFrom('Titre', 'Mesure 1.1', 'Sous-action', 'é à', 'a#b', 'x');
const indent = fc.constantFrom('', ' ', '  ', '   ');
const heading = fc.tuple(indent, fc.integer({ min: 1, max: 7 }), word, fc.constantFrom('', ' #', ' ##', '  ', ' \\#')).map(([i, d, w, close]) => `${i}${'#'.repeat(d)} ${w}${close}`);
const fenceOpen = fc.tuple(indent, fc.constantFrom('```', '~~~', '````', '~~~~'), fc.constantFrom('', 'yaml', 'formule', ' yaml', 'yaml titre', 'js`x')).map(([i, f, info]) => `${i}${f}${info}`);
const fenceClose = fc.tuple(indent, fc.constantFrom('```', '~~~', '````', '~~~~', '```` ')).map(([i, f]) => `${i}${f}`);
const listItem = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '-\t'), fc.constantFrom('item', '# titre', '```yaml', 'a: b')).map(([m, t]) => `${m}${t}`);
const continuation = fc.tuple(fc.constantFrom('  ', '   ', '    ', '\t'), fc.constantFrom('suite', 'a: b')).map(([i, t]) => `${i}${t}`);
const prose = fc.constantFrom('Du texte.', 'identifiant: 1.1', 'points: 12', '', '', '<!-- # commentaire -->', '> # citation', '\t# tabulé', 'Titre souligné', '===', '---', '    # code indenté');

/** A list, then a blank line and a line at the top level (so that the list is closed). */
const list = fc.array(fc.oneof(listItem, continuation), { minLength: 1, maxLength: 4 }).map((xs) => [...xs, '', 'Fin de liste.'].join('\n'));

const line = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 3, arbitrary: fenceOpen },
  { weight: 3, arbitrary: fenceClose },
  { weight: 2, arbitrary: list },
  { weight: 6, arbitrary: prose },
);

const markdown = fc
  .tuple(fc.boolean(), fc.boolean(), fc.option(fc.array(fc.constantFrom('titre: x', 'a: 1', ''), { maxLength: 3 }), { nil: null }), fc.array(line, { maxLength: 25 }))
  .map(([bom, crlf, frontmatter, lines]) => {
    const all = frontmatter ? ['---', ...frontmatter, '---', ...lines] : lines;
    return (bom ? '\uFEFF' : '') + all.join(crlf ? '\r\n' : '\n');
  });

describe('Markdown: scanner = remark adapter on generated input', () => {
  it(`gives the same blocks (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(scanBlocks(text)).toEqual(remarkBlocks(text));
      }),
      { numRuns: RUNS },
    );
  });
});
