package org.ledgerport.ui.connect.internal;

import java.util.List;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.ui.WidgetIds;

/**
 * The fields of a form built from a connector's settings, in a grid of two columns (label, field): each writes the
 * wizard's live settings as the user types, explains itself in a tooltip and an information decoration, and is
 * tagged "wizard.setting.KEY" for tests unless a caller tags it otherwise.
 */
final class SettingFields {

    /** Labels wrap at this width, so that long ones leave the fields room. */
    private static final int LABEL_WIDTH = 200;

    private SettingFields() {
    }

    /** A text field, masked for secrets, or a drop-down for a setting with a fixed set of choices. */
    static Control field(Composite form, Setting setting, LiveSettings settings, Runnable changed) {
        label(form, setting);
        Control field;
        if (setting.choices().isEmpty()) {
            Text text = new Text(form, SWT.BORDER | (setting.secret() ? SWT.PASSWORD : SWT.NONE));
            text.setText(settings.get(setting.key()));
            text.addModifyListener(event -> {
                settings.set(setting.key(), text.getText());
                changed.run();
            });
            field = text;
        } else {
            Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
            combo.setItems(setting.choices().toArray(String[]::new));
            combo.select(setting.choices().indexOf(settings.get(setting.key())));
            combo.addListener(SWT.Selection, event -> {
                settings.set(setting.key(), combo.getText());
                changed.run();
            });
            field = combo;
        }
        return explained(field, setting);
    }

    /**
     * An editable drop-down of the package's own entries (accounts, tax rates, items) that saves an entry's code; what
     * the user types instead is saved as typed, for packages that list nothing.
     */
    static Combo picker(Composite form, Setting setting, List<ReferenceEntry> entries, LiveSettings settings,
            Runnable changed) {
        label(form, setting);
        Combo combo = new Combo(form, SWT.DROP_DOWN | SWT.BORDER);
        List<ReferenceEntry> usable = entries.stream().filter(ReferenceEntry::active).toList();
        List<String> shown = usable.stream().map(SettingFields::shown).toList();
        combo.setItems(shown.toArray(String[]::new));
        String current = settings.get(setting.key());
        combo.setText(usable.stream()
                .filter(e -> e.code().equalsIgnoreCase(current) || e.name().equalsIgnoreCase(current)).findFirst()
                .map(SettingFields::shown).orElse(current));
        Runnable write = () -> {
            int at = shown.indexOf(combo.getText());
            settings.set(setting.key(), at >= 0 ? usable.get(at).code() : combo.getText());
            changed.run();
        };
        combo.addListener(SWT.Modify, event -> write.run());
        combo.addListener(SWT.Selection, event -> write.run());
        explained(combo, setting);
        return combo;
    }

    /** An entry of the package's lists as the user recognises it: its name, and its code where that differs. */
    static String shown(ReferenceEntry entry) {
        return entry.name().equals(entry.code()) || entry.code().isEmpty() ? entry.name()
                : entry.name() + " (" + entry.code() + ")";
    }

    private static void label(Composite form, Setting setting) {
        Label label = new Label(form, SWT.WRAP);
        label.setText(setting.label() + (setting.required() ? ":" : " (optional):"));
        GridDataFactory.swtDefaults().hint(LABEL_WIDTH, SWT.DEFAULT).applyTo(label);
    }

    private static <T extends Control> T explained(T field, Setting setting) {
        GridDataFactory.fillDefaults().grab(true, false)
                .indent(FieldDecorationRegistry.getDefault().getMaximumDecorationWidth(), 0).applyTo(field);
        WidgetIds.tag(field, "wizard.setting." + setting.key());
        if (!setting.help().isEmpty()) {
            field.setToolTipText(setting.help());
            ControlDecoration decoration = new ControlDecoration(field, SWT.LEFT | SWT.TOP);
            decoration.setImage(FieldDecorationRegistry.getDefault()
                    .getFieldDecoration(FieldDecorationRegistry.DEC_INFORMATION).getImage());
            decoration.setDescriptionText(setting.help());
        }
        return field;
    }
}
