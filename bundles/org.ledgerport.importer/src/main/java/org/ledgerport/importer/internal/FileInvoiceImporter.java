package org.ledgerport.importer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ledgerport.core.importing.ImportReport;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportRefusedException;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports the invoice files a billing system exports, in the CSV or JSON format of docs/import-formats.md,
 * chosen by the file's extension. Every error of the file is reported, each with its line and field, and the
 * file is saved only when it has none, in one transaction.
 */
@Component(service = InvoiceImporter.class)
public final class FileInvoiceImporter implements InvoiceImporter {

    private final InvoiceStore store;

    @Activate
    public FileInvoiceImporter(@Reference InvoiceStore store) {
        this.store = store;
    }

    @Override
    public ImportReport importFile(Path file) {
        return run(file, true);
    }

    @Override
    public ImportReport check(Path file) {
        return run(file, false);
    }

    private ImportReport run(Path file, boolean save) {
        ErrorList errors = new ErrorList();
        InvoiceFileReader reader = readerFor(file, errors);
        String text = reader == null ? null : text(file, errors);
        if (text == null) {
            return failed(file, 0, errors);
        }
        if (text.isBlank()) {
            errors.file("the file is empty; expected " + reader.expected());
            return failed(file, 0, errors);
        }
        ImportPlan plan;
        try {
            plan = new ImportPlan(store, errors);
            reader.read(text, plan, errors);
        } catch (StoreException e) {
            errors.file("the database could not be read, so the file was not checked or imported: " + e.getMessage());
            return failed(file, 0, errors);
        }
        if (!errors.isEmpty()) {
            return failed(file, plan.invoicesRead(), errors);
        }
        if (!save) {
            return new ImportReport(file.toString(), false, plan.invoicesRead(), plan.newCustomers(),
                    plan.newItems(), List.of());
        }
        try {
            ImportBatch.Saved saved = store.importBatch(plan.batch());
            return new ImportReport(file.toString(), true, saved.invoiceIds().size(), saved.customersCreated(),
                    saved.itemsCreated(), List.of());
        } catch (ImportRefusedException refused) {
            errors.addAll(plan.refusals(refused));
        } catch (StoreException e) {
            errors.file("the database could not save the file, so nothing of it was imported: " + e.getMessage());
        }
        return failed(file, plan.invoicesRead(), errors);
    }

    private static ImportReport failed(Path file, int invoicesRead, ErrorList errors) {
        return new ImportReport(file.toString(), false, invoicesRead, 0, 0, errors.inFileOrder());
    }

    private static InvoiceFileReader readerFor(Path file, ErrorList errors) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvInvoiceReader();
        }
        if (name.endsWith(".json")) {
            return new JsonInvoiceReader();
        }
        errors.file(("Ledgerport imports invoices from .csv and .json files, and %s is neither; export the invoices "
                + "from the billing system as CSV or JSON (see the import formats in the documentation)")
                .formatted(file.getFileName() == null ? file : file.getFileName()));
        return null;
    }

    /** The file's text, which must be UTF-8 (a byte order mark is dropped); null when it cannot be read. */
    private static String text(Path file, ErrorList errors) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            errors.file("there is no file %s; check the folder and the name".formatted(file));
            return null;
        } catch (AccessDeniedException e) {
            errors.file("Ledgerport may not read %s; check the file's permissions".formatted(file));
            return null;
        } catch (IOException e) {
            errors.file("could not read %s: %s".formatted(file, e.getMessage()));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), text, true);
        if (result.isError()) {
            text.flip();
            int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
            errors.add(line, "", "this line holds characters that are not UTF-8; save the file as UTF-8 "
                    + "(in Excel: CSV UTF-8 (comma delimited))");
            return null;
        }
        decoder.flush(text);
        text.flip();
        String decoded = text.toString();
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }
}
