/** Rendering cost of the text and HTML reports on a référentiel of the size of CAE (1,471 nodes). */
import { bench, describe } from 'vitest';
import { bigFixture } from '../../test/report/fixtures.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';

describe('reports, CAE-sized référentiel (1,471 nodes)', () => {
  const { referentiel, evaluation } = bigFixture();
  bench('renderText, coloured', () => {
    renderText(evaluation, referentiel, { color: true });
  });
  bench('renderHtml', () => {
    renderHtml(evaluation, referentiel);
  });
});
