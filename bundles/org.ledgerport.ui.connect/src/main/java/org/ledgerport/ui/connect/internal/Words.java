package org.ledgerport.ui.connect.internal;

import org.ledgerport.core.model.Problem;

/** How the wizard and the Connections view put a connector's problems into words. */
final class Words {

    private Words() {
    }

    /** The problem's message, then what the package itself said, if anything. */
    static String problem(Problem problem, String packageName) {
        if (problem.vendorMessage().isEmpty()) {
            return problem.message();
        }
        return "%s%n%s said: %s%s".formatted(problem.message(), packageName, problem.vendorMessage(),
                problem.vendorCode().isEmpty() ? "" : " (" + problem.vendorCode() + ")");
    }
}
