/**
 * The default printer of the print export: a module of its own because `<download-menu>`
 * names it as its `printWindow` hook up front, while the print code (print.ts) loads only
 * when a user prints. No Lit here.
 */

/** The default printer: `print()`, resolving when the browser says printing is over. */
export function defaultPrint(win: Window): Promise<void> {
  return new Promise((resolve) => {
    win.addEventListener('afterprint', () => resolve(), { once: true });
    win.print();
    // Chromium's print() returns after the dialog closed, having fired afterprint already.
  });
}
