/**
 * `cae` entry point: dispatches to one module per command. The CLI is a thin shell over the
 * public API (src/): it parses arguments, reads files, calls the API and formats the output.
 */
import { type CliIo, EXIT_USAGE, UsageError, processIo } from './io.js';
import { commands } from './commands/index.js';
import { VERSION } from './version.js';

const GENERAL_HELP = `cae ${VERSION} — autoévaluation et notation du Label Climat Air Énergie

Usage : cae <commande> [options]

Commandes :
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Options générales :
  -h, --help     affiche l'aide (aussi : cae <commande> --help)
  -v, --version  affiche la version

Sans --referentiel, le référentiel embarqué (mesure 6.1.1) est utilisé.
Codes de sortie : 0 terminé, 1 constats ou dossier invalide, 2 erreur d'usage ou fichier illisible.
`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command is a usage error: the help goes with the diagnostics.
    io.stderr(GENERAL_HELP);
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(GENERAL_HELP);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`cae : commande inconnue « ${name} » [commande-inconnue]\n\n${GENERAL_HELP}`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cae ${name} : ${error.message} [${error.code}]\n`);
      return error.exitCode;
    }
    // Node's parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`cae ${name} : option invalide — ${(error as Error).message} [option-invalide]\nVoir : cae ${name} --help\n`);
      return EXIT_USAGE;
    }
    // Never a stack trace for users; CAE_DEBUG=1 shows it to developers.
    io.stderr(`cae ${name} : erreur interne — ${error instanceof Error ? error.message : String(error)} [erreur-interne]\n`);
    if (io.env.CAE_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
