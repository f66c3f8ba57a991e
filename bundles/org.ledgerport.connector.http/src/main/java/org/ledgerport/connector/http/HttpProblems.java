package org.ledgerport.connector.http;

import java.time.Duration;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.model.Problem;

/** The problems every online connector reports alike, worded for a bookkeeper. */
public final class HttpProblems {

    public static final String UNREACHABLE = "vendor.unreachable";
    public static final String NO_ANSWER = "vendor.no-answer";
    public static final String UNAVAILABLE = "vendor.unavailable";
    public static final String RATE_LIMITED = "vendor.rate-limited";
    public static final String RECONNECT_NEEDED = "connection.reconnect-needed";
    public static final String SIGN_IN_FAILED = "connection.sign-in-failed";

    private HttpProblems() {
    }

    /** Nothing was sent: the vendor could not be reached at all. */
    public static ConnectorException unreachable(String vendor, Exception cause) {
        return new ConnectorException(Problem.vendor(UNREACHABLE, "",
                vendor + " could not be reached (" + cause.getMessage() + "). Check the internet connection, "
                        + "then try again; nothing was sent.", "", "", true), false, cause);
    }

    /** The request left and no answer came: the vendor may have done the work. */
    public static ConnectorException noAnswer(String vendor, Exception cause) {
        return new ConnectorException(Problem.vendor(NO_ANSWER, "",
                vendor + " did not answer (" + cause.getMessage() + "). Ledgerport checks what arrived there "
                        + "before it sends anything again.", "", "", true), true, cause);
    }

    public static ConnectorException unavailable(String vendor, HttpReply reply, boolean mayHaveReachedVendor) {
        return new ConnectorException(Problem.vendor(UNAVAILABLE, "",
                vendor + " is having trouble (HTTP " + reply.status() + "). Try again in a few minutes.",
                String.valueOf(reply.status()), Redaction.text(abbreviate(reply.body())), true),
                mayHaveReachedVendor, null);
    }

    public static ConnectorException rateLimited(String vendor, Duration wait, String which) {
        return new ConnectorException(Problem.vendor(RATE_LIMITED, "",
                vendor + " asks Ledgerport to slow down" + (which.isEmpty() ? "" : " (" + which + " limit)")
                        + " and to wait " + words(wait) + ". Export the rest after that; nothing was lost.",
                "429", which, true));
    }

    public static ConnectorException reconnectNeeded(String vendor, String account, String vendorMessage) {
        return new ConnectorException(Problem.vendor(RECONNECT_NEEDED, "connection",
                vendor + " no longer accepts Ledgerport's sign-in for " + account + " (it expired, was revoked, "
                        + "or the app was disconnected there). Reconnect the account, then export again; nothing "
                        + "was sent.", "invalid_grant", vendorMessage, false));
    }

    public static ConnectorException signInFailed(String vendor, String why, String vendorCode) {
        return new ConnectorException(Problem.vendor(SIGN_IN_FAILED, "connection",
                "Signing in to " + vendor + " did not work: " + why, vendorCode, "", false));
    }

    static String words(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 120) {
            return seconds + " seconds";
        }
        if (seconds < 2 * 3600) {
            return (seconds + 59) / 60 + " minutes";
        }
        return (seconds + 3599) / 3600 + " hours";
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
