package org.ledgerport.ui.connect.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.ledgerport.core.connector.SignIn;

/**
 * The wizard's side of a connector's sign-in, called on the sign-in job's thread: it has the sign-in page open the
 * vendor's page in the browser and show that it waits, then returns whichever comes first, the redirect the
 * connector's listener received or the address the user pasted. Cancelling the job cancels the sign-in.
 */
final class WizardSignIn implements SignIn {

    /** How often the waiting job looks whether it was cancelled. */
    private static final long LOOK_MILLIS = 200;

    private final SignInPage page;
    private final IProgressMonitor monitor;
    private final CompletableFuture<URI> answer = new CompletableFuture<>();

    WizardSignIn(SignInPage page, IProgressMonitor monitor) {
        this.page = page;
        this.monitor = monitor;
    }

    @Override
    public URI authorize(URI authorizationPage, URI redirectTo, CompletionStage<URI> redirectReceived)
            throws InterruptedException {
        redirectReceived.thenAccept(answer::complete);
        page.later(() -> page.waiting(authorizationPage, this));
        try {
            while (true) {
                if (monitor.isCanceled()) {
                    throw new InterruptedException("The sign-in was cancelled.");
                }
                try {
                    return answer.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // Nothing yet: look at the cancel button again.
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A sign-in answer cannot fail", e);
        } finally {
            page.later(page::finishing);
        }
    }

    /** The conversation for a package that signs in nowhere: a sign-in it asks for anyway is refused. */
    static SignIn none(String packageName) {
        return (page, redirect, received) -> {
            throw new InterruptedException(packageName + " asked for a sign-in in the browser, which it did not "
                    + "announce. Its connector may be faulty; ask whoever supplied it.");
        };
    }

    /** The address the browser ended on, as the user pasted it. */
    void pasted(URI address) {
        answer.complete(address);
    }
}
