package org.ledgerport.cli.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services the commands need, tracked in the framework the command line runs in. They come up a moment after
 * start, once the database is open; this waits for them, but not for ever, and when a component that should
 * provide one failed (the database is in use by a running workstation) it says why at once.
 */
final class FrameworkServices implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String DEMO_PACKAGE = "org.ledgerport.demo";
    // Our own exceptions carry messages written for people; the first one in a failure's stack trace says why.
    private static final Pattern OUR_EXCEPTION = Pattern.compile("(?m)^(?:Caused by: )?org\\.ledgerport\\.[\\w.$]+: (.+)$");

    private final Bundle bundle;
    private final BundleContext context;
    private final Duration patience;
    /** Every tracker by the name of the service class it tracks. */
    private final Map<String, ServiceTracker<?, ?>> trackers = new LinkedHashMap<>();
    private DemoFirmAdapter demo;
    private Services services;

    FrameworkServices(Duration patience) {
        this.bundle = FrameworkUtil.getBundle(FrameworkServices.class);
        this.context = bundle.getBundleContext();
        this.patience = patience;
    }

    /**
     * The services, once all of them are there. Nothing is tracked before the first call, so that help and usage
     * errors never open the database.
     *
     * @throws CannotRunException when one does not come within the patience, or a component that should provide
     *                            it failed
     */
    synchronized Services await() {
        if (services == null) {
            ServiceTracker<InvoiceStore, InvoiceStore> invoices = track(InvoiceStore.class);
            ServiceTracker<ConnectionStore, ConnectionStore> connections = track(ConnectionStore.class);
            ServiceTracker<CredentialStore, CredentialStore> credentials = track(CredentialStore.class);
            ServiceTracker<ConnectorRegistry, ConnectorRegistry> connectors = track(ConnectorRegistry.class);
            ServiceTracker<ExportService, ExportService> exports = track(ExportService.class);
            ServiceTracker<StatusService, StatusService> status = track(StatusService.class);
            ServiceTracker<RevisionService, RevisionService> revisions = track(RevisionService.class);
            ServiceTracker<PaymentService, PaymentService> payments = track(PaymentService.class);
            ServiceTracker<AccessControl, AccessControl> access = track(AccessControl.class);
            ServiceTracker<ProcessLog, ProcessLog> processLog = track(ProcessLog.class);
            ServiceTracker<InvoiceImporter, InvoiceImporter> importer = track(InvoiceImporter.class);
            waitForAll();
            // The demo bundle is optional: its classes are touched only when this bundle is wired to its package.
            if (wiredTo(bundle, DEMO_PACKAGE)) {
                demo = new DemoFirmAdapter(context, patience);
            }
            services = new Services(invoices.getService(), connections.getService(), credentials.getService(),
                    connectors.getService(), exports.getService(), status.getService(), revisions.getService(),
                    payments.getService(), access.getService(), processLog.getService(), importer.getService(),
                    Optional.<DemoLoader>ofNullable(demo));
        }
        return services;
    }

    private <T> ServiceTracker<T, T> track(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.put(type.getName(), tracker);
        return tracker;
    }

    private void waitForAll() {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Set<String> missing = trackers.entrySet().stream().filter(t -> t.getValue().getService() == null)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            if (missing.isEmpty()) {
                return;
            }
            List<String> failures = failures(missing);
            if (!failures.isEmpty()) {
                throw new CannotRunException("Ledgerport could not start: " + String.join(" ", failures));
            }
            if (System.nanoTime() >= deadline) {
                throw new CannotRunException(timedOut(missing));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotRunException("Stopped while waiting for Ledgerport to start.");
            }
        }
    }

    private String timedOut(Set<String> missing) {
        String simpleNames = missing.stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
                .collect(Collectors.joining(", "));
        String log = Optional.ofNullable(context.getProperty("osgi.instance.area"))
                .map(area -> area.replaceFirst("^file:", "") + (area.endsWith("/") ? "" : "/") + ".metadata/.log")
                .orElse("the workspace's .metadata/.log");
        String hint = missing.contains(InvoiceStore.class.getName())
                ? " If the workstation is running on the same workspace, close it first: an embedded database "
                        + "serves one program at a time."
                : " The installation may be missing a bundle.";
        return "Ledgerport did not start within %d s: %s did not come up.%s The log (%s) says more."
                .formatted(patience.toSeconds(), simpleNames, hint, log);
    }

    /**
     * Why components of the bundles that should provide the missing services failed to activate, from Declarative
     * Services' own record; empty while nothing has failed.
     */
    private List<String> failures(Collection<String> missing) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return List.of();
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            if (runtime == null) {
                return List.of();
            }
            Collection<ComponentDescriptionDTO> components = runtime.getComponentDescriptionDTOs();
            Set<Long> providers = components.stream()
                    .filter(c -> Arrays.stream(c.serviceInterfaces).anyMatch(missing::contains))
                    .map(c -> c.bundle.id).collect(Collectors.toSet());
            return reasons(components.stream().filter(c -> providers.contains(c.bundle.id))
                    .flatMap(c -> runtime.getComponentConfigurationDTOs(c).stream())
                    .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null)
                    .map(c -> c.failure).toList());
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * What the failures' stack traces say: the messages of our own exceptions, written for people, when there are
     * any (the components that failed only because another one did add nothing); else each trace's first line.
     */
    static List<String> reasons(List<String> stackTraces) {
        List<String> ours = stackTraces.stream().map(OUR_EXCEPTION::matcher).filter(Matcher::find)
                .map(m -> m.group(1).strip()).distinct().toList();
        return !ours.isEmpty() ? ours
                : stackTraces.stream().map(t -> t.lines().findFirst().orElse(t).strip()).distinct().toList();
    }

    private static boolean wiredTo(Bundle bundle, String packageName) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring != null && wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> packageName.equals(
                        wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
    }

    @Override
    public synchronized void close() {
        trackers.values().forEach(ServiceTracker::close);
        if (demo != null) {
            demo.close();
        }
    }
}
