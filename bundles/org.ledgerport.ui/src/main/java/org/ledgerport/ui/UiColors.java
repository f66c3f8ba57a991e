package org.ledgerport.ui;

/**
 * Keys of the colours code paints text with, in JFace's colour registry; each theme sets them to values that
 * read well on its background. Widgets themselves are coloured by the theme's CSS.
 */
public final class UiColors {

    public static final String ERROR = "org.ledgerport.ui.color.error";
    public static final String WARNING = "org.ledgerport.ui.color.warning";
    public static final String SUCCESS = "org.ledgerport.ui.color.success";

    /** CSS classes for a part's message area (IStylingEngine.setClassname). */
    public static final String MESSAGE_ERROR_CLASS = "message-error";
    public static final String MESSAGE_INFO_CLASS = "message-info";

    private UiColors() {
    }
}
