package org.ledgerport.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.RGB;
import org.ledgerport.ui.UiColors;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Keeps the few colours code paints with (error, warning and success text) readable in the active theme: CSS
 * colours widgets, these colour what a label provider draws.
 */
public final class ThemeColors {

    private static final String DARK_THEME = "org.ledgerport.themes.dark";

    @PostConstruct
    void start() {
        apply(false);
    }

    @Inject
    @Optional
    void themeChanged(@UIEventTopic(IThemeEngine.Events.THEME_CHANGED) Event event) {
        Object theme = event.getProperty(IThemeEngine.Events.THEME);
        apply(theme instanceof ITheme active && DARK_THEME.equals(active.getId()));
    }

    private static void apply(boolean dark) {
        ColorRegistry colors = JFaceResources.getColorRegistry();
        colors.put(UiColors.ERROR, dark ? new RGB(0xff, 0x8a, 0x80) : new RGB(0xb0, 0x00, 0x20));
        colors.put(UiColors.WARNING, dark ? new RGB(0xff, 0xd5, 0x4f) : new RGB(0x8a, 0x61, 0x00));
        colors.put(UiColors.SUCCESS, dark ? new RGB(0x81, 0xc7, 0x84) : new RGB(0x2e, 0x7d, 0x32));
    }
}
