// @lit/react wrappers: what must NOT compile (see tags.wrong.tsx).
import { InvoiceTable, StatusUpdater } from 'invoice-elements/react';

export const wrong = (
  <>
    {/* @ts-expect-error a property of the wrong type */}
    <InvoiceTable pageSize="ten" />
    {/* @ts-expect-error a detail field that does not exist */}
    <InvoiceTable onInvoiceOpen={(event) => event.detail.documentNumber} />
    {/* @ts-expect-error an event of another element */}
    <StatusUpdater onInvoiceOpen={() => undefined} />
  </>
);
