package org.ledgerport.ui.internal;

import java.net.URI;

import org.eclipse.swt.program.Program;
import org.ledgerport.ui.SystemBrowser;
import org.osgi.service.component.annotations.Component;

/** Opens pages in the browser the operating system is set to use. */
@Component(service = SystemBrowser.class)
public final class ProgramBrowser implements SystemBrowser {

    private static final System.Logger LOG = System.getLogger(ProgramBrowser.class.getName());

    @Override
    public void open(URI page) {
        if (!Program.launch(page.toString())) {
            // The wizard also shows the address, so the user can open it by hand.
            LOG.log(System.Logger.Level.WARNING, "No system browser could be started for the sign-in page");
        }
    }
}
