// React 19 JSX: what must NOT compile. Each `@ts-expect-error` fails the check if the line
// below it stops being an error; test/package/host-types.test.mjs also removes the directives
// and checks that tsc then reports each line.
import type {} from 'invoice-elements/react-jsx';

export const wrong = (
  <div>
    {/* @ts-expect-error a property of the wrong type */}
    <invoice-table pageSize="ten" />
    {/* @ts-expect-error an object where a number goes (the attribute) */}
    <invoice-table page-size={{ wrong: true }} />
    {/* @ts-expect-error a value outside the union */}
    <invoice-viewer flow="sometimes" />
    {/* @ts-expect-error a read-only property is not settable */}
    <download-menu formats={['pdf']} />
    {/* @ts-expect-error a detail field that does not exist */}
    <invoice-table oninvoice-open={(event) => event.detail.documentNumber} />
    {/* @ts-expect-error a handler expecting another detail */}
    <invoice-table oninvoice-open={(event: CustomEvent<{ invoice: number }>) => event} />
    {/* @ts-expect-error a number where the id (a string) goes */}
    <status-updater invoiceId={42} />
    {/* @ts-expect-error a property of another element */}
    <status-updater pageSize={50} />
  </div>
);
