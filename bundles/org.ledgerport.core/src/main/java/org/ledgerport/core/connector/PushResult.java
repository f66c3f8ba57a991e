package org.ledgerport.core.connector;

import java.util.List;

import org.ledgerport.core.model.Problem;

/** What became of one invoice in a push. Every invoice sent gets exactly one result. */
public sealed interface PushResult {

    String ourReference();

    /** The vendor has the invoice. */
    record Created(String ourReference, ExternalInvoice external, List<Problem> warnings) implements PushResult {
        public Created {
            warnings = List.copyOf(warnings);
        }
    }

    /** The vendor refused the invoice and kept nothing. */
    record Rejected(String ourReference, List<Problem> problems) implements PushResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** No answer came back: the vendor may or may not have the invoice. */
    record Unknown(String ourReference, Problem problem) implements PushResult {
    }
}
