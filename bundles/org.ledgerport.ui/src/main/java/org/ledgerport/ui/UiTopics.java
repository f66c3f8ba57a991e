package org.ledgerport.ui;

/** Event topics the workstation's parts talk through (IEventBroker); the data is in IEventBroker.DATA. */
public final class UiTopics {

    /** An export run or check ended; data: the run's id (Long). */
    public static final String RUN_FINISHED = "org/ledgerport/ui/run/FINISHED";

    /** Someone asked to see a run's problems; data: the run's id (Long). */
    public static final String SHOW_RUN = "org/ledgerport/ui/run/SHOW";

    /** A connection's state changed; data: a {@link ConnectionStatus.Report}. */
    public static final String CONNECTION_STATE = "org/ledgerport/ui/connection/STATE";

    /** The connection the workstation works with changed; data: the connection's id (Long). */
    public static final String ACTIVE_CONNECTION = "org/ledgerport/ui/connection/ACTIVE";

    /**
     * The current user's role was read, at the start or after roles were changed; data: the
     * {@link org.ledgerport.core.access.Role}. Posted after every change of roles, the user's own or not.
     */
    public static final String USER_ROLE = "org/ledgerport/ui/user/ROLE";

    private UiTopics() {
    }
}
