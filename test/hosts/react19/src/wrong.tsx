// What must NOT compile in this host (left out of the app's tsconfig.json and build; checked
// with tsconfig.wrong.json). Each `@ts-expect-error` fails `tsc` if the line below it stops
// being an error; the test also blanks the directives and checks that tsc then reports exactly
// those lines.
import type {} from 'invoice-elements/react-jsx';

export const Wrong = () => (
  <main>
    {/* @ts-expect-error a property of the wrong type (a string where a number goes) */}
    <invoice-table pageSize="ten" />
    {/* @ts-expect-error a number where the invoice id (a string) goes */}
    <invoice-viewer invoiceId={42} />
    {/* @ts-expect-error a detail field that does not exist */}
    <invoice-table oninvoice-open={(event) => event.detail.documentNumber} />
    {/* @ts-expect-error a detail used as the wrong type */}
    <download-menu oninvoice-download={(event) => event.detail.filename.toFixed(2)} />
  </main>
);
