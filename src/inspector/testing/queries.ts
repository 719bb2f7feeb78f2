/** Finds elements the way a screen reader names them: by role and accessible name, not by class. */
const IMPLICIT: Record<string, string> = {
  BUTTON: 'button',
  SELECT: 'combobox',
  TABLE: 'table',
  A: 'link',
  OL: 'list',
  UL: 'list',
  LI: 'listitem',
  H2: 'heading',
  H3: 'heading',
};

export const roleOf = (el: Element): string => el.getAttribute('role') ?? IMPLICIT[el.tagName] ?? '';

/** aria-label, aria-labelledby, a wrapping label's own text, or the text. */
export const nameOf = (el: Element): string => {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(' ')
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  const wrap = el.closest('label');
  if (wrap && wrap !== el) return wrap.querySelector('span')?.textContent ?? '';
  return el.textContent?.trim() ?? '';
};

export const allByRole = (root: ParentNode, role: string, name?: string | RegExp): Element[] =>
  [...root.querySelectorAll('*')].filter(
    (el) =>
      roleOf(el) === role &&
      (name === undefined || (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el)))),
  );

export const byRole = (root: ParentNode, role: string, name?: string | RegExp): HTMLElement => {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`${found.length} elements with role ${role} and name ${String(name)}`);
  return found[0] as HTMLElement;
};
