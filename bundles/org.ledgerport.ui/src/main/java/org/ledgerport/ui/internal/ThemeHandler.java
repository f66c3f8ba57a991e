package org.ledgerport.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

import jakarta.inject.Named;

/** Window > Light / Dark Theme: switches at once and remembers the choice for the next start. */
public final class ThemeHandler {

    private static final String THEME = "org.ledgerport.ui.commandparameter.theme";

    @CanExecute
    boolean canExecute(@Optional IThemeEngine themes, @Optional MItem item, @Optional @Named(THEME) String theme) {
        if (themes != null && item != null && theme != null && themes.getActiveTheme() != null) {
            item.setSelected(theme.equals(themes.getActiveTheme().getId()));
        }
        return themes != null;
    }

    @Execute
    void execute(IThemeEngine themes, @Named(THEME) String theme) {
        themes.setTheme(theme, true);
    }
}
