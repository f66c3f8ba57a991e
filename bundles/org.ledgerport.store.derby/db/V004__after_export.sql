-- What happens after the export: each invoice's history, its state at each accounting package and how far each
-- connection's status was pulled, withdrawals, payments recorded here, the users' roles, and the process log's
-- activities besides export runs.

-- Only ever added to. happened_at is the vendor's time for what came from the vendor, else the local time.
CREATE TABLE invoice_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id  BIGINT NOT NULL CONSTRAINT invoice_history_invoice_fk REFERENCES invoice (id),
    happened_at TIMESTAMP NOT NULL,
    kind        VARCHAR(30) NOT NULL,
    source      VARCHAR(300) NOT NULL,
    user_name   VARCHAR(200) NOT NULL,
    text        VARCHAR(4000) NOT NULL
);
CREATE INDEX invoice_history_invoice_idx ON invoice_history (invoice_id, happened_at);

-- An exported invoice's latest state at one connection. amount_due and currency are NULL when the vendor did not
-- say what is still due.
CREATE TABLE vendor_state (
    connection_id   BIGINT NOT NULL CONSTRAINT vendor_state_connection_fk REFERENCES accounting_connection (id)
        ON DELETE CASCADE,
    invoice_id      BIGINT NOT NULL CONSTRAINT vendor_state_invoice_fk REFERENCES invoice (id),
    status          VARCHAR(16) NOT NULL,
    amount_due      DECIMAL(19, 4),
    currency        CHAR(3),
    changed_at      TIMESTAMP NOT NULL,
    needs_attention BOOLEAN NOT NULL,
    PRIMARY KEY (connection_id, invoice_id)
);
CREATE INDEX vendor_state_invoice_idx ON vendor_state (invoice_id);
CREATE INDEX vendor_state_attention_idx ON vendor_state (needs_attention);

-- Up to when each connection's changes were pulled from the vendor.
CREATE TABLE status_pull (
    connection_id BIGINT NOT NULL PRIMARY KEY,
    pulled_up_to  TIMESTAMP NOT NULL,
    CONSTRAINT status_pull_connection_fk FOREIGN KEY (connection_id) REFERENCES accounting_connection (id)
        ON DELETE CASCADE
);

-- A withdrawn reference keeps its row, with how it was withdrawn (DELETED or VOIDED) and whether the vendor keeps
-- its number; its active_key is NULL, so the invoice no longer counts as exported there.
ALTER TABLE external_ref ADD COLUMN withdrawal VARCHAR(16);
ALTER TABLE external_ref ADD COLUMN number_kept BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX external_ref_external_id_idx ON external_ref (connection_id, external_id);

-- Payments recorded here. sending_since is set (by the database's clock) while a workstation is sending one, so
-- another leaves it alone; a payment in state SENDING without it was sent and not answered, and is sent again
-- with the same idempotency key. Kept when the connection is removed, like the process log's runs.
CREATE TABLE payment (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id        BIGINT NOT NULL CONSTRAINT payment_invoice_fk REFERENCES invoice (id),
    connection_id     BIGINT NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency          CHAR(3) NOT NULL,
    paid_on           DATE NOT NULL,
    deposit_account   VARCHAR(200) NOT NULL,
    payment_reference VARCHAR(500) NOT NULL,
    recorded_by       VARCHAR(200) NOT NULL,
    recorded_at       TIMESTAMP NOT NULL,
    state             VARCHAR(16) NOT NULL,
    external_id       VARCHAR(500) NOT NULL,
    problem           VARCHAR(4000) NOT NULL,
    sending_since     TIMESTAMP
);
CREATE INDEX payment_invoice_idx ON payment (invoice_id);
CREATE INDEX payment_connection_state_idx ON payment (connection_id, state);

-- The users an owner gave a role; everyone else is a biller.
CREATE TABLE user_role (
    user_name VARCHAR(200) NOT NULL PRIMARY KEY,
    role_name VARCHAR(16) NOT NULL
);

-- What users did besides export runs: reverts, payments, status refreshes, connection and role changes.
CREATE TABLE activity (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened_at     TIMESTAMP NOT NULL,
    user_name       VARCHAR(200) NOT NULL,
    workstation     VARCHAR(200) NOT NULL,
    kind            VARCHAR(30) NOT NULL,
    connection_name VARCHAR(200) NOT NULL,
    invoice_number  VARCHAR(40) NOT NULL,
    text            VARCHAR(4000) NOT NULL
);
