-- The full invoice model (addresses, items, tax codes, discounts, header charges), connections with their
-- settings and mappings, and the export engine's journal and process log.

ALTER TABLE customer ADD COLUMN address_line1 VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN address_line2 VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN city VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN region VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN postal_code VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN country VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN tax_exempt BOOLEAN NOT NULL DEFAULT FALSE;
-- Accounting packages match customers by name, so two customers of one name could never be told apart there.
ALTER TABLE customer ADD CONSTRAINT customer_name_unique UNIQUE (name);

CREATE TABLE tax_code (
    code         VARCHAR(40) NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    rate_percent DECIMAL(9, 4) NOT NULL
);

CREATE TABLE item (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           VARCHAR(100) NOT NULL CONSTRAINT item_code_unique UNIQUE,
    name           VARCHAR(500) NOT NULL,
    default_price  DECIMAL(19, 4) NOT NULL,
    currency       CHAR(3) NOT NULL,
    income_account VARCHAR(100) NOT NULL,
    tax_code       VARCHAR(40) NOT NULL
);

ALTER TABLE invoice ADD COLUMN tax_mode VARCHAR(16) NOT NULL DEFAULT 'PER_LINE';
CREATE INDEX invoice_status_idx ON invoice (status);

ALTER TABLE invoice_line ADD COLUMN item_code VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE invoice_line ADD COLUMN discount_percent DECIMAL(9, 4) NOT NULL DEFAULT 0;
ALTER TABLE invoice_line ADD COLUMN tax_code VARCHAR(40) NOT NULL DEFAULT '';

CREATE TABLE invoice_charge (
    invoice_id  BIGINT NOT NULL CONSTRAINT invoice_charge_invoice_fk REFERENCES invoice (id) ON DELETE CASCADE,
    charge_no   INT NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    description VARCHAR(4000) NOT NULL,
    amount      DECIMAL(19, 4) NOT NULL,
    tax_code    VARCHAR(40) NOT NULL,
    PRIMARY KEY (invoice_id, charge_no)
);

CREATE TABLE accounting_connection (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid          CHAR(36) NOT NULL CONSTRAINT connection_uid_unique UNIQUE,
    connector_id VARCHAR(200) NOT NULL,
    name         VARCHAR(200) NOT NULL CONSTRAINT connection_name_unique UNIQUE,
    numbering    VARCHAR(16) NOT NULL,
    version      INT NOT NULL
);

-- Never secrets: those are in the credential store.
CREATE TABLE connection_setting (
    connection_id BIGINT NOT NULL CONSTRAINT connection_setting_fk REFERENCES accounting_connection (id) ON DELETE CASCADE,
    setting_key   VARCHAR(200) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (connection_id, setting_key)
);

CREATE TABLE connection_mapping (
    connection_id BIGINT NOT NULL CONSTRAINT connection_mapping_fk REFERENCES accounting_connection (id) ON DELETE CASCADE,
    kind          VARCHAR(20) NOT NULL,
    local_code    VARCHAR(200) NOT NULL,
    vendor_code   VARCHAR(500) NOT NULL,
    PRIMARY KEY (connection_id, kind, local_code)
);

-- The vendor's ids of customers (by our id) and items (by our code), learnt once per connection.
CREATE TABLE entity_mapping (
    connection_id BIGINT NOT NULL CONSTRAINT entity_mapping_fk REFERENCES accounting_connection (id) ON DELETE CASCADE,
    kind          VARCHAR(20) NOT NULL,
    local_key     VARCHAR(200) NOT NULL,
    external_id   VARCHAR(500) NOT NULL,
    PRIMARY KEY (connection_id, kind, local_key)
);

-- One row per export run: the process log. Kept when its connection is removed.
CREATE TABLE export_run (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id   BIGINT NOT NULL,
    connection_name VARCHAR(200) NOT NULL,
    user_name       VARCHAR(200) NOT NULL,
    workstation     VARCHAR(200) NOT NULL,
    engine_instance CHAR(36) NOT NULL,
    dry_run         BOOLEAN NOT NULL,
    selected        INT NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    heartbeat_at    TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    outcome         VARCHAR(30) NOT NULL
);

-- The journal: an attempt is committed before its request leaves. open_claim is 'connection:invoice' while the
-- attempt is open and NULL once settled; its unique constraint lets one open attempt per invoice and
-- connection exist, across every workstation on the database.
CREATE TABLE export_attempt (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id          BIGINT NOT NULL CONSTRAINT export_attempt_run_fk REFERENCES export_run (id),
    connection_id   BIGINT NOT NULL CONSTRAINT export_attempt_connection_fk REFERENCES accounting_connection (id),
    invoice_id      BIGINT NOT NULL CONSTRAINT export_attempt_invoice_fk REFERENCES invoice (id),
    invoice_version INT NOT NULL,
    our_reference   VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    open_claim      VARCHAR(60) CONSTRAINT export_attempt_claim_unique UNIQUE,
    started_at      TIMESTAMP NOT NULL,
    settled_at      TIMESTAMP
);
CREATE INDEX export_attempt_state_idx ON export_attempt (connection_id, state);

-- Where an exported invoice is at the vendor. active_key is 'connection:invoice' until it is withdrawn.
CREATE TABLE external_ref (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id   BIGINT NOT NULL CONSTRAINT external_ref_connection_fk REFERENCES accounting_connection (id) ON DELETE CASCADE,
    invoice_id      BIGINT NOT NULL CONSTRAINT external_ref_invoice_fk REFERENCES invoice (id),
    invoice_version INT NOT NULL,
    attempt_id      BIGINT NOT NULL,
    external_id     VARCHAR(500) NOT NULL,
    external_number VARCHAR(100) NOT NULL,
    external_date   DATE,
    sync_token      VARCHAR(100) NOT NULL,
    location        VARCHAR(1000) NOT NULL,
    exported_at     TIMESTAMP NOT NULL,
    withdrawn_at    TIMESTAMP,
    active_key      VARCHAR(60) CONSTRAINT external_ref_active_unique UNIQUE
);
CREATE INDEX external_ref_invoice_idx ON external_ref (invoice_id);

-- Per-invoice results of a run and their problems.
CREATE TABLE export_result (
    run_id          BIGINT NOT NULL CONSTRAINT export_result_run_fk REFERENCES export_run (id) ON DELETE CASCADE,
    seq             INT NOT NULL,
    invoice_id      BIGINT NOT NULL,
    invoice_number  VARCHAR(40) NOT NULL,
    outcome         VARCHAR(16) NOT NULL,
    external_id     VARCHAR(500),
    external_number VARCHAR(100),
    external_date   DATE,
    sync_token      VARCHAR(100),
    location        VARCHAR(1000),
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE export_problem (
    run_id         BIGINT NOT NULL,
    result_seq     INT NOT NULL,
    seq            INT NOT NULL,
    code           VARCHAR(100) NOT NULL,
    severity       VARCHAR(16) NOT NULL,
    field          VARCHAR(200) NOT NULL,
    message        VARCHAR(4000) NOT NULL,
    vendor_code    VARCHAR(100) NOT NULL,
    vendor_message VARCHAR(4000) NOT NULL,
    retryable      BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, result_seq, seq),
    CONSTRAINT export_problem_result_fk FOREIGN KEY (run_id, result_seq) REFERENCES export_result (run_id, seq)
        ON DELETE CASCADE
);
