package org.ledgerport.core.store;

import java.util.List;

/** An import was refused as a whole; nothing of it was saved. Each reason names its source line. */
public final class ImportRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public ImportRefusedException(List<String> reasons) {
        super("Nothing was imported: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
