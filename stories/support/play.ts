/**
 * Play-function helpers: the stories that show a state reached by interaction (an open dialog,
 * a conflict after OK, an open menu) drive the element the way a user would. The elements
 * render in shadow roots, so parts are found through `shadowRoot`, by their `part` names.
 */
import { userEvent, waitFor } from 'storybook/test';

const TIMEOUT = 8000;

/** Waits for an element matching `selector` in `root` (a shadow root or the canvas). */
export async function find<T extends Element>(
  root: ParentNode | null | undefined,
  selector: string,
): Promise<T> {
  let found: T | null = null;
  await waitFor(
    () => {
      found = root?.querySelector<T>(selector) ?? null;
      if (!found) throw new Error(`Not rendered yet: ${selector}`);
    },
    { timeout: TIMEOUT },
  );
  return found as unknown as T;
}

/** Waits for the part `name` in the shadow root of `host`. */
export async function part<T extends Element = HTMLElement>(
  host: Element,
  name: string,
): Promise<T> {
  await waitFor(
    () => {
      if (!host.shadowRoot) throw new Error('No shadow root yet.');
    },
    { timeout: TIMEOUT },
  );
  return find<T>(host.shadowRoot, `[part~="${name}"]`);
}

/** Waits until the part `name` is rendered and enabled (the element finished loading). */
async function enabled<T extends HTMLButtonElement | HTMLSelectElement>(
  host: Element,
  name: string,
): Promise<T> {
  let found: T | null = null;
  await waitFor(
    () => {
      // Query each time: a loading state may render a disabled stand-in with the same part.
      found = host.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
      if (!found || found.disabled) throw new Error(`${name} is not ready.`);
    },
    { timeout: TIMEOUT },
  );
  return found as unknown as T;
}

/** In a `<status-updater>`: choose `to` and press UPDATE STATUS (the dialog opens). */
export async function openStatusDialog(updater: Element, to: string): Promise<void> {
  const select = await enabled<HTMLSelectElement>(updater, 'select');
  await userEvent.selectOptions(select, to);
  await userEvent.click(await enabled<HTMLButtonElement>(updater, 'button'));
  await part(updater, 'confirm-button');
}

/** In a `<status-updater>`: choose `to`, press UPDATE STATUS, then OK. */
export async function confirmStatusChange(updater: Element, to: string): Promise<void> {
  await openStatusDialog(updater, to);
  await userEvent.click(await part(updater, 'confirm-button'));
}

/** The `<status-updater>` inside an `<invoice-viewer>`. */
export async function updaterIn(viewer: Element): Promise<Element> {
  await part(viewer, 'header');
  return find(viewer.shadowRoot, 'status-updater');
}

/** In a `<download-menu>`: open the menu. */
export async function openDownloadMenu(menu: Element): Promise<void> {
  await userEvent.click(await enabled<HTMLButtonElement>(menu, 'button'));
  await part(menu, 'menu');
}

/** In a `<download-menu>`: open the menu and choose the item whose text contains `label`. */
export async function chooseDownload(menu: Element, label: RegExp): Promise<void> {
  await openDownloadMenu(menu);
  const items = [...(menu.shadowRoot?.querySelectorAll<HTMLElement>('[part~="menuitem"]') ?? [])];
  const item = items.find((i) => label.test(i.textContent ?? ''));
  if (!item) throw new Error(`No menu item matches ${label}.`);
  await userEvent.click(item);
}
