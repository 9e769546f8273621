import { describe, expect, it } from 'vitest';
import { bigFixture, evaluation611, referentiel611 } from '../../test/report/fixtures.js';
import { stripAnsi } from './color.js';
import { displayWidth, truncate } from './format.js';
import { renderText } from './render-text.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';

const ESC = '\u001b[';

describe('renderText', () => {
  const plain = renderText(evaluation611(), referentiel611(), { color: false });
  const coloured = renderText(evaluation611(), referentiel611(), { color: true });
  const lines = plain.split('\n');

  it('gives the root score, the étoile, the next one and the points missing', () => {
    expect(plain).toContain('Score global : 3,561 points faits sur 6 points potentiels (59,34 %)');
    expect(plain).toContain('programmé 0,865 (14,42 %) · pas fait 0,539 (8,98 %) · non renseigné 1,035 (17,25 %)');
    expect(plain).toContain('Étoile atteinte par le score : ★★★☆☆ troisième étoile (59,34 % fait)');
    expect(plain).toContain('prochaine : quatrième étoile à 65,00 % — il manque 0,339 point fait');
    expect(plain).toContain('Collectivité : Saint-Exemple (commune, 2\u202f500 habitants, métropole)');
    expect(plain).toContain("Date de l'évaluation : 30/06/2026");
  });

  it('has a table per axe with the axe, sous-axe and mesure rows and the golden cells', () => {
    expect(plain).toContain('Axe 6 — Coopération, communication');
    const row = lines.find((l) => l.trimStart().startsWith('6.1.1 '))!;
    expect(row.trimStart().split(/\s{2,}/).slice(2)).toEqual(['6', '3,561', '59,34 %', '0,865', '14,42 %', '0,539', '8,98 %', '1,035', '17,25 %']);
    // Tables stop at the mesure level.
    expect(lines.some((l) => l.trimStart().startsWith('6.1.1.1 '))).toBe(false);
  });

  it('aligns columns whatever the accents, and cuts long names with …', () => {
    const header = lines.findIndex((l) => l.startsWith('Identifiant'));
    const table = lines.slice(header, header + 5);
    const widths = table.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(plain).toContain('    Développer une stratégie partenariale multi…  ');
    // The same name with a decomposed é (e + U+0301) lines up with the NFC one.
    const ev = evaluation611();
    const ref = referentiel611();
    ref.actions.get('cae_6.1')!.nom = 'Stratégie'.normalize('NFD');
    ref.actions.get('cae_6.1.1')!.nom = 'Stratégie'.normalize('NFC');
    const out = renderText(ev, ref, { color: false }).split('\n');
    const a = out.find((l) => l.trimStart().startsWith('6.1 '))!;
    const b = out.find((l) => l.trimStart().startsWith('6.1.1 '))!;
    expect(a.indexOf('Stratégie')).toBe(b.indexOf('Stratégie') - 2);
    expect(displayWidth(a)).toBe(displayWidth(b));
  });

  it('lists the unmet criteria and the constats', () => {
    expect(plain).toContain('Critères de la troisième étoile : 0 remplis, 1 non remplis');
    expect(plain).toContain('✗ 6.1.1.3.5 partenariats « significatifs » & <multi-acteurs> (non rempli) : 50,00 % fait (minimum 100 %), 75,00 % fait + programmé (minimum 100 %)');
    expect(plain).toContain('2 critères non applicables');
    expect(plain).toContain('[avertissement] Le statut « fait » de 6.1.1.3.5 contredit les preuves');
    expect(plain).toContain('preuve-contredit-statut ; 6.1.1.3.5, dossier /statuts/6.1.1.3.5');
  });

  it('uses ANSI codes only with color: true, and the text is otherwise the same', () => {
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(ESC);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('marks a non concerné row and handles the highest étoile and an empty report', () => {
    const ev: EvaluationJson = evaluation611();
    ev.etoile = { ...ev.etoile, etoile: 5, label: 'cinquième étoile', prochaine: null, criteres: [], criteresNonRemplis: [], complet: true };
    ev.constats = [];
    ev.scores['cae_6.1']!.concerne = false;
    const out = renderText(ev, referentiel611(), { color: false });
    expect(out).toContain('★★★★★ cinquième étoile');
    expect(out).toContain('étoile la plus haute atteinte');
    expect(out).toContain('tous les critères applicables sont remplis');
    expect(out).toContain('aucun constat');
    expect(out.split('\n').find((l) => l.trimStart().startsWith('6.1 '))).toMatch(/non concerné$/);
  });

  it('renders every mesure of a référentiel of the size of CAE (1,471 nodes; speed: render.bench.ts)', () => {
    const { referentiel, evaluation } = bigFixture();
    const out = renderText(evaluation, referentiel, { color: true });
    expect(out.match(/Mesure \d « énergie »/g)).toHaveLength(72);
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the width, … included', () => {
    expect(truncate('Énergie', 7)).toBe('Énergie');
    expect(truncate('Énergie', 4)).toBe('Éne…');
    expect(displayWidth(truncate('é'.normalize('NFD').repeat(10), 5))).toBe(5);
  });
});
