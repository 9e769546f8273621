/**
 * Builds dist/ once before the tests, so end-to-end tests run the real `node bin/cae.js`.
 * Set CAE_SKIP_BUILD=1 to reuse an existing dist/.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.CAE_SKIP_BUILD) return;
  const cwd = fileURLToPath(new URL('../../', import.meta.url));
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd, stdio: 'pipe' });
  } catch (error) {
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    // Do not abort the whole run: end-to-end tests check dist/ themselves and fail visibly.
    console.warn(`[label-cae] npm run build a échoué, les tests de bout en bout utiliseront dist/ tel quel :\n${out}`);
  }
}
