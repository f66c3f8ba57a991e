package org.ledgerport.core.internal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.Attempt;
import org.ledgerport.core.store.ExportJournal.Confirmation;

/**
 * Settles attempts whose outcome is not known: the invoice may or may not have reached the vendor. It is
 * looked up there by our reference, never sent again blind; that is the exactly-once rule.
 */
final class Settlement {

    private final ExportJournal journal;
    private final ConnectorSession session;
    private final String packageName;

    Settlement(ExportJournal journal, ConnectorSession session, String packageName) {
        this.journal = journal;
        this.session = session;
        this.packageName = packageName;
    }

    /** The vendor has the invoice: the reference and the exported status are committed together. */
    InvoiceResult confirm(Attempt attempt, String number, ExternalInvoice external, List<Problem> warnings) {
        return confirmed(attempt, number, external, warnings,
                journal.confirm(List.of(new Confirmation(attempt, external))).get(0));
    }

    /** The result of an attempt the journal confirmed, noting when the invoice changed meanwhile. */
    InvoiceResult confirmed(Attempt attempt, String number, ExternalInvoice external, List<Problem> warnings,
            boolean statusChanged) {
        List<Problem> problems = new ArrayList<>(warnings);
        if (!statusChanged) {
            problems.add(Problem.warning("export.changed-meanwhile", "",
                    ("Invoice %s was changed here while it was being exported; %s has the version that was "
                            + "finalized before the change. Compare the two.").formatted(number, packageName)));
        }
        return new InvoiceResult(attempt.invoiceId(), number, ExportOutcome.EXPORTED, external, problems);
    }

    /** The vendor refused the invoice and kept nothing. */
    InvoiceResult refused(Attempt attempt, String number, List<Problem> problems) {
        journal.release(attempt);
        return new InvoiceResult(attempt.invoiceId(), number, ExportOutcome.FAILED, null, problems);
    }

    /** No answer came for the attempt: look before anything is sent again. */
    InvoiceResult lookUp(Attempt attempt, String number, Problem whatHappened) {
        Optional<ExternalInvoice> found;
        try {
            found = session.findByReference(attempt.ourReference());
        } catch (ConnectorException e) {
            return new InvoiceResult(attempt.invoiceId(), number, ExportOutcome.UNCONFIRMED, null,
                    List.of(whatHappened, new Problem("export.unconfirmed", Severity.ERROR, "",
                            ("Ledgerport could not check whether %s received invoice %s (%s). It will look it up "
                                    + "there before it is ever sent again; export again when %s can be reached.")
                                    .formatted(packageName, number, e.getMessage(), packageName),
                            e.problem().vendorCode(), e.problem().vendorMessage(), true)));
        }
        if (found.isPresent()) {
            return confirm(attempt, number, found.get(), List.of(new Problem("export.confirmed-by-lookup",
                    Severity.INFO, "", ("No answer came when invoice %s was sent (%s); Ledgerport found it in %s "
                            + "and recorded it, so it was not sent twice.").formatted(number,
                                    whatHappened.message(), packageName),
                    whatHappened.vendorCode(), whatHappened.vendorMessage(), false)));
        }
        journal.release(attempt);
        return new InvoiceResult(attempt.invoiceId(), number, ExportOutcome.FAILED, null,
                List.of(new Problem("export.not-received", Severity.ERROR, "",
                        ("Invoice %s did not reach %s (%s); Ledgerport checked and it is not there. Export it "
                                + "again.").formatted(number, packageName, whatHappened.message()),
                        whatHappened.vendorCode(), whatHappened.vendorMessage(), true)));
    }
}
