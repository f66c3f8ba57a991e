package org.ledgerport.ui.connect.internal;

import java.net.URL;

import org.eclipse.jface.resource.DeviceResourceException;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Image;
import org.ledgerport.ui.Icons;

/** A connector's own icon, or the workstation's connection icon when it has none or it cannot be read. */
final class ConnectorIcons {

    private ConnectorIcons() {
    }

    static Image image(ResourceManager resources, URL icon) {
        if (icon != null) {
            try {
                return resources.create(ImageDescriptor.createFromURL(icon));
            } catch (DeviceResourceException e) {
                // A dropped-in bundle's icon may be gone with its bundle: the default stands in.
            }
        }
        return resources.create(Icons.get("connection"));
    }
}
