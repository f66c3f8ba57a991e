package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Severity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code export --dry-run} shows of the engine's pre-flight check: per invoice whether it would be sent, its
 * problems, and a preview of what would be sent.
 */
final class DryRun {

    private final Connection connection;
    private final String vendor;
    private final Preflight preflight;

    /** @param vendor the accounting package's name */
    DryRun(Connection connection, String vendor, Preflight preflight) {
        this.connection = connection;
        this.vendor = vendor;
        this.preflight = preflight;
    }

    /** @return success when every invoice checked would be sent */
    int report(Output output) {
        if (output.json()) {
            output.document(toJson());
        } else {
            print(output.out());
        }
        return wouldSend() == preflight.invoices().size() ? ExitCode.SUCCESS : ExitCode.FAILED;
    }

    /** An invoice with warnings only is still sent; an error keeps it back. */
    private static boolean wouldSend(Preflight.Check check) {
        return check.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    private long wouldSend() {
        return preflight.invoices().stream().filter(DryRun::wouldSend).count();
    }

    private void print(PrintStream out) {
        if (preflight.invoices().isEmpty()) {
            out.printf("Nothing to check: no finalized invoices are waiting for '%s'.%n", connection.name());
            return;
        }
        out.printf("Dry run for '%s' (%s); nothing is sent.%n", connection.name(), vendor);
        for (Preflight.Check check : preflight.invoices()) {
            out.println();
            out.println(check.invoiceNumber() + "  " + (wouldSend(check) ? "would be sent" : "would not be sent"));
            Text.problems(out, "    ", check.problems(), vendor);
            if (check.outgoing() != null) {
                preview(out, check.outgoing());
            }
        }
        out.println();
        out.printf("%d of %s would be sent. Customers: %d matched already, %d to match or create. "
                + "Items: %d matched already, %d to match or create.%n", wouldSend(),
                Text.count(preflight.invoices().size(), "invoice", "invoices"), preflight.customersKnown(),
                preflight.customersToMatch(), preflight.itemsKnown(), preflight.itemsToMatch());
    }

    private void preview(PrintStream out, OutgoingInvoice outgoing) {
        Invoice invoice = outgoing.invoice();
        InvoiceTotals totals = outgoing.totals();
        Table table = new Table()
                .row("Number:", outgoing.numberToSend().isEmpty() ? "assigned by " + vendor : outgoing.numberToSend())
                .row("Customer:", outgoing.customer().name())
                .row("Dates:", "issued " + invoice.issueDate() + ", due " + invoice.dueDate());
        List<InvoiceLine> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            table.row(i == 0 ? "Lines:" : "", line(lines.get(i)));
        }
        for (Charge charge : invoice.charges()) {
            table.row(charge.description() + ":", charge.signedAmount() + taxedBy(charge.taxCode()));
        }
        table.row("Net:", totals.net()).row("Tax:", tax(outgoing)).row("Total:", totals.total());
        table.print(out, "    ");
    }

    /** "2 x Consulting [CONSULT] at EUR 100.00 less 10 % = EUR 180.00, tax VAT20". */
    private static String line(InvoiceLine line) {
        return line.quantity().toPlainString() + " x " + line.description()
                + (line.itemCode().isEmpty() ? "" : " [" + line.itemCode() + "]") + " at " + line.unitPrice()
                + (line.discountPercent().signum() == 0 ? "" : " less " + line.discountPercent().toPlainString() + " %")
                + " = " + line.amount() + taxedBy(line.taxCode());
    }

    private static String taxedBy(String taxCode) {
        return taxCode.isEmpty() ? "" : ", tax " + taxCode;
    }

    private static String tax(OutgoingInvoice outgoing) {
        InvoiceTotals totals = outgoing.totals();
        if (outgoing.customer().taxExempt()) {
            return totals.tax() + " (the customer is tax-exempt)";
        }
        if (totals.taxByCode().isEmpty()) {
            return totals.tax().toString();
        }
        return totals.tax() + " (" + totals.taxByCode().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private ObjectNode toJson() {
        ObjectNode document = Json.object().put("connection", connection.name()).put("dryRun", true)
                .put("checked", preflight.invoices().size()).put("wouldSend", wouldSend())
                .put("customersKnown", preflight.customersKnown()).put("customersToMatch", preflight.customersToMatch())
                .put("itemsKnown", preflight.itemsKnown()).put("itemsToMatch", preflight.itemsToMatch());
        ArrayNode invoices = document.putArray("invoices");
        for (Preflight.Check check : preflight.invoices()) {
            ObjectNode node = invoices.addObject().put("invoiceId", check.invoiceId())
                    .put("number", check.invoiceNumber()).put("wouldSend", wouldSend(check));
            node.set("problems", Json.problems(check.problems()));
            if (check.outgoing() == null) {
                node.putNull("payload");
            } else {
                node.set("payload", payload(check.outgoing()));
            }
        }
        return document;
    }

    private static ObjectNode payload(OutgoingInvoice outgoing) {
        Invoice invoice = outgoing.invoice();
        InvoiceTotals totals = outgoing.totals();
        ObjectNode payload = Json.object()
                .put("numberToSend", outgoing.numberToSend().isEmpty() ? null : outgoing.numberToSend())
                .put("ourReference", outgoing.ourReference()).put("currency", invoice.currency().getCurrencyCode())
                .put("issueDate", invoice.issueDate().toString()).put("dueDate", invoice.dueDate().toString())
                .put("memo", invoice.memo()).put("taxMode", invoice.taxMode().name());
        payload.putObject("customer").put("id", outgoing.customer().id()).put("name", outgoing.customer().name())
                .put("email", outgoing.customer().email()).put("taxExempt", outgoing.customer().taxExempt());
        ArrayNode lines = payload.putArray("lines");
        for (InvoiceLine line : invoice.lines()) {
            lines.addObject().put("item", line.itemCode()).put("description", line.description())
                    .put("quantity", Json.decimal(line.quantity()))
                    .put("unitPrice", Json.decimal(line.unitPrice().amount()))
                    .put("discountPercent", Json.decimal(line.discountPercent())).put("taxCode", line.taxCode())
                    .put("amount", Json.decimal(line.amount().amount()));
        }
        ArrayNode charges = payload.putArray("charges");
        for (Charge charge : invoice.charges()) {
            charges.addObject().put("kind", charge.kind().name()).put("description", charge.description())
                    .put("amount", Json.decimal(charge.signedAmount().amount())).put("taxCode", charge.taxCode());
        }
        payload.put("net", Json.decimal(totals.net().amount())).put("tax", Json.decimal(totals.tax().amount()));
        ObjectNode taxByCode = payload.putObject("taxByCode");
        totals.taxByCode().forEach((code, amount) -> taxByCode.put(code, Json.decimal(amount.amount())));
        payload.put("total", Json.decimal(totals.total().amount()));
        return payload;
    }
}
