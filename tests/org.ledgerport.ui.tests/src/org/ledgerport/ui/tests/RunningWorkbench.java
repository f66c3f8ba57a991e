package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.suppliers.ExtendedObjectSupplier;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The Ledgerport workbench started the way the product starts it (E4Application with the product's branding:
 * its application model, fragments and CSS), on a UI thread of its own, so the test thread can look at the
 * real widgets the way a person would, and close it again.
 */
final class RunningWorkbench implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Display display;
    private final E4Workbench workbench;
    private final Thread uiThread;
    /** What went wrong in an action run {@link #later}, reported by the next wait. */
    private final AtomicReference<Throwable> failedLater = new AtomicReference<>();

    private RunningWorkbench(Display display, E4Workbench workbench, Thread uiThread) {
        this.display = display;
        this.workbench = workbench;
        this.uiThread = uiThread;
    }

    static RunningWorkbench start() throws Exception {
        IProduct product = Platform.getProduct();
        assertTrue(product != null && "org.ledgerport.app.product".equals(product.getId()),
                "the test runtime must run with -Declipse.product=org.ledgerport.app.product");
        CompletableFuture<RunningWorkbench> started = new CompletableFuture<>();
        Thread ui = new Thread(() -> {
            Display display = new Display();
            try {
                E4Workbench workbench = new E4Application().createE4Workbench(new ProductContext(product), display);
                deliverUiEventsTo(workbench.getApplication().getContext());
                started.complete(new RunningWorkbench(display, workbench, Thread.currentThread()));
                workbench.createAndRunUI(workbench.getApplication());
            } catch (Throwable e) {
                started.completeExceptionally(e);
            } finally {
                display.dispose();
            }
        }, "Ledgerport UI (test)");
        ui.setDaemon(true);
        ui.start();
        RunningWorkbench running = started.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        running.useThemeAskedFor();
        return running;
    }

    /**
     * e4 injects the supplier behind {@code @UIEventTopic} once per runtime, with the first workbench's UI
     * synchronizer, and keeps it; a later workbench in the same test runtime would never receive a UI event. Each
     * workbench here hands it its own, as the product's one workbench per process has it.
     */
    private static void deliverUiEventsTo(IEclipseContext context) throws InvalidSyntaxException {
        BundleContext bundle = FrameworkUtil.getBundle(RunningWorkbench.class).getBundleContext();
        ServiceReference<?>[] suppliers = bundle.getServiceReferences(ExtendedObjectSupplier.SERVICE_NAME,
                "(" + ExtendedObjectSupplier.SERVICE_CONTEXT_KEY + "=" + UIEventTopic.class.getName() + ")");
        assertTrue(suppliers != null && suppliers.length > 0, "no supplier for @UIEventTopic in the runtime");
        for (ServiceReference<?> supplier : suppliers) {
            ContextInjectionFactory.inject(bundle.getService(supplier), context);
        }
    }

    /** Shows the theme the run was asked for (-Dledgerport.theme), so screenshots can be taken in each. */
    private void useThemeAskedFor() throws InterruptedException {
        String theme = System.getProperty("ledgerport.theme");
        if (theme == null) {
            return;
        }
        await("the theme engine", () -> application().getContext().get(IThemeEngine.class) != null);
        onUi(() -> {
            application().getContext().get(IThemeEngine.class).setTheme(theme, false);
            return null;
        });
    }

    /**
     * The workstation's window. Under Xvfb with no window manager no window is ever the active one, so the
     * tests go through the window's own context where a person's key press would reach it.
     */
    MWindow window() {
        return workbench.getApplication().getChildren().get(0);
    }

    /** The window's part service: the parts as a person sees them in the window. */
    EPartService parts() {
        return window().getContext().get(EPartService.class);
    }

    MApplication application() {
        return workbench.getApplication();
    }

    /**
     * Runs on the UI thread and returns what it computed. What it throws is thrown here, in the test: the
     * workbench's own synchronizer would only log it.
     */
    <T> T onUi(Supplier<T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(query.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        if (thrown.get() instanceof RuntimeException e) {
            throw e;
        }
        if (thrown.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /** Runs on the UI thread without waiting for it: for what opens a modal dialog. */
    void later(Runnable action) {
        display.asyncExec(() -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                failedLater.compareAndSet(null, e);
            }
        });
    }

    /** Runs a command with its parameters on the UI thread, as a menu item or key binding would. */
    void execute(String commandId, Map<String, String> parameters) throws InterruptedException {
        // The workbench defines the model's commands as it comes up; a test may be quicker than that.
        await("the command " + commandId + " to be defined",
                () -> window().getContext().get(ECommandService.class).getCommand(commandId).isDefined());
        later(() -> {
            IEclipseContext context = window().getContext().getActiveLeaf();
            ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, parameters);
            if (command == null) {
                throw new IllegalStateException("The command " + commandId + " does not take " + parameters);
            }
            context.get(EHandlerService.class).executeHandler(command);
        });
    }

    /** Waits, letting the UI thread work, until the condition holds there. */
    void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        await(() -> what, condition);
    }

    /** Waits as {@link #await(String, Supplier)}, saying what was seen instead when it gives up. */
    void await(Supplier<String> what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Boolean.TRUE.equals(onUi(condition))) {
            if (failedLater.get() != null) {
                throw new AssertionError("what the test ran on the UI thread failed while waiting for " + what.get(),
                        failedLater.get());
            }
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    /** Saves what the control shows as a PNG, for a person to look at after the run. */
    void screenshot(Control control, String name) throws Exception {
        String folder = System.getProperty("ledgerport.screenshots");
        if (folder == null) {
            return;
        }
        Path target = Files.createDirectories(Path.of(folder)).resolve(name + ".png");
        // Let what the test just did be painted first, as a person would see it a moment later.
        onUi(() -> {
            control.getShell().update();
            return null;
        });
        Thread.sleep(300);
        onUi(() -> {
            // From the screen, so a window comes with its menu bar and status bar. A dialog has no menu bar, and
            // with no window manager its bounds reach past what it paints: its client area is the dialog.
            Rectangle area = control instanceof Shell shell
                    ? shell.getMenuBar() != null ? shell.getBounds() : display.map(shell, null, shell.getClientArea())
                    : display.map(control.getParent(), null, control.getBounds());
            Image image = new Image(display, area.width, area.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
                loader.save(target.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
            return null;
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (!display.isDisposed()) {
            display.asyncExec(workbench::close);
        }
        uiThread.join(PATIENCE.toMillis());
    }

    /** The application context a launcher would hand E4Application: no arguments, the product's branding. */
    private record ProductContext(IProduct product) implements IApplicationContext {

        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, new String[0]);
        }

        @Override
        public void applicationRunning() {
            // No splash screen to take down.
        }

        @Override
        public String getBrandingApplication() {
            return product.getApplication();
        }

        @Override
        public String getBrandingName() {
            return product.getName();
        }

        @Override
        public String getBrandingDescription() {
            return product.getDescription();
        }

        @Override
        public String getBrandingId() {
            return product.getId();
        }

        @Override
        public String getBrandingProperty(String key) {
            return product.getProperty(key);
        }

        @Override
        public Bundle getBrandingBundle() {
            return product.getDefiningBundle();
        }

        @Override
        public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
            // The test reads the workbench, not an exit code.
        }
    }
}
