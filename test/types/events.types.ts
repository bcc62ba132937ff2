/**
 * Type tests of the event typings, checked by `npm run typecheck` (never run): each
 * `@ts-expect-error` fails the type check if the line below it compiles, so a typing that
 * stops catching a wrong name or detail breaks the build.
 */
import { InvoiceElement } from '../../src/components/shared/invoice-element.js';
import '../../src/index.js';

// A host's listeners: on an element and on the document.
document.querySelector('invoice-table')?.addEventListener('invoice-open', (e) => {
  const id: string = e.detail.invoiceId;
  // @ts-expect-error the detail has no such field
  void e.detail.invoiceNumber;
  void id;
});
document.addEventListener('invoice-status-change', (e) => {
  const to: string = e.detail.to;
  void to;
});
window.addEventListener('invoice-download', (e) => {
  const source: 'server' | 'browser' = e.detail.source;
  void source;
});

// The base class's emit(): name and detail checked against the event map.
export class Probe extends InvoiceElement {
  fire(): void {
    this.emit('invoice-currency-change', { currency: 'USD' });
    // @ts-expect-error unknown event name
    this.emit('invoice-opened', { invoiceId: 'x' });
    // @ts-expect-error wrong detail for the event
    this.emit('invoice-section-toggle', { section: 'lines' });
    // @ts-expect-error a section that does not exist
    this.emit('invoice-section-toggle', { section: 'footer', open: true });
  }
}
