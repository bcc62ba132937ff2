-- The totals of a list (docs/ADAPTERS.md "Totals of what is listed"; server/src/store/read.ts):
-- one GROUP BY currency over every matching row. This index carries what it sums, so that an
-- operator's whole list, or one filtered by status, is summed by an index-only scan instead of
-- reading every row (docs/PERFORMANCE.md, "Reference server at 1,000,000 invoices").
CREATE INDEX invoices_reseller_totals ON invoices (reseller_id, status) INCLUDE (currency, total_minor, reporting_currency, reporting_minor);
