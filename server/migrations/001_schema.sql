-- The reference server's schema (server/README.md). Applied once by server/src/db/migrate.ts and
-- recorded in schema_migrations. Same SQL on PGlite and on PostgreSQL.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Collations, the same on PGlite and PostgreSQL whatever the server's locale: ids and document
-- IDs compare by code point ("C"), names as a person reads them (ICU's root collation, the
-- order of Intl.Collator('en') in src/adapters/memory/query.ts).

-- Who sells: an operator token belongs to one reseller and sees only its customers.
CREATE TABLE resellers (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY,
  reseller_id text NOT NULL REFERENCES resellers (id),
  name text COLLATE "und-x-icu" NOT NULL,
  email text,
  -- The Customer of the contract, whole (address, taxId…).
  data jsonb NOT NULL,
  fixture boolean NOT NULL DEFAULT false
);
CREATE INDEX customers_reseller_name ON customers (reseller_id, name, id);
-- The search text of a customer (name, id, e-mail), folded by ICU so that accented capitals
-- fold too; the same expression as server/src/store/read.ts.
CREATE INDEX customers_search ON customers USING gin (
  (lower(name || ' ' || (id COLLATE "und-x-icu") || ' ' || coalesce(email, ''))) gin_trgm_ops
);

-- The statuses and the default transition table. Never back to DRAFT: no row may name it as a
-- target, and the trigger below refuses it even when an invoice's own targets would allow it.
CREATE TABLE invoice_statuses (
  status text PRIMARY KEY,
  rank smallint NOT NULL UNIQUE
);
INSERT INTO invoice_statuses (status, rank) VALUES ('DRAFT', 0), ('OPEN', 1), ('VOID', 2), ('CLOSED', 3);

CREATE TABLE status_transitions (
  from_status text NOT NULL REFERENCES invoice_statuses (status),
  to_status text NOT NULL REFERENCES invoice_statuses (status),
  PRIMARY KEY (from_status, to_status),
  CONSTRAINT never_back_to_draft CHECK (to_status <> 'DRAFT')
);
INSERT INTO status_transitions (from_status, to_status) VALUES ('DRAFT', 'OPEN'), ('OPEN', 'VOID'), ('OPEN', 'CLOSED');

CREATE TABLE invoices (
  id text COLLATE "C" PRIMARY KEY,
  reseller_id text NOT NULL REFERENCES resellers (id),
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  -- Columns for filtering and sorting; the invoice itself is `body`.
  document_id text COLLATE "C" NOT NULL,
  customer_name text COLLATE "und-x-icu" NOT NULL,
  provider_id text COLLATE "C" NOT NULL,
  provider_name text COLLATE "und-x-icu" NOT NULL,
  period_from text NOT NULL,
  period_to text NOT NULL,
  status text NOT NULL REFERENCES invoice_statuses (status),
  status_rank smallint GENERATED ALWAYS AS (
    CASE status WHEN 'DRAFT' THEN 0 WHEN 'OPEN' THEN 1 WHEN 'VOID' THEN 2 WHEN 'CLOSED' THEN 3 END
  ) STORED,
  currency text NOT NULL,
  total_minor bigint NOT NULL,
  reporting_currency text,
  reporting_minor bigint,
  generated_at timestamptz NOT NULL,
  -- Opaque to clients as "v<n>"; every write adds one.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Per-invoice targets that narrow or widen the table; never DRAFT.
  allowed_targets text[] CHECK (allowed_targets IS NULL OR NOT ('DRAFT' = ANY (allowed_targets))),
  history jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The Invoice of the contract without status, version, history and allowedTargets.
  body jsonb NOT NULL,
  -- Made through the conformance fixture endpoints (removed by DELETE /conformance/invoices).
  fixture boolean NOT NULL DEFAULT false,
  CONSTRAINT period_order CHECK (period_from <= period_to),
  CONSTRAINT reporting_pair CHECK ((reporting_currency IS NULL) = (reporting_minor IS NULL))
);

-- Listing: every list is scoped to a reseller (operator) or a customer (customer token), then
-- filtered by period, status, provider and text, and sorted by one key with documentId, id ties.
CREATE INDEX invoices_reseller_period ON invoices (reseller_id, period_from DESC, period_to DESC, document_id, id);
CREATE INDEX invoices_customer_period ON invoices (customer_id, period_from DESC, period_to DESC, document_id, id);
CREATE INDEX invoices_reseller_document ON invoices (reseller_id, document_id, id);
CREATE INDEX invoices_reseller_customer ON invoices (reseller_id, customer_name, customer_id, document_id, id);
CREATE INDEX invoices_reseller_provider ON invoices (reseller_id, provider_name, provider_id, document_id, id);
CREATE INDEX invoices_reseller_status ON invoices (reseller_id, status_rank, document_id, id);
CREATE INDEX invoices_reseller_total ON invoices (reseller_id, currency, total_minor, document_id, id);
CREATE INDEX invoices_reseller_reporting ON invoices (reseller_id, reporting_minor, document_id, id);
CREATE INDEX invoices_reseller_generated ON invoices (reseller_id, generated_at, document_id, id);
CREATE INDEX invoices_reseller_status_filter ON invoices (reseller_id, status, period_from DESC, period_to DESC);
CREATE INDEX invoices_reseller_provider_filter ON invoices (reseller_id, provider_id, period_from DESC, period_to DESC);
CREATE INDEX invoices_document_text ON invoices USING gin ((lower(document_id)) gin_trgm_ops);
CREATE INDEX invoices_fixture ON invoices (id) WHERE fixture;

-- Transitions enforced by the database as well as by the code: a status change must be in the
-- invoice's own targets (when it has them) or in status_transitions, and never to DRAFT.
CREATE FUNCTION invoices_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    IF NEW.status = 'DRAFT' THEN
      RAISE EXCEPTION 'invoice %: % -> DRAFT: an invoice never goes back to DRAFT', OLD.id, OLD.status
        USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.allowed_targets IS NOT NULL THEN
      IF NOT (NEW.status = ANY (OLD.allowed_targets)) THEN
        RAISE EXCEPTION 'invoice %: % -> % is not among its allowed targets', OLD.id, OLD.status, NEW.status
          USING ERRCODE = 'check_violation';
      END IF;
    ELSIF NOT EXISTS (
      SELECT 1 FROM status_transitions WHERE from_status = OLD.status AND to_status = NEW.status
    ) THEN
      RAISE EXCEPTION 'invoice %: % -> % is not a transition', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER invoices_transition BEFORE UPDATE OF status ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_check_transition();

-- Discard is for drafts only (fixture invoices may be removed whatever their status).
CREATE FUNCTION invoices_check_discard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND NOT OLD.fixture THEN
    RAISE EXCEPTION 'invoice %: only a DRAFT can be discarded (it is %)', OLD.id, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER invoices_discard BEFORE DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_check_discard();

-- Idempotency: the first answer to a key, kept under a unique key per reseller, so a replay on
-- any instance answers it and the change is applied once.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  etag text,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
