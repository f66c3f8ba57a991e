package org.ledgerport.ui.parts;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.ui.Icons;

/**
 * The images a part shows, made once per descriptor (a label provider asks for the same one on every row) and
 * freed with the part's control.
 */
final class PartImages {

    private final ResourceManager resources;
    private final Map<ImageDescriptor, Image> images = new HashMap<>();

    PartImages(Control owner) {
        resources = new LocalResourceManager(JFaceResources.getResources(), owner);
    }

    /** The image for the descriptor, or null for none. */
    Image image(ImageDescriptor descriptor) {
        return descriptor == null ? null : images.computeIfAbsent(descriptor, resources::create);
    }

    Image named(String name) {
        return image(Icons.get(name));
    }

    /** How a whole run ended, as the Process Log shows it. */
    static ImageDescriptor forRun(RunOutcome outcome) {
        return Icons.get(switch (outcome) {
            case COMPLETED -> "exported";
            case COMPLETED_WITH_PROBLEMS -> "warning";
            case CANCELLED -> "skipped";
            case FAILED -> "failed";
            case RUNNING -> "unconfirmed";
            case DRY_RUN -> "checked";
        });
    }
}
