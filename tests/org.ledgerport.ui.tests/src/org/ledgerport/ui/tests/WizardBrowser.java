package org.ledgerport.ui.tests;

import java.net.URI;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.SystemBrowser;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The user's browser while the wizard signs in: a {@link SystemBrowser} service ranked above the workstation's own,
 * which remembers the pages the wizard opens, and on which the test signs in when it is ready (a simulator's
 * sign-in page takes the user as signed in and consenting).
 */
final class WizardBrowser implements SystemBrowser, AutoCloseable {

    /** Where the browser ends up after the vendor's page. */
    enum Ending {
        /** Back at the connector's listener on this computer, as with a loopback redirect address. */
        AT_THE_LISTENER,
        /** On a registered web page, whose address the user has to copy from the address bar. */
        ON_A_WEB_PAGE
    }

    private final Ending ending;
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private ServiceRegistration<SystemBrowser> registration;

    private WizardBrowser(Ending ending) {
        this.ending = ending;
    }

    /** Registers the browser; do it before the workbench starts, so that the wizard is given this one. */
    static WizardBrowser register(Ending ending) {
        WizardBrowser browser = new WizardBrowser(ending);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        browser.registration = Osgi.context().registerService(SystemBrowser.class, browser, properties);
        return browser;
    }

    @Override
    public void open(URI page) {
        opened.add(page);
    }

    /** How many pages the wizard sent the browser to. */
    int pagesOpened() {
        return opened.size();
    }

    /** The user signs in on the page the browser shows now; returns the address the browser ended on. */
    URI signIn() throws InterruptedException {
        Osgi.await("the wizard to open a sign-in page in the browser", () -> !opened.isEmpty());
        URI page = opened.get(opened.size() - 1);
        return ending == Ending.AT_THE_LISTENER ? Browser.visit(page) : Browser.redirectOf(page);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
