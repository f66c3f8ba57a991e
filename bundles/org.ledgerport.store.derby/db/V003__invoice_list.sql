-- The invoice list reads one page at a time from a million invoices: the net amount is kept on the invoice so
-- that a page can be sorted and read without adding up every invoice's lines, and the list's orders and the
-- per-invoice export states have indexes.

ALTER TABLE invoice ADD COLUMN net_amount DECIMAL(19, 4) NOT NULL DEFAULT 0;

UPDATE invoice SET net_amount =
    COALESCE((SELECT SUM(l.amount) FROM invoice_line l WHERE l.invoice_id = invoice.id), 0)
    + COALESCE((SELECT SUM(CASE WHEN ch.kind = 'DISCOUNT' THEN -ch.amount ELSE ch.amount END)
                FROM invoice_charge ch WHERE ch.invoice_id = invoice.id), 0);

CREATE INDEX invoice_list_issued_idx ON invoice (issue_date DESC, number DESC);
CREATE INDEX invoice_due_date_idx ON invoice (due_date);
CREATE INDEX invoice_net_idx ON invoice (net_amount);
CREATE INDEX export_result_invoice_idx ON export_result (invoice_id);
