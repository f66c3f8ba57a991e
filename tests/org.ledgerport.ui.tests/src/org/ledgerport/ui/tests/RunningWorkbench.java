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

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;

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
        return started.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    MApplication application() {
        return workbench.getApplication();
    }

    /** Runs on the UI thread and returns what it computed. */
    <T> T onUi(Supplier<T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        display.syncExec(() -> result.set(query.get()));
        return result.get();
    }

    /** Waits, letting the UI thread work, until the condition holds there. */
    void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Boolean.TRUE.equals(onUi(condition))) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what);
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
        onUi(() -> {
            var size = control.getSize();
            Image image = new Image(display, size.x, size.y);
            GC gc = new GC(control);
            try {
                gc.copyArea(image, 0, 0);
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

    static <T extends Control> T find(Composite root, Class<T> type) {
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Composite composite) {
                T found = find(composite, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
