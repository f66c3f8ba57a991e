package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code pay}: records a payment against an exported invoice and sends it to the accounting package the invoice
 * was exported to, where it is applied to the invoice exactly once; {@code pay --resend} follows up the payments
 * that did not arrive.
 */
final class PayCommand implements Command {

    private static final Option INVOICE = Option.value("--invoice", "NUMBER", "the exported invoice that was paid");
    private static final Option AMOUNT = Option.value("--amount", "AMOUNT",
            "how much was paid, in the invoice's currency, like 120.00");
    private static final Option DATE = Option.value("--date", "YYYY-MM-DD", "when it was paid; today when left out");
    private static final Option ACCOUNT = Option.value("--account", "CODE",
            "the accounting package's code of the account the money went into");
    private static final Option REFERENCE = Option.value("--reference", "TEXT",
            "the bank's or the customer's reference");
    private static final Option CONNECTION = Option.value("--connection", "NAME",
            "the connection to send it to, when the invoice was exported to more than one; with --resend, "
                    + "that connection's payments only");
    private static final Option RESEND = Option.flag("--resend",
            "send the payments recorded but not confirmed by the accounting package yet");

    private final Lookup lookup;

    PayCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "pay";
    }

    @Override
    public String summary() {
        return "Records a payment of an exported invoice and sends it to the accounting package";
    }

    @Override
    public String synopsis() {
        return "(--invoice NUMBER --amount AMOUNT --account CODE [--date YYYY-MM-DD] [--reference TEXT] | --resend) "
                + "[--connection NAME]";
    }

    @Override
    public String description() {
        return """
                Records a payment received for an exported invoice and sends it to the accounting package the
                invoice was exported to, where it is applied to the invoice; the invoice then shows as partly
                paid there, or becomes paid, then closed, here. The payment is sent with a key of its own, so
                that the package records it once even when it is sent again. A payment the package refused
                says why; one whose answer was lost is not confirmed yet and is followed up with --resend,
                which sends every payment not known to have arrived. Needs the exporter role. Exits with 1
                when a payment was refused or is not confirmed.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(INVOICE, AMOUNT, ACCOUNT, DATE, REFERENCE, CONNECTION, RESEND);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli pay --invoice INV-1001 --amount 120.00 --date 2026-11-20 --account 1200 "
                + "--reference \"BACS 40213\"", "ledgerport-cli pay --resend --connection \"Xero UK\"");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Optional<String> connectionName = arguments.value(CONNECTION);
        if (arguments.has(RESEND)) {
            List<String> given = List.of(INVOICE, AMOUNT, ACCOUNT, DATE, REFERENCE).stream().filter(arguments::has)
                    .map(Option::name).toList();
            if (!given.isEmpty()) {
                throw new UsageException("--resend sends the payments recorded already; it takes no "
                        + Text.list(given, "or") + ".");
            }
            return (services, output) -> resend(services, output, connectionName);
        }
        String number = arguments.value(INVOICE).orElseThrow(() -> new UsageException(
                "Say which invoice was paid: --invoice NUMBER (or --resend to send recorded payments again)."));
        BigDecimal amount = amount(arguments.value(AMOUNT)
                .orElseThrow(() -> new UsageException("Say how much was paid: --amount AMOUNT, like 120.00.")));
        String account = arguments.value(ACCOUNT).map(String::strip).filter(a -> !a.isEmpty())
                .orElseThrow(() -> new UsageException(
                        "Say which account the money went into: --account CODE, as the accounting package codes it."));
        LocalDate date = arguments.value(DATE).map(PayCommand::date).orElseGet(LocalDate::now);
        String reference = arguments.value(REFERENCE).orElse("");
        return (services, output) -> {
            long invoiceId = lookup.invoiceIds(services, List.of(number)).get(0);
            Invoice invoice = services.invoices().findInvoice(invoiceId).orElseThrow();
            Connection connection = connectionOf(services, invoice, connectionName);
            Money paid;
            try {
                paid = new Money(amount, invoice.currency());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--amount: " + e.getMessage() + ".");
            }
            Payment payment = services.payments().record(new PaymentDraft(invoiceId, connection.id(), paid, date,
                    account, reference), services.user());
            String vendor = vendorOf(services, connection);
            if (output.json()) {
                ObjectNode document = Json.object();
                document.set("payment", json(payment, invoice.number(), connection));
                document.put("invoiceStatus", services.invoices().findInvoice(invoiceId).orElseThrow().status().name());
                output.document(document);
            } else {
                print(output, payment, invoice.number(), connection, vendor);
                if (payment.state() == PaymentState.SENT) {
                    printInvoiceAfter(services, output.out(), invoiceId, connection);
                }
            }
            return payment.state() == PaymentState.SENT ? ExitCode.SUCCESS : ExitCode.FAILED;
        };
    }

    /** The connection the invoice was exported to: the one named, or the only one. */
    private Connection connectionOf(Services services, Invoice invoice, Optional<String> named) {
        if (named.isPresent()) {
            return lookup.connection(services, named.get());
        }
        List<ExportState> exported = services.processLog().exportStates(List.of(invoice.id()))
                .getOrDefault(invoice.id(), List.of()).stream()
                .filter(state -> state.outcome() == ExportOutcome.EXPORTED).toList();
        if (exported.isEmpty()) {
            throw new CannotRunException(("%s has not been exported, so there is no accounting package to send "
                    + "its payment to. Export it first.").formatted(invoice.number()));
        }
        if (exported.size() > 1) {
            throw new UsageException("%s was exported to %s; say which one was paid: --connection NAME."
                    .formatted(invoice.number(), Text.list(exported.stream()
                            .map(state -> "'" + state.connectionName() + "'").toList())));
        }
        return services.connections().findConnection(exported.get(0).connectionId())
                .orElseThrow(() -> new CannotRunException("%s was exported to '%s', which has been removed since."
                        .formatted(invoice.number(), exported.get(0).connectionName())));
    }

    private int resend(Services services, Output output, Optional<String> named) {
        List<Connection> connections;
        if (named.isPresent()) {
            Connection connection = lookup.connection(services, named.get());
            // Says so in plain words, rather than deep in the engine, when its connector is not installed.
            lookup.connectorOf(services, connection);
            connections = List.of(connection);
        } else {
            List<Connection> all = services.connections().listConnections();
            Map<String, Connector> connectors = lookup.connectors(services,
                    all.stream().map(Connection::connectorId).collect(Collectors.toSet()));
            connections = all.stream().filter(c -> connectors.containsKey(c.connectorId())
                    && connectors.get(c.connectorId()).descriptor().capabilities().receivesPayments()).toList();
        }
        ArrayNode sent = Json.array();
        ArrayNode failures = Json.array();
        boolean allArrived = true;
        int tried = 0;
        for (Connection connection : connections) {
            String vendor = vendorOf(services, connection);
            List<Payment> payments;
            try {
                payments = services.payments().sendPending(connection.id(), services.user());
            } catch (ExportException e) {
                output.err().printf("Could not send the payments waiting for '%s' (%s): %s%n", connection.name(),
                        vendor, e.getMessage());
                failures.addObject().put("connection", connection.name()).put("message", e.getMessage());
                allArrived = false;
                continue;
            }
            for (Payment payment : payments) {
                tried++;
                String number = services.invoices().findInvoice(payment.invoiceId()).map(Invoice::number)
                        .orElse("invoice " + payment.invoiceId());
                sent.add(json(payment, number, connection));
                allArrived &= payment.state() == PaymentState.SENT;
                if (!output.json()) {
                    print(output, payment, number, connection, vendor);
                }
            }
        }
        if (output.json()) {
            ObjectNode document = Json.object();
            document.set("payments", sent);
            document.set("failures", failures);
            output.document(document);
        } else if (tried == 0 && allArrived) {
            output.out().println(named.map(n -> "No payments are waiting to be sent to '" + n + "'.")
                    .orElse("No payments are waiting to be sent."));
        }
        return allArrived ? ExitCode.SUCCESS : ExitCode.FAILED;
    }

    /** One payment's outcome, in a sentence that says what to do when it did not arrive. */
    private static void print(Output output, Payment payment, String number, Connection connection, String vendor) {
        String what = "Payment of %s on %s for %s".formatted(payment.amount(), payment.date(), number);
        String target = "'" + connection.name() + "' (" + vendor + ")";
        switch (payment.state()) {
            case SENT -> output.out().printf("%s: sent to %s%s.%n", what, target,
                    payment.externalId().isEmpty() ? "" : " as payment " + payment.externalId());
            case FAILED -> output.err().printf("%s: refused by %s, nothing arrived there: %s%n", what, vendor,
                    payment.problem());
            case SENDING, RECORDED -> output.err().printf("%s: not confirmed by %s yet.%s It may have arrived there, "
                    + "and is never applied twice. Send it again with: ledgerport-cli pay --resend --connection "
                    + "\"%s\"%n", what, target, payment.problem().isEmpty() ? "" : " " + payment.problem(),
                    connection.name());
        }
    }

    /** The invoice's status here and what is still due at the package, after a payment arrived. */
    private static void printInvoiceAfter(Services services, PrintStream out, long invoiceId, Connection connection) {
        Invoice invoice = services.invoices().findInvoice(invoiceId).orElseThrow();
        Optional<VendorState> there = services.status().vendorStates(List.of(invoiceId))
                .getOrDefault(invoiceId, List.of()).stream().filter(s -> s.connectionId() == connection.id())
                .findFirst();
        List<String> facts = new ArrayList<>();
        facts.add("it is " + invoice.status().label().toLowerCase(Locale.ROOT) + " here");
        there.map(VendorState::amountDue).filter(due -> !due.isZero())
                .ifPresent(due -> facts.add(due + " is still due"));
        out.printf("%s: %s.%n", invoice.number(), String.join("; ", facts));
    }

    private static ObjectNode json(Payment payment, String number, Connection connection) {
        return Json.object().put("id", payment.id()).put("invoiceId", payment.invoiceId()).put("number", number)
                .put("connection", connection.name()).put("amount", Json.decimal(payment.amount().amount()))
                .put("currency", payment.amount().currency().getCurrencyCode()).put("date", payment.date().toString())
                .put("account", payment.depositAccount()).put("reference", payment.reference())
                .put("recordedBy", payment.recordedBy()).put("state", payment.state().name())
                .put("externalId", payment.externalId()).put("problem", payment.problem());
    }

    private static String vendorOf(Services services, Connection connection) {
        return services.connectors().find(connection.connectorId()).map(c -> c.descriptor().displayName())
                .orElse(connection.connectorId());
    }

    private static BigDecimal amount(String word) {
        try {
            BigDecimal amount = new BigDecimal(word.strip());
            if (amount.signum() > 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as an amount that is not positive
        }
        throw new UsageException("--amount takes what was paid as a number above zero, like 120.00, not '" + word
                + "'.");
    }

    private static LocalDate date(String word) {
        try {
            return LocalDate.parse(word.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--date takes a date as YYYY-MM-DD, like 2026-11-20, not '" + word + "'.");
        }
    }
}
