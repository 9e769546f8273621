import { describe, expect, it } from 'vitest';
import { compileReferentiel } from './compile-referentiel.js';
import { loadReferentiel } from './load-referentiel.js';
import { parseReferentielFiles } from './parse-referentiel.js';

const md = (formule: string): string =>
  `# Racine\n\`\`\`yaml\nidentifiant: ""\nreferentiel: "cae"\n\`\`\`\n## Actions\n### Axe\n\`\`\`yaml\nidentifiant: 1\npoints: 10\n\`\`\`\n#### Score indicatif\n\`\`\`formule\n${formule}\n\`\`\`\n`;
const parse = (formule: string) => parseReferentielFiles([{ path: 'cae.md', content: md(formule) }]);

describe('score indicatif dans le référentiel', () => {
  it('lu avec sa position, compilé et rechargé à l’identique', () => {
    const { referentiel, diagnostics } = parse('si val(cae_7) > cible(cae_7) alors 1 sinon 0');
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const si = referentiel!.actions.get('cae_1')!.scoreIndicatif!;
    expect(si.position).toEqual({ file: 'cae.md', line: 14, column: 1 });
    expect(referentiel!.actions.get('cae_1')!.sections.score_indicatif).toBeUndefined();
    const compiled = compileReferentiel(referentiel!);
    expect(compiled.actions[1]!.scoreIndicatif).toEqual({ formule: si.formule, position: si.position });
    expect(compiled.actions[0]).not.toHaveProperty('scoreIndicatif');
    const back = loadReferentiel(JSON.parse(JSON.stringify(compiled)));
    expect(back.diagnostics).toEqual([]);
    expect(back.referentiel!.actions.get('cae_1')!.scoreIndicatif).toMatchObject({ formule: si.formule, position: si.position });
    expect(back.referentiel!.actions.get('cae_1')!.scoreIndicatif!.ast).not.toBeNull();
  });

  it('une formule illisible, mal typée ou hors de son genre est une erreur positionnée', () => {
    expect(parse('si val(cae_7) > 3 1').diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([['formule-syntaxe', 14, 19]]);
    expect(parse('val(cae_7) > 3').diagnostics.map((d) => d.code)).toEqual(['formule-type-resultat']);
    expect(parse('score(cae_1)').diagnostics.map((d) => d.code)).toContain('formule-fonction-inconnue');
    // The question catalogue is not known here: reponse() is checked by lint and the context.
    expect(parse('si reponse(q_inconnue, OUI) alors opt_val(x) sinon 0').diagnostics).toEqual([]);
  });
});
