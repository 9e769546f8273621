import { describe, expect, it } from 'vitest';
import { bigFixture, buildReferentiel, evaluation611, referentiel611 } from '../../test/report/fixtures.js';
import { chooseRadarSubjects, wrapLabel } from './radar-chart.js';
import { escapeHtml } from './html-escape.js';
import { renderHtml } from './render-html.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';

/** Every value of a src/href/xlink:href/action/poster attribute (inside tags) and every CSS url(). */
function references(html: string): string[] {
  const tags = (html.match(/<[a-zA-Z][^>]*>/g) ?? []).join('\n');
  const attrs = [...tags.matchAll(/\s(?:src|href|xlink:href|action|poster|srcset|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[2] ?? m[3] ?? m[4] ?? '');
  const urls = [...html.matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((m) => m[1]!);
  const imports = [...html.matchAll(/@import\s+['"]?([^'";\s]+)/gi)].map((m) => m[1]!);
  return [...attrs, ...urls, ...imports];
}

describe('renderHtml', () => {
  const html = renderHtml(evaluation611(), referentiel611());

  it('is one French UTF-8 document with inline CSS and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).toMatch(/@media print \{[^]*break-inside: avoid/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('loads nothing from the network: no URL in src/href, CSS url() or @import (links inside the page only)', () => {
    const refs = references(html);
    expect(refs.filter((r) => !r.startsWith('#'))).toEqual([]);
    // The table of contents links to sections of the same page, every one of which exists.
    for (const r of refs) expect(html).toContain(`id="${r.slice(1)}"`);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  });

  it('escapes names, labels and messages (a <script> in a name stays text)', () => {
    const ref = referentiel611();
    ref.actions.get('cae_6.1.1.2')!.nom = '<script>alert("x")</script> & \'co\'';
    ref.actions.get('cae_6.1.1')!.nom = '<img src="http://evil.example/x.png">';
    const ev = evaluation611();
    ev.constats[0]!.message = '<b>gras</b> & co';
    const out = renderHtml(ev, ref);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(out).toContain('&lt;b&gt;gras&lt;/b&gt; &amp; co');
    expect(references(out).filter((r) => !r.startsWith('#'))).toEqual([]);
    // The criterion label of the fixture holds < > & and quotes too.
    expect(out).toContain('partenariats « significatifs » &amp; &lt;multi-acteurs&gt;');
    expect(escapeHtml('a"b\'c')).toBe('a&quot;b&#39;c');
  });

  it('shows the summary, the étoile gauge with the thresholds and the current %', () => {
    expect(html).toContain('<strong>3,561</strong> points faits sur <strong>6</strong> points potentiels, soit <strong class="pct">59,34 %</strong>');
    expect(html).toContain('il manque <strong>0,339 point fait</strong>');
    for (const seuil of ['0 %', '35 %', '50 %', '65 %', '75 %']) expect(html).toContain(`>${seuil}</text>`);
    expect(html.match(/class="etoile atteinte"/g)).toHaveLength(3);
    expect(html.match(/class="etoile"/g)).toHaveLength(2);
    expect(html).toContain('>59,34 % fait</text>');
  });

  it('draws a radar of the sous-actions when the référentiel has a single axe, and says so', () => {
    expect(html).toContain('<svg viewBox="0 0 720 560"');
    expect(html).toContain("Le référentiel ne compte qu&#39;un axe concerné : le radar montre les 4 sous-actions de la mesure 6.1.1.");
    const labels = [...html.matchAll(/<text class="radar-label"[^>]*><tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(labels).toEqual(['6.1.1.1', '6.1.1.2', '6.1.1.3', '6.1.1.5']); // 6.1.1.4 is non concerné
    expect(html).toContain('% fait + programmé</li>');
    expect(html).toMatch(/class="serie-fait" points="[^"]+"/);
  });

  it('has a table per mesure with its sous-actions and tâches, golden cells included', () => {
    expect(html).toContain('<section class="mesure" id="mesure-6.1.1">');
    const row = html.match(/<tr class="niveau-tache[^"]*"><td class="id">6\.1\.1\.3\.1<\/td>.*<\/tr>/)![0];
    const nums = [...row.matchAll(/<td class="num[^"]*">([^<]*)(?:<small>([^<]*)<\/small>)?<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(nums).toEqual([['0,431', undefined], ['0,216', '50,00 %'], ['0,108', '25,00 %'], ['0,108', '25,00 %'], ['0', '0,00 %']]);
    expect(html).toMatch(/<td class="id">6\.1\.1\.4<\/td><td class="nom">[^<]*<\/td><td class="statut">[^<]*<\/td><td class="num">0<\/td><td colspan="4" class="non-concerne">non concerné<\/td>/);
    expect(html).toContain('preuve-contredit-statut');
  });

  it('uses the axes when there are 3 or more, and a 2-axe référentiel falls back to sous-axes', () => {
    const three = buildReferentiel('cae', 'Trois', [1, 2, 3].map((i) => ({ identifiant: `${i}`, nom: `Axe ${i}`, points: 10, children: [{ identifiant: `${i}.1`, nom: 'x', points: 10 }] })));
    expect(chooseRadarSubjects(evaluation611(), three)).toMatchObject({ niveau: 'axe', note: null });
    const two = buildReferentiel('cae', 'Deux', [1, 2].map((i) => ({
      identifiant: `${i}`, nom: `Axe ${i}`, points: 10,
      children: [{ identifiant: `${i}.1`, nom: 'a', points: 5 }, { identifiant: `${i}.2`, nom: 'b', points: 5 }],
    })));
    const s = chooseRadarSubjects(evaluation611(), two);
    expect(s.niveau).toBe('sous-axe');
    expect(s.nodes.map((n) => n.identifiant)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(s.note).toBe('Le référentiel ne compte que 2 axes concernés : le radar montre les 4 sous-axes.');
    // A single axe with a single leaf: the chart still renders, with one spoke.
    const one = buildReferentiel('cae', 'Un', [{ identifiant: '1', nom: 'Seul', points: 1 }]);
    const ev: EvaluationJson = { ...evaluation611(), scores: {} };
    const out = renderHtml(ev, one);
    expect(out).toContain('Le référentiel ne compte qu&#39;un axe concerné.');
    expect(out).toContain('<polyline');
  });

  it('wraps radar labels on 2 lines and cuts them with …', () => {
    expect(wrapLabel('Identifier les acteurs clés à associer', 24)).toEqual(['Identifier les acteurs', 'clés à associer']);
    expect(wrapLabel('Mettre en place des actions au niveau international', 24)).toEqual(['Mettre en place des', 'actions au niveau…']);
    expect(wrapLabel('Anticonstitutionnellementissime', 10)).toEqual(['Anticonst…']);
  });

  it('renders every mesure of a CAE-sized référentiel (speed: render.bench.ts)', () => {
    const { referentiel, evaluation } = bigFixture();
    const out = renderHtml(evaluation, referentiel);
    expect(out.match(/<section class="mesure"/g)).toHaveLength(72);
  });
});
