/**
 * The self-assessment page as one HTML file: the bundle as inline JSON data, the page's script and
 * style inline, and a Content-Security-Policy that allows those two by hash and nothing else (no
 * network: `default-src 'none'`, `connect-src 'none'`). Pure: the caller gives the hash function.
 */
import { escapeHtml } from '../report/html-escape.js';

export interface PageApp {
  /** Shown in the title: the référentiel's name. */
  titre: string;
  /** The `label-cae/bundle@2` value, as JSON text. */
  bundleJson: string;
  /** The page's script (the engine and the glue, bundled at build time). */
  script: string;
  style: string;
  /** SHA-256 of a text, in base64 (node:crypto in the CLI): the CSP allows the inline code by hash. */
  sha256Base64: (text: string) => string;
}

/** JSON inside `<script type="application/json">`: `<` escaped, so no `</script>` can end it. */
export const jsonPourScript = (json: string): string => json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function renderAppPage(page: PageApp): string {
  const script = page.script.replace(/<\/script/gi, '<\\/script');
  const style = page.style.replace(/<\/style/gi, '<\\/style');
  const csp = `default-src 'none'; script-src 'sha256-${page.sha256Base64(script)}'; style-src 'sha256-${page.sha256Base64(style)}'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Autoévaluation — ${escapeHtml(page.titre)}</title>
<style>${style}</style>
</head>
<body>
<main id="app" aria-live="off"><p>Chargement de l’autoévaluation…</p><noscript>Cette page a besoin de JavaScript (rien n’est envoyé sur le réseau).</noscript></main>
<script id="cae-bundle" type="application/json">${jsonPourScript(page.bundleJson)}</script>
<script>${script}</script>
</body>
</html>
`;
}
