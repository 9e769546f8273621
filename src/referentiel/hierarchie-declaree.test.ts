/**
 * A référentiel may declare its hierarchy on the root (`hierarchie: [referentiel, action,
 * sous-action]`) instead of being cae/eci or inferred from identifiant depth: checked, positioned
 * (`hierarchie-invalide`), and carried by the compiled JSON.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileReferentiel } from '../referentiel/compile-referentiel.js';
import { compiledReferentielSchema } from '../referentiel/compiled-schema.js';
import { HIERARCHIE_CAE } from '../referentiel/hierarchie.js';
import { loadReferentiel } from '../referentiel/load-referentiel.js';
import { parseReferentielFiles } from '../referentiel/parse-referentiel.js';

const racine = (referentiel: string, hierarchie: string): string => `# Réf\n\`\`\`yaml\nidentifiant: ""\nreferentiel: "${referentiel}"\npoints: 10\nhierarchie: ${hierarchie}\n\`\`\`\n`;
const noeud = (identifiant: string, extra = ''): string => `# N ${identifiant}\n\`\`\`yaml\nidentifiant: ${identifiant}\n${extra}\`\`\`\n`;
const at = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code}@${d.position ? `${d.position.line}:${d.position.column}` : ''}`);

function parse(referentiel: string, hierarchie: string, ...ids: string[]) {
  return parseReferentielFiles([{ path: 'r.md', content: racine(referentiel, hierarchie) }, ...ids.map((id) => ({ path: `${id}.md`, content: noeud(id) }))]);
}

describe('a hierarchy declared on the root', () => {
  it('sets the levels and the action level; `action` (TeT) reads as `mesure`', () => {
    const { referentiel, diagnostics } = parse('essai', '[referentiel, action, sous-action, tache]', '1', '1.1', '1.1.1');
    expect(diagnostics).toEqual([]); // neither hierarchie-deduite nor cle-yaml-inconnue
    expect(referentiel!.hierarchie).toEqual({ levels: ['referentiel', 'mesure', 'sous-action', 'tache'], actionLevel: 1 });
    expect(['essai_1', 'essai_1.1', 'essai_1.1.1'].map((id) => referentiel!.actions.get(id)!.type)).toEqual(['mesure', 'sous-action', 'tache']);
    expect(referentiel!.root.extra).toEqual({});
  });

  it('wins over the known hierarchy of cae/eci, and loses to the `hierarchie` option', () => {
    expect(parse('eci', '[referentiel, mesure, sous-action]', '1', '1.1').referentiel!.hierarchie.actionLevel).toBe(1);
    const forced = parseReferentielFiles([{ path: 'r.md', content: racine('eci', '[referentiel, mesure]') }], { hierarchie: HIERARCHIE_CAE });
    expect(forced.referentiel!.hierarchie).toBe(HIERARCHIE_CAE);
  });

  it('bounds the depth of identifiants', () => {
    const { diagnostics } = parse('essai', '[referentiel, mesure, sous-action]', '1', '1.1', '1.1.1');
    expect(diagnostics.map((d) => d.code)).toEqual(['niveau-trop-profond']);
  });

  it.each([
    ['not a list', 'referentiel', 'liste'],
    ['an unknown level', '[referentiel, chapitre, mesure]', '`chapitre` inconnu'],
    ['levels out of order', '[referentiel, mesure, axe]', '`axe` en double ou hors d\'ordre'],
    ['a level twice', '[referentiel, mesure, action]', '`action` en double'],
    ['no mesure level', '[referentiel, axe, sous-axe]', 'pas de niveau `mesure`'],
    ['not starting with referentiel', '[axe, mesure]', 'le premier niveau est `axe`'],
    ['a number in the list', '[referentiel, 3]', '`3` n\'est pas un nom de niveau'],
    ['an empty list', '[]', 'liste'],
  ])('refuses %s with hierarchie-invalide at the value, then infers', (_, value, why) => {
    const { referentiel, diagnostics } = parse('essai', value, '1');
    expect(at(diagnostics)).toEqual(['hierarchie-invalide@6:13', 'hierarchie-deduite@1:1']);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toContain(why);
    expect(referentiel!.hierarchie).toBe(HIERARCHIE_CAE);
  });

  it('is a root key: elsewhere it is kept in `extra` with a warning', () => {
    const { referentiel, diagnostics } = parseReferentielFiles([
      { path: 'r.md', content: racine('essai', '[referentiel, mesure]') },
      { path: '1.md', content: noeud('1', 'hierarchie: [referentiel]\n') },
    ]);
    expect(at(diagnostics)).toEqual(['cle-yaml-inattendue@4:1']);
    expect(referentiel!.actions.get('essai_1')!.extra).toEqual({ hierarchie: ['referentiel'] });
  });

  it('travels in the compiled JSON and comes back from it', () => {
    const { referentiel } = parse('essai', '[referentiel, action, sous-action, tache]', '1', '1.1', '1.1.1');
    const json = compileReferentiel(referentiel!);
    expect(compiledReferentielSchema.safeParse(json).success).toBe(true);
    expect(json.referentiel.hierarchie).toEqual(['referentiel', 'mesure', 'sous-action', 'tache']);
    expect(json.referentiel.actionLevel).toBe(1);
    const loaded = loadReferentiel(JSON.parse(JSON.stringify(json)));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.referentiel!.hierarchie).toEqual(referentiel!.hierarchie);
    expect(loaded.referentiel!.actions.get('essai_1.1.1')!.type).toBe('tache');
  });
});
