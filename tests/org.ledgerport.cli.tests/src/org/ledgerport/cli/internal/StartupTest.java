package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.services;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.osgi.framework.Bundle;

/** How the application starts: its arguments, the services it waits for, its exit code, the optional demo firm. */
class StartupTest {

    @Test
    void theApplicationRunsTheCommandInItsArgumentsAndReturnsItsExitCode() {
        Object exitCode = new CliApplication().start(context("log", "--limit", "none"));
        assertEquals(ExitCode.USAGE, exitCode, "the exit code is returned as an Integer, for the launcher");
    }

    @Test
    void theApplicationWaitsForTheWorkstationsOwnServices() throws Exception {
        try (FrameworkServices framework = new FrameworkServices(Osgi.PATIENCE)) {
            Services services = framework.await();
            assertSame(Osgi.service(InvoiceStore.class), services.invoices());
            assertSame(Osgi.service(ExportService.class), services.exports());
            assertSame(services, framework.await(), "the services are waited for once");
            assertEquals(demoBundleResolved(), services.demo().isPresent(),
                    "the demo firm is offered exactly when its bundle is there");
        }
    }

    @Test
    void aFailedComponentIsExplainedByOurOwnExceptionsMessage() {
        String storeFailed = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(Unknown Source)
                Caused by: org.ledgerport.core.store.StoreException: Could not open the database in /w/database: \
                another Ledgerport (the workstation or the command line) is using it.
                \tat org.ledgerport.store.derby.internal.DerbyDatabase.<init>(DerbyDatabase.java:117)
                Caused by: java.sql.SQLException: Failed to start database '/w/database'
                """;
        String dependentFailed = "java.lang.InstantiationException: Unable to get service for reference store\n";
        assertEquals(List.of("Could not open the database in /w/database: another Ledgerport (the workstation or the "
                + "command line) is using it."), FrameworkServices.reasons(List.of(dependentFailed, storeFailed)));
        assertEquals(List.of("java.lang.IllegalStateException: no workspace"),
                FrameworkServices.reasons(List.of("java.lang.IllegalStateException: no workspace\n\tat x.Y.z(Y.java:1)\n")));
    }

    @Test
    void demoDataIsNeverMixedWithAFirmsOwnData() throws Exception {
        new Firm(Osgi.service(InvoiceStore.class), "DEMO").customer("Existing Customer Ltd");
        try (FrameworkServices framework = new FrameworkServices(Osgi.PATIENCE)) {
            Result result = CommandLine.run(new Cli(framework.await()), "demo-data");
            if (framework.await().demo().isPresent()) {
                assertEquals(ExitCode.FAILED, result.exitCode(), result::toString);
                assertTrue(result.err().contains("The demo firm was not loaded"), result::toString);
            } else {
                assertEquals(ExitCode.CANNOT_RUN, result.exitCode(), result::toString);
                assertTrue(result.err().contains("The demo firm is not part of this installation"), result::toString);
            }
        }
        Result withoutDemo = CommandLine.run(new Cli(services()), "demo-data");
        assertEquals(ExitCode.CANNOT_RUN, withoutDemo.exitCode(), withoutDemo::toString);
    }

    private static boolean demoBundleResolved() {
        return Arrays.stream(Osgi.context().getBundles())
                .anyMatch(b -> b.getSymbolicName().equals("org.ledgerport.demo") && b.getState() != Bundle.INSTALLED);
    }

    private static IApplicationContext context(String... args) {
        return new IApplicationContext() {
            @Override
            public Map<String, Object> getArguments() {
                return Map.of(IApplicationContext.APPLICATION_ARGS, args);
            }

            @Override
            public void applicationRunning() {
            }

            @Override
            public String getBrandingApplication() {
                return null;
            }

            @Override
            public String getBrandingName() {
                return null;
            }

            @Override
            public String getBrandingDescription() {
                return null;
            }

            @Override
            public String getBrandingId() {
                return null;
            }

            @Override
            public String getBrandingProperty(String key) {
                return null;
            }

            @Override
            public Bundle getBrandingBundle() {
                return null;
            }

            @Override
            public void setResult(Object result, IApplication application) {
            }
        };
    }
}
