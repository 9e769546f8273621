/**
 * The YAML fast path (readSimpleYaml) gives what the `yaml` package gives (readYamlWithLibrary),
 * or steps aside (null) and lets it decide, on blocks generated from the grammar the référentiel
 * files use: `key: value` lines (integers, decimals, words, quoted text, flow lists, YAML special
 * values), block lists indented with spaces or tabs, comments, blank lines, tabs as separators.
 * Where the package rejects a block, the fast path must not accept it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutlineCode } from './outline.js';
import { readSimpleYaml, readYamlWithLibrary } from './yaml-meta.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const key = fc.constantFrom('identifiant', 'points', 'pourcentage', 'categorie', 'nom', 'a_b', 'x');
const value = fc.constantFrom(
  '1', '12', '-3', '0', '007', '1.10', '3.1.2', '0.5', '1e3', '0x1F', '.inf', 'true', 'NON', 'null', '~',
  'bases', 'mise en œuvre', 'effets', "l'eau", 'a: b', 'a #b', '"6"', '"a\\"b"', "'x'", '[a, b]', '[]', '[a, true]', '[1.1, 2]',
  '&ancre x', '*ancre', '|', '> plié', '', 'é',
);
const sep = fc.constantFrom(' ', '  ', '\t', '');
const keyLine = fc.tuple(key, fc.constantFrom('', ' '), sep, value, fc.constantFrom('', ' ', '\t', ' # note')).map(([k, s1, s2, v, end]) => `${k}${s1}:${v === '' ? '' : s2}${v}${end}`);
const listItem = fc.tuple(fc.constantFrom('  ', ' ', '\t', '    ', '  \t'), fc.constantFrom('-', '- ', '-\t'), fc.constantFrom('cae_1.1', 'a', 'true', '1', 'b c')).map(([i, d, v]) => `${i}${d}${v}`);
const blockList = fc.tuple(key, fc.array(listItem, { minLength: 1, maxLength: 3 })).map(([k, items]) => [`${k}:`, ...items].join('\n'));
const other = fc.constantFrom('', '# commentaire', '  indenté: 1', '---', '- a');

const block = fc.array(fc.oneof({ weight: 5, arbitrary: keyLine }, { weight: 2, arbitrary: blockList }, { weight: 1, arbitrary: other }), { maxLength: 6 }).map((lines) => lines.join('\n'));

const code = (value: string): OutlineCode => ({
  lang: 'yaml',
  value,
  position: { file: 'f.md', line: 3, column: 1 },
  contentPosition: { file: 'f.md', line: 4, column: 1 },
  frontmatter: false,
  sectionKey: null,
});

describe('YAML: fast path = the yaml package on generated blocks', () => {
  it(`gives the same entries, or steps aside (${RUNS} runs)`, () => {
    let fast = 0;
    fc.assert(
      fc.property(block, (text) => {
        const simple = readSimpleYaml(code(text));
        if (simple === null) return;
        fast++;
        const diagnostics: Diagnostic[] = [];
        const library = readYamlWithLibrary(code(text), diagnostics);
        expect(diagnostics, `le paquet yaml rejette ce que la voie rapide accepte :\n${text}`).toEqual([]);
        expect([...simple.values()]).toEqual([...library!.values()]);
      }),
      // A counterexample it found once (a deeper `- x` continues the item): replayed every run.
      { numRuns: RUNS, examples: [['identifiant:\n  -\tcae_1.1\n    - cae_1.1'], ['a:\n  - x\n    - y']] },
    );
    expect(fast).toBeGreaterThan(RUNS / 10);
  });
});
