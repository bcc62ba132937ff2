-- 1,000,000 invoices for the reference server's benchmark (bench/server.mjs), in one statement
-- each, by generate_series: 2,000 customers of reseller-1 (reseller-2 gets 200 more, whose 100,000
-- invoices an operator of reseller-1 must not see), 48 billing months, 3 currencies with a USD
-- reporting total, 3 providers, statuses DRAFT 10% / OPEN 50% / CLOSED 30% / VOID 10%.
-- The rows carry what the list and the viewer read (summary fields in `body`, no lines).

INSERT INTO resellers (id, name) VALUES ('reseller-1', 'Acme Cloud Marketplace'), ('reseller-2', 'Nimbus Partners GmbH')
ON CONFLICT (id) DO NOTHING;

INSERT INTO customers (id, reseller_id, name, email, data)
SELECT 'bc-' || g, CASE WHEN g > 2000 THEN 'reseller-2' ELSE 'reseller-1' END,
  n, 'billing' || g || '@example.com',
  jsonb_build_object('id', 'bc-' || g, 'name', n, 'email', 'billing' || g || '@example.com')
FROM generate_series(1, 2200) AS g,
  LATERAL (SELECT (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'])[1 + g % 8]
    || ' ' || (ARRAY['Labs', 'Retail', 'Logistics', 'Health', 'Media'])[1 + (g / 8) % 5]
    || ' ' || lpad(g::text, 4, '0') AS n) AS x;

INSERT INTO invoices (id, reseller_id, customer_id, document_id, customer_name, provider_id,
  provider_name, period_from, period_to, status, currency, total_minor, reporting_currency,
  reporting_minor, generated_at, version, history, body)
SELECT 'inv_b' || g, r, 'bc-' || c, doc, cn, p, pn, m, m, s, cur, t, 'USD', rt, gen, 1, '[]'::jsonb,
  jsonb_build_object(
    'documentId', doc,
    'customer', jsonb_build_object('id', 'bc-' || c, 'name', cn, 'email', 'billing' || c || '@example.com'),
    'provider', jsonb_build_object('id', p, 'name', pn),
    'period', jsonb_build_object('from', m, 'to', m),
    'total', jsonb_build_object('minor', t, 'currency', cur),
    'reportingTotal', jsonb_build_object('minor', rt, 'currency', 'USD'),
    'generatedAt', to_char(gen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'lines', '[]'::jsonb)
FROM generate_series(1, 1000000) AS g,
  LATERAL (SELECT 1 + (g::bigint * 7919) % 2200 AS c, g % 48 AS mi, (g::bigint * 104729) % 9999900 + 100 AS t) AS a,
  LATERAL (SELECT CASE WHEN c > 2000 THEN 'reseller-2' ELSE 'reseller-1' END AS r,
    to_char(date '2023-01-01' + make_interval(months => mi), 'YYYY-MM') AS m,
    date '2023-02-01' + make_interval(months => mi, hours => g % 240) AS gen,
    (ARRAY['aws', 'microsoft', 'google'])[1 + g % 3] AS p,
    (ARRAY['AWS', 'Microsoft', 'Google Cloud'])[1 + g % 3] AS pn,
    (ARRAY['USD', 'EUR', 'BRL'])[1 + (g / 3) % 3] AS cur,
    CASE WHEN g % 10 = 0 THEN 'DRAFT' WHEN g % 10 < 6 THEN 'OPEN' WHEN g % 10 < 9 THEN 'CLOSED' ELSE 'VOID' END AS s) AS b,
  LATERAL (SELECT 'INV-' || substr(m, 1, 4) || '-' || lpad(g::text, 7, '0') AS doc,
    (SELECT name FROM customers WHERE id = 'bc-' || c) AS cn,
    CASE cur WHEN 'USD' THEN t WHEN 'EUR' THEN t * 108 / 100 ELSE t * 18 / 100 END AS rt) AS d;
