// Part of `npm run build`: bundles the self-assessment page (src/app/browser/main.ts, with the
// engine) into dist/app/page.js, and copies its style, for `cae app` to inline. Built for the
// browser: yaml-library takes its browser variant, as the `browser` field maps it in dist/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('build-app : esbuild absent (dépendance de développement) ; la page de cae app n’est pas construite [esbuild-absent]\n');
  process.exit(1);
}
const browserYaml = {
  name: 'yaml-library-browser',
  setup(build) {
    build.onResolve({ filter: /\/yaml-library\.js$/ }, (args) => ({ path: join(args.resolveDir, 'yaml-library.browser.ts') }));
  },
};
mkdirSync(join(root, 'dist', 'app'), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src', 'app', 'browser', 'main.ts')],
  outfile: join(root, 'dist', 'app', 'page.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  plugins: [browserYaml],
  logLevel: 'warning',
});
copyFileSync(join(root, 'src', 'app', 'browser', 'style.css'), join(root, 'dist', 'app', 'page.css'));
