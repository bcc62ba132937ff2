// What must NOT compile in a host's TypeScript (the Vite, webpack and esbuild fixtures: left out
// of their tsconfig.json, checked with tsconfig.wrong.json). Each `@ts-expect-error` fails tsc
// if the line below it stops being an error; test/package/host-harness.mjs
// (`assertDirectivesBite`) also blanks the directives and checks that tsc then reports exactly
// those lines.
import type { InvoiceTable, InvoiceViewer } from 'invoice-elements';

declare const table: InvoiceTable;
declare const viewer: InvoiceViewer;

// @ts-expect-error a property of the wrong type (a string where a number goes)
table.pageSize = 'ten';
// @ts-expect-error a number where the invoice id (a string) goes
viewer.invoiceId = 42;
// @ts-expect-error a detail field that does not exist
table.addEventListener('invoice-open', (event) => event.detail.documentNumber);
// @ts-expect-error a detail used as the wrong type
viewer.addEventListener('invoice-download', (event) => event.detail.filename.toFixed(2));
