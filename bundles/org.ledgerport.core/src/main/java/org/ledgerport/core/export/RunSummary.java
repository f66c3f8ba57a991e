package org.ledgerport.core.export;

import java.time.Duration;
import java.time.Instant;

/**
 * One export run as the process log shows it.
 *
 * @param finishedAt null while it runs
 */
public record RunSummary(long id, long connectionId, String connectionName, String user, String workstation,
        Instant startedAt, Instant finishedAt, int selected, int exported, int failed, int skipped,
        int unconfirmed, RunOutcome outcome) {

    public Duration duration() {
        return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }
}
