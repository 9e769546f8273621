#!/usr/bin/env node
// Thin launcher: the CLI is bundled in dist/cae/ (`npm run build`, run by `npm ci` via `prepare`).
let main;
try {
  ({ main } = await import('../dist/cae/main.js'));
} catch (error) {
  process.stderr.write(`cae : la version compilée est absente ou incomplète (dist/) ; lancez « npm run build » [installation-incomplete]\n${process.env.CAE_DEBUG ? `${error?.stack}\n` : ''}`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
