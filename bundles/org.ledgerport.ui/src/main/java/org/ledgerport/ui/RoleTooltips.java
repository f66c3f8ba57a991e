package org.ledgerport.ui;

import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.menu.MItem;

/**
 * A menu or tool item whose action the user's role does not allow says why in its tooltip: handlers call
 * {@link #show} from their {@code @CanExecute} with the {@code MItem} the workbench hands them.
 */
public final class RoleTooltips {

    /** Where an item keeps the tooltip its model gave it, while a refusal stands in for it. */
    private static final String OWN_TOOLTIP = "org.ledgerport.ui.ownTooltip";

    private RoleTooltips() {
    }

    /** Shows the refusal as the item's tooltip, or the item's own tooltip when there is none; null items pass. */
    public static void show(MItem item, Optional<String> refusal) {
        if (item == null) {
            return;
        }
        Object own = item.getTransientData().computeIfAbsent(OWN_TOOLTIP,
                key -> item.getTooltip() == null ? "" : item.getTooltip());
        String tooltip = refusal.orElse((String) own);
        if (!tooltip.equals(item.getTooltip() == null ? "" : item.getTooltip())) {
            item.setTooltip(tooltip);
        }
    }
}
