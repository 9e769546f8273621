import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeyTokens, findDuplicateKeys } from './duplicate-keys.js';
import { parseDossierText } from './parse-dossier.js';

/** Own keys of every object in a JSON value, counted plainly. */
function keysIn(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  if (Array.isArray(v)) return v.reduce((n: number, c) => n + keysIn(c), 0);
  return Object.entries(v).reduce((n, [, c]) => n + 1 + keysIn(c), 0);
}

describe('countKeyTokens', () => {
  it('counts every key of any JSON text, whatever the spacing and the strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 1, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const c = countKeyTokens(text);
        expect(c.keys).toBe(keysIn(JSON.parse(text)));
        // Keys that are __proto__ or written with an escape, found plainly.
        const risky = (v: unknown): boolean =>
          v !== null && typeof v === 'object' && (Array.isArray(v) ? v.some(risky) : Object.entries(v).some(([k, c]) => k === '__proto__' || JSON.stringify(k).includes('\\') || risky(c)));
        expect(c.mayHaveProto).toBe(risky(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a key written twice twice, and sees an escaped or written __proto__', () => {
    expect(countKeyTokens('{"a":1,"a":{"b":"x:y","b" :2}}').keys).toBe(4);
    expect(countKeyTokens('{"a":"\\":"}').keys).toBe(1);
    expect(countKeyTokens('{"__proto__":1}').mayHaveProto).toBe(true);
    expect(countKeyTokens('{"__pr\\u006fto__":1}').mayHaveProto).toBe(true);
    expect(countKeyTokens('{"x__proto__":"__proto__"}').mayHaveProto).toBe(false);
    // An escape in a value only (an ASCII-only writer's "\u00e9") does not make a key suspect.
    expect(countKeyTokens('{"nom":"Collectivit\\u00e9 \\"x\\"","a":{"b\\\\":1}}')).toEqual({ keys: 3, mayHaveProto: true });
    expect(countKeyTokens('{"nom":"Collectivit\\u00e9 \\"x\\"","a":{"b":1}}')).toEqual({ keys: 3, mayHaveProto: false });
  });
});

const STATUTS = ['fait', 'programme', 'pas_fait', 'non_concerne'];
const dossierArb = fc
  .tuple(fc.uniqueArray(fc.stringMatching(/^[1-6](\.[1-9]){0,3}$/), { minLength: 1, maxLength: 30 }), fc.array(fc.constantFrom(...STATUTS), { minLength: 30, maxLength: 30 }))
  .map(([ids, s]) => ({ collectivite: { nom: 'A "b" \\ c', type: 'commune' }, statuts: Object.fromEntries(ids.map((id, i) => [id, s[i]!])) }));

describe('duplicate keys and __proto__ on the fast path', () => {
  it('a key written twice anywhere is always diagnosed, with or without escapes', () => {
    fc.assert(
      fc.property(dossierArb, fc.nat(), fc.boolean(), fc.boolean(), (d, pick, escaped, pretty) => {
        const ids = Object.keys(d.statuts);
        const id = ids[pick % ids.length]!;
        const again = escaped ? id.replace(/^./, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : id;
        const text = JSON.stringify(d, null, pretty ? 2 : undefined).replace(/"statuts": ?\{/, (m) => `${m}"${again}": "fait",`);
        expect(findDuplicateKeys(text).length).toBe(1);
        const r = parseDossierText(text, 'd.json');
        expect(r.dossier).toBeNull();
        expect(r.diagnostics.map((x) => x.code)).toEqual(['cle-en-double']);
      }),
      { numRuns: 300 },
    );
  });

  it('a dossier without a key twice passes, and a __proto__ key, even escaped, is refused', () => {
    fc.assert(
      fc.property(dossierArb, fc.boolean(), (d, escaped) => {
        const text = JSON.stringify(d);
        expect(parseDossierText(text, 'd.json').diagnostics).toEqual([]);
        const proto = text.replace('"statuts":{', `"statuts":{"${escaped ? '__pr\\u006fto__' : '__proto__'}":"fait",`);
        expect(parseDossierText(proto, 'd.json').diagnostics.map((x) => x.code)).toEqual(['dossier-cle-interdite']);
      }),
      { numRuns: 200 },
    );
  });
});
