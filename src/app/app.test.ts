import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { texteScore } from './arbre.js';
import { detailleFromPourcents, dossierText, withCollectivite, withReponse, withStatut } from './dossier-edit.js';
import { jsonPourScript, renderAppPage } from './page-html.js';

describe('dossier edits', () => {
  it('set and remove statuts, answers and collectivité fields, immutably', () => {
    const d0 = { referentiel: 'cae' };
    const d1 = withStatut(d0, '6.1.1.2', 'fait');
    expect(d0).toEqual({ referentiel: 'cae' });
    expect(d1.statuts).toEqual({ '6.1.1.2': 'fait' });
    expect(withStatut(d1, '6.1.1.2', null)).toEqual({ referentiel: 'cae' });
    expect(withReponse(d0, 'q', 'OUI').reponses).toEqual({ q: 'OUI' });
    expect(withCollectivite(withCollectivite(d0, 'type', 'EPCI'), 'type', null)).toEqual({ referentiel: 'cae' });
    expect(dossierText(d1).endsWith('}\n')).toBe(true);
  });

  it('détaillé from percentages: exact decimals, or null', () => {
    expect(detailleFromPourcents('50', '25', '25')).toEqual({ fait: 0.5, programme: 0.25, pas_fait: 0.25 });
    expect(detailleFromPourcents('12,5', '37.5', '50')).toEqual({ fait: 0.125, programme: 0.375, pas_fait: 0.5 });
    expect(detailleFromPourcents('abc', '0', '0')).toBeNull();
  });
});

describe('page', () => {
  it('inline JSON cannot close its script element', () => {
    expect(jsonPourScript('{"a":"</script><b>"}')).not.toContain('</script');
  });

  it('one file, a CSP that allows the inline code by hash and no network', () => {
    const sha = (t: string) => createHash('sha256').update(t).digest('base64');
    const html = renderAppPage({ titre: 'CAE <test>', bundleJson: '{"x":"</script>"}', script: 'console.log("</script>")', style: 'body{}', sha256Base64: sha });
    expect(html).toContain(`script-src &#39;sha256-${sha('console.log("<\\/script>")')}&#39;`);
    expect(html).toContain("default-src &#39;none&#39;");
    expect(html).toContain('connect-src &#39;none&#39;');
    expect(html).toContain('CAE &lt;test&gt;');
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('tree rows', () => {
  it('texteScore in French', () => {
    const s = { pointFait: 1.5, pointPotentiel: 3, ratioFait: 0.5, concerne: true, desactive: false } as never;
    expect(texteScore(s)).toBe('1,5 / 3 pts · 50 %');
  });
});
