package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;

/**
 * One export run's work on an export folder. Nothing here needs a network: there is no reference data to read,
 * the package matches customers by name and items by code when the file is imported, and an invoice has reached
 * the package once it is in a complete file in the folder.
 */
final class FileExportSession implements ConnectorSession {

    private final Connection connection;
    private final FileSettings settings;
    private final Layout layout;
    private final PackageMapping mapping;
    private final ExportFolder folder;

    FileExportSession(Connection connection, FileSettings settings, Layout layout, ExportFolder folder) {
        this.connection = connection;
        this.settings = settings;
        this.layout = layout;
        this.mapping = new PackageMapping(connection, settings);
        this.folder = folder;
    }

    @Override
    public ReferenceData referenceData(boolean refresh) {
        return ReferenceData.none(Instant.now());
    }

    @Override
    public List<Problem> validate(OutgoingInvoice invoice, ReferenceData reference) {
        List<Problem> problems = new ArrayList<>(checkNumber(invoice));
        problems.addAll(mapping.check(invoice, layout));
        problems.addAll(layout.validate(invoice, mapping));
        return List.copyOf(problems);
    }

    private List<Problem> checkNumber(OutgoingInvoice invoice) {
        int max = layout.maxNumberLength();
        if (connection.numbering() == NumberingPolicy.VENDOR_ASSIGNS) {
            if (settings.shortestNumberLength() > max) {
                return List.of(Problem.error("file.numberPrefix.tooLong", "number",
                        ("Invoice numbers made from the prefix '%s' have %d characters or more; %s takes at most %d. "
                                + "Shorten the invoice number prefix in the settings of connection '%s'.")
                                .formatted(settings.numberPrefix(), settings.shortestNumberLength(),
                                        layout.packageName(), max, connection.name())));
            }
        } else {
            String number = ourNumber(invoice);
            if (number.length() > max) {
                return List.of(Problem.error("file.number.tooLong", "number",
                        ("Invoice number %s has %d characters; %s takes at most %d. Use shorter invoice numbers, "
                                + "or let connection '%s' number invoices itself.").formatted(number,
                                        number.length(), layout.packageName(), max, connection.name())));
            }
        }
        return List.of();
    }

    /** The package matches a customer by name on import, so the name is the customer's id there. */
    @Override
    public Resolution<Long> resolveCustomers(List<Customer> customers) {
        Map<Long, String> resolved = new HashMap<>();
        Map<Long, Problem> failed = new HashMap<>();
        for (Customer customer : customers) {
            List<Problem> problems = layout.checkCustomer(customer);
            if (problems.isEmpty()) {
                resolved.put(customer.id(), customer.name());
            } else {
                failed.put(customer.id(), problems.get(0));
            }
        }
        return new Resolution<>(resolved, failed, 0);
    }

    /** The package matches an item by its code (or the name it is mapped to) on import. */
    @Override
    public Resolution<String> resolveItems(List<Item> items) {
        Map<String, String> resolved = new HashMap<>();
        Map<String, Problem> failed = new HashMap<>();
        for (Item item : items) {
            String packageItem = mapping.item(item.code());
            List<Problem> problems = layout.checkItem(packageItem, "item", "");
            if (problems.isEmpty()) {
                resolved.put(item.code(), packageItem);
            } else {
                failed.put(item.code(), problems.get(0));
            }
        }
        return new Resolution<>(resolved, failed, 0);
    }

