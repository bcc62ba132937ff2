-- Listing at 1,000,000 invoices (docs/PERFORMANCE.md, "Reference server at 1,000,000 invoices").
--
-- Descending sorts: the contract breaks ties by documentId then id ascending in both directions
-- (docs/ADAPTERS.md), which a backward scan of an ascending index cannot give; each descending
-- sort gets an index in its own mixed order, and the ascending period sort (the period index of
-- 001 is newest first) its own. Each ends in document_id, id, so that a page's ids come from an
-- index-only scan (server/src/store/read.ts, the deferred join of deep pages).
CREATE INDEX invoices_reseller_document_desc ON invoices (reseller_id, document_id DESC, id);
CREATE INDEX invoices_reseller_customer_desc ON invoices (reseller_id, customer_name DESC, customer_id DESC, document_id, id);
CREATE INDEX invoices_reseller_provider_desc ON invoices (reseller_id, provider_name DESC, provider_id DESC, document_id, id);
CREATE INDEX invoices_reseller_period_asc ON invoices (reseller_id, period_from, period_to, document_id, id);
CREATE INDEX invoices_reseller_status_desc ON invoices (reseller_id, status_rank DESC, document_id, id);
CREATE INDEX invoices_reseller_total_desc ON invoices (reseller_id, currency, total_minor DESC, document_id, id);
CREATE INDEX invoices_reseller_reporting_desc ON invoices (reseller_id, reporting_minor DESC, document_id, id);
CREATE INDEX invoices_reseller_generated_desc ON invoices (reseller_id, generated_at DESC, document_id, id);

-- The default order (newest period first) filtered by status or provider: the status and
-- provider ride along in the index, so that skipping to a deep page filters index entries
-- without reading the rows (a filter column first would lose the order for `= ANY`).
CREATE INDEX invoices_reseller_period_filters ON invoices (reseller_id, period_from DESC, period_to DESC, document_id, id) INCLUDE (status, provider_id);

-- The exact `total`: the narrowest index over the scope and the status filter, so that the
-- count is an index-only scan of small entries (also for the customer audience's status <> DRAFT).
CREATE INDEX invoices_reseller_status_count ON invoices (reseller_id, status);

-- The sort by total decides between the reporting total and currency-then-amount: every row has
-- a reporting total in one currency. min/max of the currency and "any NULL" read the ends of
-- these indexes instead of scanning every row.
CREATE INDEX invoices_reseller_reporting_currency ON invoices (reseller_id, reporting_currency);
