-- Customers, invoices and their lines. Amounts are DECIMAL, never floating point; currency is the ISO code.
CREATE TABLE customer (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(500) NOT NULL,
    email       VARCHAR(254),
    currency    CHAR(3) NOT NULL
);

CREATE TABLE invoice (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number      VARCHAR(40) NOT NULL CONSTRAINT invoice_number_unique UNIQUE,
    customer_id BIGINT NOT NULL CONSTRAINT invoice_customer_fk REFERENCES customer (id),
    issue_date  DATE NOT NULL,
    due_date    DATE NOT NULL,
    currency    CHAR(3) NOT NULL,
    memo        VARCHAR(4000) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    version     INT NOT NULL
);

CREATE INDEX invoice_issue_date_idx ON invoice (issue_date);

CREATE TABLE invoice_line (
    invoice_id  BIGINT NOT NULL CONSTRAINT invoice_line_invoice_fk REFERENCES invoice (id) ON DELETE CASCADE,
    line_no     INT NOT NULL,
    description VARCHAR(4000) NOT NULL,
    quantity    DECIMAL(19, 4) NOT NULL,
    unit_price  DECIMAL(19, 4) NOT NULL,
    amount      DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
