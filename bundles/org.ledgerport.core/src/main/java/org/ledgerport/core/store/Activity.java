package org.ledgerport.core.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a user did that the process log keeps besides export runs: a revert, a payment, a status refresh, a
 * change of a connection or of a role.
 *
 * @param connectionName the connection concerned, or empty
 * @param invoiceNumber  the invoice concerned, or empty
 */
public record Activity(long id, Instant at, String user, String workstation, Kind kind, String connectionName,
        String invoiceNumber, String text) {

    /** What kind of thing was done. */
    public enum Kind {
        STATUS_REFRESH("Status refresh"), REVERT("Revert"), PAYMENT("Payment"), VENDOR_PROBLEM("Vendor change resolved"),
        CONNECTION_ADDED("Connection added"), CONNECTION_CHANGED("Connection changed"),
        CONNECTION_REMOVED("Connection removed"), ROLE_CHANGED("Role changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The name of the computer this runs on, as the process log shows where a run or an activity came from. */
    public static String thisWorkstation() {
        String name = System.getenv("COMPUTERNAME");
        if (name == null) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "unknown workstation";
            }
        }
        return name;
    }

    public Activity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        workstation = workstation == null ? "" : workstation;
        Objects.requireNonNull(kind, "kind");
        connectionName = connectionName == null ? "" : connectionName;
        invoiceNumber = invoiceNumber == null ? "" : invoiceNumber;
        Objects.requireNonNull(text, "text");
    }
}
