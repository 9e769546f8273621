import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { parseDossierText } from './parse-dossier.js';

const where = (text: string) => parseDossierText(text, 'dossier.json').diagnostics.map((d) => `${formatDiagnostic(d)} ${d.pointer ?? ''}`.trim());

describe('parseDossierText', () => {
  it('accepts a valid dossier', () => {
    const r = parseDossierText('{ "statuts": { "6.1.1.1.1": "fait" } }');
    expect(r.diagnostics).toEqual([]);
    expect(r.dossier?.statuts?.['6.1.1.1.1']).toBe('fait');
  });

  it('locates an unknown statut value at the value, naming the identifiant', () => {
    const text = '{\n  "statuts": {\n    "6.1.1.1.1": "fini"\n  }\n}';
    expect(where(text)).toEqual([
      'dossier.json:3:18: erreur [statut-invalide] Statut invalide pour 6.1.1.1.1 : attendu fait, programme, pas_fait, non_concerne, non_renseigne ou un objet détaillé { "fait", "programme", "pas_fait" } dont la somme vaut 1 /statuts/6.1.1.1.1',
    ]);
  });

  it('locates truncated JSON', () => {
    const [d] = where('{\n  "statuts": {\n    "6.1.1": "fait"\n');
    expect(d).toMatch(/^dossier\.json:4:1: erreur \[json-invalide\] JSON invalide : /);
  });

  it('locates an unknown key at the key', () => {
    expect(where('{\n  "referentiel": "cae",\n  "statut": {}\n}')).toEqual([
      "dossier.json:3:3: erreur [dossier-cle-inconnue] Clé inattendue « statut », attendu l'une des clés prévues par le format du dossier /statut",
    ]);
  });

  it('rejects fractions above 1, negative ones, and a non-integer or negative population', () => {
    const ds = where('{"statuts":{"a":{"fait":1.5,"programme":-0.5,"pas_fait":0}},"collectivite":{"population":-2.5}}');
    expect(ds.some((d) => d.includes('[statut-invalide]') && d.includes('/statuts/a'))).toBe(true);
    expect(ds.some((d) => d.includes('[collectivite-invalide] Population invalide'))).toBe(true);
  });

  it('accepts the label held, and locates a wrong étoile, date or key inside it', () => {
    const ok = parseDossierText('{ "labellisation": { "etoile": 2, "date": "2023-05-04" } }');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.dossier?.labellisation).toEqual({ etoile: 2, date: '2023-05-04' });
    const ds = where('{\n  "labellisation": {\n    "etoile": 6,\n    "date": "2023-02-30",\n    "niveau": 1\n  }\n}');
    expect(ds[0]).toMatch(/^dossier\.json:3:15: erreur \[labellisation-invalide\] Étoile du label invalide : attendu un entier de 1 à 5 .* \/labellisation\/etoile$/);
    expect(ds.some((d) => d.startsWith('dossier.json:4:13: erreur [labellisation-invalide]') && d.endsWith('/labellisation/date'))).toBe(true);
    expect(ds.some((d) => d.startsWith('dossier.json:5:5: erreur [dossier-cle-inconnue]') && d.endsWith('/labellisation/niveau'))).toBe(true);
    expect(where('{ "labellisation": { "etoile": 2.5 } }')[0]).toContain('[labellisation-invalide]');
  });

  it('refuses 200,000 nested brackets with a position, without exhausting the stack', () => {
    const [d] = where('['.repeat(200_000) + ']'.repeat(200_000));
    expect(d).toBe("dossier.json:1:65: erreur [json-trop-imbrique] Imbrication JSON trop profonde : plus de 64 niveaux de crochets ou d'accolades");
  });

  it('ignores brackets inside strings when measuring nesting', () => {
    expect(parseDossierText(JSON.stringify({ collectivite: { nom: '['.repeat(1000) } })).diagnostics).toEqual([]);
  });

  it('does not let __proto__ keys pollute prototypes', () => {
    const r = parseDossierText('{"statuts":{"__proto__":{"polluted":true},"6.1.1":"fait"},"reponses":{"constructor":"OUI"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // zod would silently drop the key (and its statut): it is refused, at its place.
    expect(r.dossier).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.pointer, d.position?.column])).toEqual([['dossier-cle-interdite', '/statuts/__proto__', 13]]);
    const ok = parseDossierText('{"statuts":{"6.1.1":"fait"},"reponses":{"constructor":"OUI"}}');
    expect(ok.dossier?.reponses?.constructor).toBe('OUI');
  });

  it('reports binary garbage as invalid JSON', () => {
    const [d] = where('\u0000\u0001\u00ff\ufffd garbage');
    expect(d).toMatch(/^dossier\.json:1:1: erreur \[json-invalide\]/);
  });
});

describe('deeply nested evidence', () => {
  it('is refused with a position even when the JSON itself is valid', () => {
    const text = `{"preuves":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const [d] = parseDossierText(text, 'dossier.json').diagnostics;
    expect(d?.code).toBe('json-trop-imbrique');
    expect(d?.position).toEqual({ file: 'dossier.json', line: 1, column: 79 }); // the 65th bracket
  });
});
