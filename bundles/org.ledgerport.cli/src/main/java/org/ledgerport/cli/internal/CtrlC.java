package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C during an export into a cancellation between batches. The JVM runs its shutdown hooks on Ctrl-C;
 * this one asks the run to stop and keeps the process alive until the batch in flight is confirmed and the run is
 * recorded, so that nothing sent goes unrecorded.
 */
final class CtrlC implements AutoCloseable {

    /** Longer than any one batch takes, short enough that a stuck process still ends. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean pressed;

    CtrlC(PrintStream err) {
        hook = new Thread(() -> {
            pressed = true;
            err.println("Stopping after the batch in flight, once what was sent is recorded...");
            try {
                finished.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ledgerport-cli Ctrl-C");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean pressed() {
        return pressed;
    }

    /** The export is over: a waiting hook lets the JVM exit, and a hook not run yet is withdrawn. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C was pressed: the hook is running and, now released, lets the JVM exit.
        }
    }
}
