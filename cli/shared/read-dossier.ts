/**
 * Reads and validates a dossier file (or stdin), printing every problem as
 * `dossier.json:12:7: erreur [statut-invalide] … (/statuts/6.1.1.1.1)`.
 */
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Dossier } from '../../src/dossier/dossier-schema.js';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { type CliIo, EXIT_FINDINGS, UsageError, readTextInput } from '../io.js';

export async function readDossierOrFail(path: string, io: CliIo): Promise<Dossier> {
  const text = await readTextInput(path, io);
  const { dossier, diagnostics } = parseDossierText(text, path === '-' ? '<stdin>' : path);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}${d.pointer ? ` (${d.pointer || '/'})` : ''}\n`);
  if (!dossier) {
    throw new UsageError('dossier-invalide', `${path === '-' ? '<stdin>' : path} : dossier invalide (${diagnostics.length} problème${diagnostics.length > 1 ? 's' : ''})`, EXIT_FINDINGS);
  }
  return dossier;
}
