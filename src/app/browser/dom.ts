/** A small element builder: text is always set as text, never parsed as HTML. */
export type Enfant = Node | string | null | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean> = {}, ...enfants: Enfant[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    node.setAttribute(k, v === true ? '' : v);
  }
  for (const e of enfants) if (e !== null && e !== false) node.append(e);
  return node;
}

/** A labelled control: `<label for>` and the control, for screen readers and the keyboard. */
export function champ(libelle: string, controle: HTMLElement): HTMLElement {
  return el('div', { class: 'champ' }, el('label', { for: controle.id }, libelle), controle);
}

export function options(select: HTMLSelectElement, choix: readonly (readonly [string, string])[], valeur: string): HTMLSelectElement {
  for (const [v, texte] of choix) select.append(el('option', { value: v, selected: v === valeur }, texte));
  return select;
}
