/**
 * Public functions called from plain JavaScript with the wrong kind of argument fail at once,
 * with a `TypeError` that names the function and the argument, instead of deep inside (or, worse,
 * looping or returning a number).
 */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'un tableau';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value === 'object' ? 'un objet' : `${typeof value} ${String(value).slice(0, 40)}`;
}

export function requireArgument(ok: boolean, fonction: string, argument: string, attendu: string, value: unknown): void {
  if (!ok) throw new TypeError(`${fonction} : argument ${argument} invalide (${describe(value)}), attendu ${attendu}`);
}

export const isReferentielLike = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { actions?: unknown }).actions instanceof Map && typeof (value as { root?: unknown }).root === 'object';