    /**
     * Writes the batch as one file. Invoices that fail validation are rejected and left out; the rest are
     * numbered, if this connector numbers them, and written whole or not at all.
     */
    @Override
    public List<PushResult> push(List<OutgoingInvoice> batch) throws ConnectorException {
        List<PushResult> results = new ArrayList<>();
        List<OutgoingInvoice> valid = new ArrayList<>();
        for (OutgoingInvoice invoice : batch) {
            List<Problem> problems = validate(invoice, ReferenceData.none(Instant.now()));
            if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
                results.add(new PushResult.Rejected(invoice.ourReference(), problems));
            } else {
                valid.add(invoice);
            }
        }
        if (!valid.isEmpty()) {
            try {
                results.addAll(folder.exclusively(() -> write(valid)));
            } catch (IOException e) {
                throw new ConnectorException(new Problem("file.write.failed", Severity.ERROR, "",
                        ("No import file was written to %s: %s. Check that the folder is there, that you may write "
                                + "to it and that the disk has room, then export again.").formatted(folder.path(),
                                        ExportFolder.describe(e)),
                        "", "", true), false, e);
            }
        }
        return results;
    }

    private List<PushResult> write(List<OutgoingInvoice> invoices) throws IOException {
        List<PushResult> results = new ArrayList<>();
        List<NumberedInvoice> numbered = new ArrayList<>();
        if (connection.numbering() == NumberingPolicy.VENDOR_ASSIGNS) {
            NumberSequence sequence = new NumberSequence(folder);
            long next = sequence.next(settings.firstNumber());
            for (OutgoingInvoice invoice : invoices) {
                String number = settings.number(next);
                if (number.length() > layout.maxNumberLength()) {
                    results.add(new PushResult.Rejected(invoice.ourReference(), List.of(sequenceExhausted(number))));
                } else {
                    numbered.add(new NumberedInvoice(invoice, number));
                    next++;
                }
            }
            // Saved before the file: a crash in between skips these numbers rather than handing them out twice.
            sequence.save(next);
        } else {
            invoices.forEach(invoice -> numbered.add(new NumberedInvoice(invoice, ourNumber(invoice))));
        }
        if (numbered.isEmpty()) {
            return results;
        }
        RenderedFile file = layout.render(numbered, mapping);
        String name = folder.freeName(layout.fileStem(), numbered.get(0).number(), layout.extension());
        folder.writeAtomically(name, file.content(), false);
        Path written = folder.path().resolve(name);
        for (WrittenInvoice invoice : file.invoices()) {
            results.add(new PushResult.Created(invoice.ourReference(), invoice.external(written), List.of()));
        }
        return results;
    }

    private Problem sequenceExhausted(String number) {
        return Problem.error("file.numberPrefix.tooLong", "number",
                ("The next invoice number, %s, is longer than the %d characters %s takes. Shorten the invoice "
                        + "number prefix in the settings of connection '%s'.").formatted(number,
                                layout.maxNumberLength(), layout.packageName(), connection.name()));
    }

    /**
     * Reads the folder's export files of this layout, oldest first, for the invoice: this is how the engine
     * learns, after a crash between writing a file and recording it, that the invoice went out.
     */
    @Override
    public Optional<ExternalInvoice> findByReference(String ourReference) throws ConnectorException {
        List<Path> files;
        try {
            files = folder.exportFiles(layout.fileStem(), layout.extension());
        } catch (IOException e) {
            throw unreadable(folder.path(), ourReference, e);
        }
        for (Path file : files) {
            try {
                for (WrittenInvoice invoice : layout.read(file)) {
                    if (invoice.ourReference().equals(ourReference)) {
                        return Optional.of(invoice.external(file));
                    }
                }
            } catch (IOException e) {
                throw unreadable(file, ourReference, e);
            }
        }
        return Optional.empty();
    }

    private static ConnectorException unreadable(Path path, String ourReference, IOException e) {
        return new ConnectorException(new Problem("file.read.failed", Severity.ERROR, "",
                ("%s could not be read to look for invoice reference %s: %s. Check that the export folder can be "
                        + "reached and that no export file in it was changed by hand, then try again.").formatted(path, ourReference,
                                ExportFolder.describe(e)),
                "", "", true), false, e);
    }

    /** An import file cannot be taken back; the user has to undo the import in the package. */
    @Override
    public WithdrawalPlan planWithdrawal(ExternalInvoice invoice) throws ConnectorException {
        throw cannotTakeBack(invoice);
    }

    @Override
    public Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException {
        throw cannotTakeBack(invoice);
    }

    private ConnectorException cannotTakeBack(ExternalInvoice invoice) {
        return new ConnectorException(Problem.error("file.withdraw.unsupported", "",
                ("Invoice %s was written to an import file (%s), and a file cannot be taken back. If the file has "
                        + "been imported, void or delete invoice %s in %s by hand. If it has not, delete the "
                        + "invoice's rows from the file before importing it.").formatted(invoice.number(),
                                invoice.location(), invoice.number(), layout.packageName())));
    }

    /** Nothing comes back from a file. */
    @Override
    public List<StatusChange> statusChangesSince(Instant since) {
        return List.of();
    }

    @Override
    public void close() {
        // Nothing is held between calls: the folder is locked only while a batch is written.
    }

    private static String ourNumber(OutgoingInvoice invoice) {
        return invoice.numberToSend().isEmpty() ? invoice.invoice().number() : invoice.numberToSend();
    }
}
