package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.model.Connection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code status [--connection NAME] [--no-refresh]}: brings back what happened to exported invoices at the
 * accounting packages, then counts the invoices in each status and those waiting for each connection.
 */
final class StatusCommand implements Command {

    private static final Option CONNECTION = Option.value("--connection", "NAME",
            "refresh from this connection and count the invoices ready for it only");
    private static final Option NO_REFRESH = Option.flag("--no-refresh",
            "only count; do not ask the accounting packages what changed");

    private final Lookup lookup;

    StatusCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Refreshes the status from the accounting packages, then counts invoices by status";
    }

    @Override
    public String synopsis() {
        return "[--connection NAME] [--no-refresh]";
    }

    @Override
    public String description() {
        return """
                First asks every connection whose accounting package reports status back (or the one named)
                what changed since the last refresh: invoices paid in full there become paid, then closed, here;
                partly paid ones show the amount still due; approved ones are shown as approved; invoices voided
                or deleted there are flagged for an owner to decide about and otherwise left as they are. Every
                change goes into the invoice's history. A package that cannot be reached is reported, and the
                other connections are still refreshed. Refreshing needs the exporter role; --no-refresh only
                counts. Then counts the invoices in each status (draft, finalized, exported, paid, closed, void)
                and, for each connection, the finalized invoices not yet exported to it. Exits with 1 when a
                connection could not be refreshed.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(CONNECTION, NO_REFRESH);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli status", "ledgerport-cli status --connection \"Xero UK\" --json",
                "ledgerport-cli status --no-refresh");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Optional<String> only = arguments.value(CONNECTION);
        boolean refresh = !arguments.has(NO_REFRESH);
        return (services, output) -> {
            List<Connection> connections = only.map(name -> List.of(lookup.connection(services, name)))
                    .orElseGet(services.connections()::listConnections);
            Map<String, Connector> connectors = lookup.connectors(services,
                    connections.stream().map(Connection::connectorId).collect(Collectors.toSet()));
            List<Refresh> refreshed = refresh ? refresh(services, output, connections, connectors, only.isPresent())
                    : List.of();
            InvoiceCounts counts = InvoiceCounts.of(services.invoices());
            Map<Connection, Integer> ready = connections.stream().collect(Collectors.toMap(c -> c,
                    c -> services.exports().ready(c.id()).size(), (a, b) -> a, LinkedHashMap::new));
            if (output.json()) {
                ObjectNode document = Json.object();
                ArrayNode refreshes = document.putArray("refresh");
                refreshed.forEach(r -> refreshes.add(r.toJson()));
                document.put("total", counts.total());
                document.set("invoices", counts.toJson());
                ArrayNode list = document.putArray("ready");
                ready.forEach((connection, count) -> list.addObject().put("connection", connection.name())
                        .put("connector", connection.connectorId())
                        .put("installed", connectors.containsKey(connection.connectorId())).put("ready", count));
                output.document(document);
            } else {
                print(output.out(), counts, ready, connectors);
            }
            return refreshed.stream().anyMatch(Refresh::failed) ? ExitCode.FAILED : ExitCode.SUCCESS;
        };
    }

    /**
     * Refreshes each connection whose package reports status back, one after the other, printing each one's news
     * as it comes; a connection that cannot be reached does not keep the others from being refreshed.
     *
     * @param named whether the connections were named on the command line, so that one whose package does not
     *              report status is mentioned rather than passed over
     */
    private List<Refresh> refresh(Services services, Output output, List<Connection> connections,
            Map<String, Connector> connectors, boolean named) {
        Predicate<Connection> pulls = c -> connectors.containsKey(c.connectorId())
                && connectors.get(c.connectorId()).descriptor().capabilities().pullsStatus();
        // A named connection whose connector is missing is asked too, so that it is reported rather than skipped.
        boolean asksAny = connections.stream()
                .anyMatch(c -> pulls.test(c) || named && !connectors.containsKey(c.connectorId()));
        String user = services.user();
        if (asksAny) {
            try {
                services.access().check(user, Permission.REFRESH_STATUS);
            } catch (AccessDeniedException e) {
                throw new AccessDeniedException(e.user(), e.permission(),
                        e.getMessage() + " 'ledgerport-cli status --no-refresh' counts without refreshing.");
            }
        }
        List<Refresh> refreshed = new ArrayList<>();
        for (Connection connection : connections) {
            Connector connector = connectors.get(connection.connectorId());
            Refresh refresh;
            if (connector == null) {
                // Unnamed, it is only shown as not installed among the counts below.
                refresh = named ? Refresh.failed(connection, connection.connectorId(), ("Connection '%s' exports "
                        + "through connector '%s', which is not installed. Copy its bundle into the dropins folder "
                        + "of the Ledgerport installation.").formatted(connection.name(), connection.connectorId()))
                        : new Refresh(connection, connection.connectorId(), null, "");
            } else if (pulls.test(connection)) {
                refresh = refresh(services, connection, connector.descriptor().displayName(), user);
            } else {
                refresh = new Refresh(connection, connector.descriptor().displayName(), null, "");
            }
            refreshed.add(refresh);
            if (refresh.failed()) {
                output.err().printf("Could not refresh the status from %s: %s%n", refresh.target(), refresh.failure());
            } else if (!output.json() && (refresh.news() != null || named)) {
                refresh.print(output.out());
            }
        }
        if (!output.json() && refreshed.stream().anyMatch(Refresh::needsAttention)) {
            output.out().println("Invoices voided or deleted in the accounting package keep their status here until "
                    + "an owner decides, in the workstation, whether they become drafts again or void here too.");
        }
        if (!output.json() && refreshed.stream().anyMatch(r -> r.news() != null || named)) {
            output.out().println();
        }
        return refreshed;
    }

    private static Refresh refresh(Services services, Connection connection, String vendor, String user) {
        try {
            return new Refresh(connection, vendor, services.status().refresh(connection.id(), user), "");
        } catch (ExportException e) {
            return Refresh.failed(connection, vendor, e.getMessage());
        }
    }

    private static void print(PrintStream out, InvoiceCounts counts, Map<Connection, Integer> ready,
            Map<String, Connector> connectors) {
        out.println("Invoices (" + counts.total() + ")");
        counts.print(out, "  ");
        out.println();
        if (ready.isEmpty()) {
            out.println("Ready to export: no connections yet. Add one with 'ledgerport-cli connections add'.");
            return;
        }
        out.println("Ready to export");
        Table table = new Table();
        ready.forEach((connection, count) -> {
            Connector connector = connectors.get(connection.connectorId());
            table.row(connection.name(), count, connector == null
                    ? "connector " + connection.connectorId() + " is not installed"
                    : connector.descriptor().displayName());
        });
        table.print(out, "  ");
    }

    /**
     * What refreshing one connection came to: its news, or why it could not be refreshed, or neither when its
     * package does not report status back (or its connector is not installed and it was not named).
     *
     * @param vendor  the accounting package's name, or the connector's id when it is not installed
     * @param news    what the refresh found, or null when there was none
     * @param failure why it could not be refreshed, or empty
     */
    private record Refresh(Connection connection, String vendor, StatusRefresh news, String failure) {

        /** The vendor states that have a row of their own; the rest are other changes. */
        private static final Set<VendorStatus> GROUPED = EnumSet.of(VendorStatus.PAID, VendorStatus.PARTLY_PAID,
                VendorStatus.APPROVED);

        static Refresh failed(Connection connection, String vendor, String why) {
            return new Refresh(connection, vendor, null, why);
        }

        boolean failed() {
            return !failure.isEmpty();
        }

        boolean needsAttention() {
            return news != null && news.needingAttention() > 0;
        }

        String outcome() {
            return news != null ? "REFRESHED" : failed() ? "FAILED" : "NOT_REFRESHED";
        }

        /** "'Xero UK' (Xero)" */
        String target() {
            return "'" + connection.name() + "' (" + vendor + ")";
        }

        void print(PrintStream out) {
            if (news == null) {
                out.printf("%s does not report the status of invoices back; nothing to refresh from %s.%n", vendor,
                        target());
                return;
            }
            if (news.updates().isEmpty()) {
                out.printf("Refreshed %s: nothing changed since %s.%n", target(), Text.when(news.since()));
                return;
            }
            out.printf("Refreshed %s: %s changed since %s.%n", target(),
                    Text.count(news.updates().size(), "invoice", "invoices"), Text.when(news.since()));
            Table table = new Table();
            group(table, "Paid in full:", u -> !u.needsAttention() && u.status() == VendorStatus.PAID);
            group(table, "Partly paid:", u -> !u.needsAttention() && u.status() == VendorStatus.PARTLY_PAID);
            group(table, "Approved:", u -> !u.needsAttention() && u.status() == VendorStatus.APPROVED);
            group(table, "Needs a decision:", StatusRefresh.Update::needsAttention);
            group(table, "Other changes:", u -> !u.needsAttention() && !GROUPED.contains(u.status()));
            table.print(out, "  ");
        }

        /** A row for the invoices picked: how many, and each one's number with what it came to here. */
        private void group(Table table, String label, Predicate<StatusRefresh.Update> picks) {
            List<String> invoices = news.updates().stream().filter(picks).map(this::describe).toList();
            if (!invoices.isEmpty()) {
                table.row(label, invoices.size(), String.join(", ", invoices));
            }
        }

        /** "INV-1001 (closed here)", "INV-1002 (EUR 40.00 due)", "INV-1005 (voided in Xero)". */
        private String describe(StatusRefresh.Update update) {
            String note;
            if (update.needsAttention()) {
                note = (update.status() == VendorStatus.DELETED ? "deleted" : "voided") + " in " + vendor;
            } else if (update.status() == VendorStatus.PAID) {
                note = update.statusHere().label().toLowerCase(Locale.ROOT) + " here";
            } else if (update.status() == VendorStatus.PARTLY_PAID) {
                note = update.amountDue() == null ? "" : update.amountDue() + " due";
            } else if (update.status() == VendorStatus.APPROVED) {
                note = "";
            } else {
                note = update.text();
            }
            return note.isEmpty() ? update.invoiceNumber() : update.invoiceNumber() + " (" + note + ")";
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object().put("connection", connection.name())
                    .put("connector", connection.connectorId()).put("outcome", outcome())
                    .put("message", failed() ? failure : null);
            if (news == null) {
                node.putNull("since").putNull("upTo").put("unchanged", 0).putArray("updates");
                return node;
            }
            node.put("since", Json.instant(news.since())).put("upTo", Json.instant(news.upTo()))
                    .put("unchanged", news.unchanged());
            ArrayNode updates = node.putArray("updates");
            for (StatusRefresh.Update update : news.updates()) {
                updates.addObject().put("invoiceId", update.invoiceId()).put("number", update.invoiceNumber())
                        .put("vendorStatus", update.status().name())
                        .put("amountDue", update.amountDue() == null ? null : Json.decimal(update.amountDue().amount()))
                        .put("currency", update.amountDue() == null ? null
                                : update.amountDue().currency().getCurrencyCode())
                        .put("status", update.statusHere().name()).put("needsAttention", update.needsAttention())
                        .put("text", update.text());
            }
            return node;
        }
    }
}
