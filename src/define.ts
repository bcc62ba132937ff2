/**
 * Side-effect entry: registers `<invoice-table>`, `<invoice-viewer>`, `<status-updater>` and
 * `<download-menu>` (skipping tags already defined). Import it once:
 * `import 'invoice-elements/define';`
 */
import { defineInvoiceElements } from './register.js';

defineInvoiceElements();

export * from './index.js';
