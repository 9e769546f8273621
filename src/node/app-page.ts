/**
 * The offline self-assessment page of `cae app`, for Node: the page's script and style bundled at
 * build time (`dist/app/`, scripts/build-app.mjs), hashed for the Content-Security-Policy with
 * node:crypto, around a bundle. The page itself is the pure `src/app/page-html.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAppPage } from '../app/page-html.js';
import type { Bundle } from '../evaluation/bundle.js';
import { packageRoot } from './package-root.js';

/**
 * Thrown when the page's compiled script is absent (`npm run build` not run).
 *
 * @example
 * try { appPageHtml(bundle); } catch (e) { if (e instanceof AppAssetsMissingError) console.error(e.message); }
 */
export class AppAssetsMissingError extends Error {
  readonly code = 'installation-incomplete';
}

const sha256Base64 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The self-contained HTML page where a collectivité assesses itself against `bundle`, offline: the
 * engine and the bundle inlined, nothing loaded from the network. Throws `AppAssetsMissingError`
 * (code `installation-incomplete`) when the package was not built.
 *
 * @example
 * const { bundle } = await buildBundle();
 * await writeFileAtomic('autoevaluation.html', appPageHtml(bundle!));
 */
export function appPageHtml(bundle: Bundle): string {
  const dir = join(packageRoot(), 'dist', 'app');
  let script: string;
  let style: string;
  try {
    script = readFileSync(join(dir, 'page.js'), 'utf8');
    style = readFileSync(join(dir, 'page.css'), 'utf8');
  } catch {
    throw new AppAssetsMissingError('la page compilée (dist/app/page.js) est absente ; lancez « npm run build »');
  }
  const titre = String((bundle.referentiel as { referentiel?: { nom?: unknown } }).referentiel?.nom ?? 'référentiel');
  return renderAppPage({ titre, bundleJson: JSON.stringify(bundle), script, style, sha256Base64 });
}
