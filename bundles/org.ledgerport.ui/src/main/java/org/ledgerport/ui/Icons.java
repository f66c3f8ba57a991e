package org.ledgerport.ui;

import java.net.URL;

import org.eclipse.jface.resource.ImageDescriptor;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Severity;

/**
 * The workstation's icons: 16 px PNGs, each with a 32 px {@code @2x} sibling that JFace picks on HiDPI
 * screens. Callers create images through a resource manager tied to their control, so they are freed with it.
 */
public final class Icons {

    private Icons() {
    }

    /** The icon of this name; a missing icon is a programming error and fails loudly. */
    public static ImageDescriptor get(String name) {
        URL url = Icons.class.getResource("/icons/" + name + ".png");
        if (url == null) {
            throw new IllegalArgumentException("The workstation has no icon '" + name + "'");
        }
        return ImageDescriptor.createFromURL(url);
    }

    public static ImageDescriptor forOutcome(ExportOutcome outcome) {
        return get(switch (outcome) {
            case EXPORTED -> "exported";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            case UNCONFIRMED -> "unconfirmed";
            case CHECKED -> "checked";
        });
    }

    public static ImageDescriptor forSeverity(Severity severity) {
        return get(switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "info";
        });
    }

    public static ImageDescriptor forStatus(InvoiceStatus status) {
        return get(switch (status) {
            case DRAFT -> "draft";
            case FINALIZED -> "finalized";
            case EXPORTED, PAID, CLOSED -> "exported";
            case VOID -> "skipped";
        });
    }
}
