/** DOM helpers shared by the reliability and security suites: deep queries through shadow roots. */
import { waitUntil } from './wait.js';

/** Every element under `root`, descending into open shadow roots (hosts included). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element) out.push(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

/** The first element matching `selector` anywhere under `root`, shadow roots included. */
export function deepQuery<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T | null {
  return (deepElements(root).find((el) => el.matches(selector)) as T | undefined) ?? null;
}

export function deepQueryAll<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T[] {
  return deepElements(root).filter((el) => el.matches(selector)) as T[];
}

/** Text with white space collapsed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether an element is rendered (has a box and is not inside a closed `<dialog>` or hidden). */
export function isVisible(el: Element | null | undefined): boolean {
  if (!el) return false;
  const html = el as HTMLElement;
  if (html.closest('[hidden]')) return false;
  const dialog = html.closest('dialog');
  if (dialog && !dialog.open) return false;
  const rect = html.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** A visible button (anywhere, shadow roots included) whose text is `label`. */
export function buttonNamed(root: ParentNode, label: string | RegExp): HTMLButtonElement | null {
  const matches = (t: string) => (typeof label === 'string' ? t === label : label.test(t));
  return (
    deepQueryAll<HTMLButtonElement>(root, 'button').find((b) => matches(text(b)) && isVisible(b)) ??
    null
  );
}

/** The live regions' text (role=status and role=alert), shadow roots included. */
export function announced(root: ParentNode): string {
  return deepQueryAll(root, '[role="status"], [role="alert"]')
    .map((el) => text(el))
    .filter(Boolean)
    .join(' | ');
}

/** Waits until `predicate` holds, failing with `message` after `timeout` ms. */
export async function until(
  predicate: () => boolean,
  message: string,
  timeout = 3000,
): Promise<void> {
  await waitUntil(predicate, message, { timeout, interval: 10 });
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sets an input's value as typing does (an `input` event). */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Chooses an option of a native select (a `change` event). */
export function chooseOption(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
