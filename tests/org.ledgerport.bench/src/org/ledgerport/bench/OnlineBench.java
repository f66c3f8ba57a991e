package org.ledgerport.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Osgi;

/** What the benchmarks against the vendor simulators share: the firm they export, signing in, counting calls. */
final class OnlineBench {

    private OnlineBench() {
    }

    /**
     * Saves finalized invoices of two lines, each line on one of {@code items} items, for {@code customers} new
     * customers (every seventh with an apostrophe in its name), and returns their ids.
     */
    static List<Long> firm(String prefix, Currency currency, TaxCode tax, int invoices, int customers, int items)
            throws InterruptedException {
        String code = currency.getCurrencyCode();
        List<Customer> buyers = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            buyers.add(new Customer(0, prefix + " customer " + c + (c % 7 == 0 ? " O'Neill" : ""), "",
                    new Address("1 Quay St", "", "Harbourtown", "", "1010", ""), false, currency));
        }
        List<Item> products = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            products.add(new Item(0, prefix + "-I" + i, prefix + " service " + i, Money.of("95.00", code), "",
                    tax.code()));
        }
        List<ImportedInvoice> drafts = new ArrayList<>();
        for (int n = 0; n < invoices; n++) {
            List<InvoiceLine> lines = List.of(
                    new InvoiceLine(prefix + "-I" + n % items, "Work, day rate", new BigDecimal("1.5"),
                            Money.of("640.00", code), BigDecimal.ZERO, tax.code()),
                    new InvoiceLine(prefix + "-I" + (n + 7) % items, "Travel", BigDecimal.ONE,
                            Money.of("37.40", code), new BigDecimal("10"), tax.code()));
            drafts.add(new ImportedInvoice("#" + n, buyers.get(n % customers).name(), new InvoiceDraft(
                    prefix + "-" + n, 0, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), currency, lines,
                    List.of(), "", TaxMode.PER_LINE), InvoiceStatus.FINALIZED));
        }
        return Osgi.service(InvoiceStore.class).importBatch(new ImportBatch(List.of(tax), buyers, products, drafts))
                .invoiceIds();
    }

    /** A connection saved, given its secrets and signed in through the (simulator's) browser page. */
    static Connection signedIn(String connectorId, Map<String, String> settings,
            Map<MappingKind, Map<String, String>> mappings, Map<String, String> secrets) throws Exception {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the connector " + connectorId, () -> registry.find(connectorId).isPresent());
        Connector connector = registry.find(connectorId).orElseThrow();
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        // The OS user, the first user of the bench's new database, is its owner: only an owner manages connections.
        String owner = System.getProperty("user.name");
        Connection connection = connections.createConnection(owner, connectorId, connectorId + " bench", settings,
                mappings, NumberingPolicy.VENDOR_ASSIGNS);
        ConnectionContext context = new ConnectionContext(connection,
                Osgi.service(CredentialStore.class).forConnection(connection.uid()));
        secrets.forEach(context.credentials()::write);
        AccountInfo account = connector.connect(context, Browser.signIn());
        Map<String, String> learnt = new TreeMap<>(settings);
        learnt.putAll(account.settings());
        return connections.updateConnection(owner, new Connection(connection.id(), connection.uid(),
                connection.connectorId(), connection.name(), learnt, connection.mappings(), connection.numbering(),
                connection.version()));
    }

    /** The calls by method and path, the account's own part of the path left out. */
    static Map<String, Long> callsByKind(List<LoggedRequest> calls, String accountPath) {
        return calls.stream().collect(Collectors.groupingBy(
                c -> c.method() + " " + c.path().replaceAll(accountPath, ""), TreeMap::new, Collectors.counting()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
