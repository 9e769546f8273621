import type { Referentiel } from './model.js';

/** The action's id, then its parent's, up to the root. */
export function* selfAndAncestors(referentiel: Referentiel, actionId: string): Generator<string> {
  for (let id: string | null = actionId; id !== null; id = referentiel.actions.get(id)?.parentId ?? null) yield id;
}
