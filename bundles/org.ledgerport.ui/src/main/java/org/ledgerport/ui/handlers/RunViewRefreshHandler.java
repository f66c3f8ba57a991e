package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Execute;

/**
 * The window's Refresh key (F5) in the Export, Errors and Process Log views: activated in a view's own context, so
 * it handles the key while that view is the active part and the invoice list's handler does otherwise.
 */
public final class RunViewRefreshHandler {

    /** The window's Refresh command, bound to F5. */
    static final String REFRESH_COMMAND = "org.ledgerport.ui.command.refresh";

    private final Runnable refresh;

    private RunViewRefreshHandler(Runnable refresh) {
        this.refresh = refresh;
    }

    /** Makes F5 run {@code refresh} while the view whose handler service this is stays active. */
    public static void activate(EHandlerService viewHandlers, Runnable refresh) {
        viewHandlers.activateHandler(REFRESH_COMMAND, new RunViewRefreshHandler(refresh));
    }

    @Execute
    public void execute() {
        refresh.run();
    }
}
