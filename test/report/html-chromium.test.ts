/**
 * The HTML report in a real browser: Debian's headless Chromium (`apt-get install chromium`, as
 * .ci/run does) renders it to a screenshot, decoded here to check it is not blank, and dumps the DOM
 * to check the radar and the tables made it into the rendered page. Skipped, visibly, without
 * /usr/bin/chromium. Never downloads a browser.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render-html.js';
import { evaluation611, referentiel611 } from './fixtures.js';
import { crop, decodePng, pixelStats, type Image } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n[label-cae] ${CHROMIUM} absent (apt-get install chromium) : le test du rapport HTML dans Chromium est ignoré.\n`);

const run = promisify(execFile);

function chromiumArgs(profile: string, extra: string[], url: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--window-size=1200,2000',
    ...extra,
    url,
  ];
}

/** Pixels of exactly this colour. */
function countColor(image: Image, hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let n = 0;
  for (let p = 0; p < image.width * image.height; p++) {
    if (image.data[p * 4] === r && image.data[p * 4 + 1] === g && image.data[p * 4 + 2] === b) n++;
  }
  return n;
}

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  let dir = '';
  let screenshot: Image;
  let dom = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'label-cae-html-'));
    const file = join(dir, 'rapport.html');
    writeFileSync(file, renderHtml(evaluation611(), referentiel611()), 'utf8');
    const url = pathToFileURL(file).href;
    const png = join(dir, 'capture.png');
    const [, dumped] = await Promise.all([
      run(CHROMIUM, chromiumArgs(join(dir, 'profil-capture'), [`--screenshot=${png}`], url), { timeout: 90_000 }),
      run(CHROMIUM, chromiumArgs(join(dir, 'profil-dom'), ['--dump-dom'], url), { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }),
    ]);
    dom = dumped.stdout;
    screenshot = decodePng(readFileSync(png));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders a screenshot of the window size that is not blank', () => {
    expect(screenshot.width).toBe(1200);
    expect(screenshot.height).toBe(2000);
    const stats = pixelStats(screenshot);
    expect(stats.distinctColors).toBeGreaterThan(200); // text antialiasing, charts, stars
    expect(stats.nonWhiteRatio).toBeGreaterThan(0.03);
    expect(stats.nonWhiteRatio).toBeLessThan(0.6);
    // The top of the page holds the title: not empty either.
    expect(pixelStats(crop(screenshot, 0, 0, 1200, 120)).nonWhiteRatio).toBeGreaterThan(0.01);
  });

  it('paints the charts: the fait green, the programmé blue and the gold of the stars', () => {
    expect(countColor(screenshot, '#2e7d32')).toBeGreaterThan(2000); // bars and gauge
    expect(countColor(screenshot, '#1565c0')).toBeGreaterThan(300);
    expect(countColor(screenshot, '#f2b01e')).toBeGreaterThan(500); // 3 filled stars
  });

  it('has the radar <svg> with its axis labels, its legend and the tables in the rendered DOM', () => {
    expect(dom).toMatch(/<html lang="fr">/);
    expect(dom).toMatch(/<svg viewBox="0 0 720 560"[^>]*class="radar-svg"/);
    const labels = [...dom.matchAll(/<text class="radar-label"[^>]*><tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(labels).toEqual(['6.1.1.1', '6.1.1.2', '6.1.1.3', '6.1.1.5']);
    expect(dom).toContain('% fait + programmé');
    expect(dom).toContain('<table class="scores detail">');
    expect(dom).toContain('<td class="id">6.1.1.3.5</td>');
    expect(dom).not.toMatch(/<script/i);
  });
});
