package org.ledgerport.ui.connect.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.ui.WidgetIds;

/**
 * What exported invoices get in the package: the account sales are booked to (and the connector's other defaults,
 * chosen from the package's own lists), the package's tax code for each of the firm's, the package's account for
 * each income account the firm's items name, and who numbers invoices. The package's lists are read in the
 * background each time the connection changed; a package that signs in nowhere is connected here first.
 */
final class DefaultsPage extends DraftPage {

    /** A day: refreshing less often than that is as good as asking by hand. */
    private static final int MAX_REFRESH_MINUTES = 24 * 60;

    private Composite form;
    private Composite loading;
    private Label loadingText;
    private ProgressBar loadingBar;
    private Button retry;
    private Composite content;
    /** The tax code mappings, or null when the firm has no tax codes. */
    private MappingTable taxTable;
    /** The draft's generation the lists were read for; another one reads them again. */
    private int loadedFor = -1;
    private boolean loaded;
    private boolean reading;

    /** What the page shows choices from. */
    private record Lists(ReferenceData reference, List<TaxCode> taxCodes, List<String> incomeAccounts) {
    }

    DefaultsPage() {
        super("defaults", "Defaults for exported invoices");
    }

    @Override
    public void createControl(Composite parent) {
        form = Widgets.scrollingForm(parent);
        GridLayoutFactory.swtDefaults().applyTo(form);

        loading = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(loading);
        loading.setLayoutData(Widgets.wrapping(1));
        loadingBar = new ProgressBar(loading, SWT.INDETERMINATE);
        GridDataFactory.swtDefaults().hint(120, SWT.DEFAULT).applyTo(loadingBar);
        loadingText = new Label(loading, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(loadingText);
        retry = new Button(loading, SWT.PUSH);
        retry.setText("Try &again");
        retry.addListener(SWT.Selection, event -> load());

        content = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(content);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
        setControl(form.getParent());
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            String packageName = draft().packageName();
            setDescription("Where " + packageName + " books what Ledgerport sends, and who numbers invoices.");
            if (loadedFor != draft().generation() && !reading) {
                load();
            }
        }
        super.setVisible(visible);
    }

    @Override
    public boolean isPageComplete() {
        return loaded && !reading && missing().isEmpty();
    }

    private void load() {
        String packageName = draft().packageName();
        ConnectionDraft.Snapshot snapshot = draft().snapshot();
        Connector connector = draft().connector();
        boolean connectFirst = !draft().signedIn() && !wizard().signsInWithBrowser();
        if (snapshot.saved() == null && !connectFirst) {
            setErrorMessage("Sign in to " + packageName + " first: go back to the sign-in page.");
            return;
        }
        reading = true;
        loaded = false;
        loadedFor = draft().generation();
        setErrorMessage(null);
        showLoading((connectFirst ? "Connecting to %s and reading its accounts and tax codes\u2026"
                : "Reading %s's accounts and tax codes\u2026").formatted(packageName), true);
        wizard().schedule("Reading " + packageName + "'s accounts and tax codes", monitor -> {
            try {
                Connection connection = snapshot.saved() == null ? null : snapshot.unsaved();
                if (connectFirst) {
                    String user = services().user().name();
                    Connection saved = snapshot.save(user, services().connections(), services().credentials());
                    wizard().kept(saved);
                    later(() -> draft().saved(saved));
                    AccountInfo account = connector.connect(services().context(saved),
                            WizardSignIn.none(packageName));
                    connection = ConnectionDraft.Snapshot.withAccount(services().connections(), user, saved,
                            account);
                    wizard().kept(connection);
                    Connection connected = connection;
                    later(() -> {
                        draft().connected(connected, account);
                        loadedFor = draft().generation();
                    });
                }
                List<TaxCode> taxCodes = services().invoices().listTaxCodes();
                List<String> incomeAccounts = services().invoices().listItems().stream().map(Item::incomeAccount)
                        .filter(account -> !account.isEmpty()).distinct().sorted().toList();
                ReferenceData reference;
                try (ConnectorSession session = connector.openSession(services().context(connection))) {
                    reference = session.referenceData(true);
                }
                Lists lists = new Lists(reference, taxCodes, incomeAccounts);
                later(() -> show(lists));
            } catch (ConnectorException e) {
                later(() -> failed(e.problem().message(), Words.problem(e.problem(), packageName)));
            } catch (InterruptedException e) {
                later(() -> failed(e.getMessage(), e.getMessage()));
            } catch (AccessDeniedException e) {
                later(() -> failed(e.getMessage(), "Ask an owner of this workstation to make the connection, or to "
                        + "give you the owner role, then press Try again."));
            } catch (StoreException e) {
                later(() -> failed("Ledgerport's database could not save the connection or read your tax codes "
                        + "and items: " + e.getMessage(), "Press Try again. If it keeps failing, restart Ledgerport."));
            }
            return Status.OK_STATUS;
        });
        changed();
    }

    private void failed(String message, String detail) {
        reading = false;
        setErrorMessage(message);
        showLoading(detail, false);
        changed();
    }

    private void showLoading(String text, boolean busy) {
        loadingText.setText(text);
        Widgets.show(loadingBar, busy);
        Widgets.show(retry, !busy);
        Widgets.show(loading, true);
        Widgets.show(content, false);
        Widgets.relayout(form);
    }

    private void show(Lists lists) {
        reading = false;
        loaded = true;
        for (Control old : content.getChildren()) {
            old.dispose();
        }
        taxTable = null;
        String packageName = draft().packageName();
        ReferenceData reference = lists.reference();
        Optional<Setting> incomeAccount = DefaultSettings.incomeAccount(draft().descriptor());
        List<Setting> defaults = draft().descriptor().settings().stream()
                .filter(s -> DefaultSettings.pick(s).isPresent()).toList();
        if (!defaults.isEmpty()) {
            heading("Where invoices go", "What " + packageName + " books lines and charges to unless a mapping "
                    + "below says otherwise.");
        }
        for (Setting setting : defaults) {
            Control field = switch (DefaultSettings.pick(setting).orElseThrow()) {
                case ACCOUNT -> picker(setting, reference.accounts());
                case TAX_CODE -> picker(setting, reference.taxCodes());
                case ITEM -> picker(setting, reference.items());
                case CHOICES -> SettingFields.field(content, setting, draft().settings(), this::validate);
            };
            if (incomeAccount.isPresent() && incomeAccount.get().equals(setting)) {
                WidgetIds.tag(field, "wizard.incomeAccount");
            }
        }

        heading("Tax codes", lists.taxCodes().isEmpty()
                ? "You have no tax codes yet. Invoice lines without one are sent untaxed."
                : "The " + packageName + " tax code each of your tax codes becomes on exported invoices.");
        if (!lists.taxCodes().isEmpty()) {
            taxTable = new MappingTable(content, "wizard.taxCodes", "Your tax code", packageName + " tax code",
                    lists.taxCodes().stream().map(t -> new MappingTable.Row(t.code(), describe(t))).toList(),
                    reference.taxCodes(), draft(), MappingKind.TAX_CODE, this::validate);
        }
        if (!lists.incomeAccounts().isEmpty()) {
            heading("Income accounts of your items", "Lines of an item whose income account is mapped are booked "
                    + "to its " + packageName + " account; the others go to the default account above.");
            new MappingTable(content, "wizard.incomeAccounts", "Your account", packageName + " account",
                    lists.incomeAccounts().stream().map(a -> new MappingTable.Row(a, "")).toList(),
                    reference.accounts(), draft(), MappingKind.INCOME_ACCOUNT, this::validate);
        }
        numbering();
        automation();
        Widgets.show(loading, false);
        Widgets.show(content, true);
        Widgets.relayout(form);
        validate();
    }

    /** A tax code's name, with its rate unless the name says it already. */
    private static String describe(TaxCode taxCode) {
        String rate = taxCode.ratePercent().toPlainString() + " %";
        return taxCode.name().contains(taxCode.ratePercent().toPlainString()) ? taxCode.name()
                : taxCode.name() + " (" + rate + ")";
    }

    private Combo picker(Setting setting, List<ReferenceEntry> entries) {
        return SettingFields.picker(content, setting, entries, draft().settings(), this::validate);
    }

    private void heading(String title, String help) {
        Label heading = new Label(content, SWT.NONE);
        heading.setText(title);
        heading.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(heading);
        Label text = new Label(content, SWT.WRAP);
        text.setText(help);
        text.setLayoutData(Widgets.wrapping(2));
    }

    private void numbering() {
        Group group = new Group(content, SWT.NONE);
        group.setText("Invoice numbers");
        GridLayoutFactory.swtDefaults().applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).indent(0, 8).applyTo(group);
        boolean vendorMayNumber = draft().descriptor().capabilities().assignsNumbers();
        if (!vendorMayNumber) {
            draft().numbering(NumberingPolicy.OURS);
        }
        for (NumberingPolicy policy : NumberingPolicy.values()) {
            Button radio = WidgetIds.tag(new Button(group, SWT.RADIO), "wizard.numbering." + policy.name());
            radio.setText(policy.label());
            radio.setSelection(draft().numbering() == policy);
            radio.setEnabled(policy != NumberingPolicy.VENDOR_ASSIGNS || vendorMayNumber);
            if (!radio.getEnabled()) {
                radio.setToolTipText(draft().packageName() + " cannot number invoices itself.");
            }
            radio.addListener(SWT.Selection, event -> {
                if (radio.getSelection()) {
                    draft().numbering(policy);
                }
            });
        }
    }

    /**
     * Ledgerport's own settings of the connection: export each invoice as it is finalized, and refresh the status
     * every so many minutes (for a package that reports back).
     */
    private void automation() {
        Group group = new Group(content, SWT.NONE);
        group.setText("Exporting and refreshing by themselves");
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).indent(0, 8).applyTo(group);
        LiveSettings settings = draft().settings();

        Button onFinalize = WidgetIds.tag(new Button(group, SWT.CHECK), "wizard.exportOnFinalize");
        onFinalize.setText("E&xport each invoice as soon as it is finalized");
        onFinalize.setToolTipText("Finalized invoices wait in a queue, shown in the Export view, and are tried again "
                + "with growing pauses while " + draft().packageName() + " cannot be reached.");
        onFinalize.setSelection(Boolean.parseBoolean(settings.get(Connection.EXPORT_ON_FINALIZE)));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(onFinalize);
        onFinalize.addListener(SWT.Selection, event -> settings.set(Connection.EXPORT_ON_FINALIZE,
                onFinalize.getSelection() ? "true" : ""));

        boolean pulls = draft().descriptor().capabilities().pullsStatus();
        Label every = new Label(group, SWT.NONE);
        every.setText("Refresh the &status every");
        Spinner minutes = WidgetIds.tag(new Spinner(group, SWT.BORDER), "wizard.refreshMinutes");
        minutes.setValues(refreshMinutes(settings), 0, MAX_REFRESH_MINUTES, 0, 1, 15);
        Label unit = new Label(group, SWT.NONE);
        unit.setText("minutes (0 = only when asked)");
        minutes.addListener(SWT.Modify, event -> settings.set(Connection.REFRESH_MINUTES,
                minutes.getSelection() == 0 ? "" : Integer.toString(minutes.getSelection())));
        for (Control control : List.of(every, minutes, unit)) {
            control.setEnabled(pulls);
            control.setToolTipText(pulls ? "While Ledgerport runs, it asks " + draft().packageName() + " this "
                    + "often what became of the exported invoices: paid, partly paid, approved, voided."
                    : draft().packageName() + " does not report back what became of the invoices exported to it.");
        }
    }

    private static int refreshMinutes(LiveSettings settings) {
        try {
            return Math.clamp(Integer.parseInt(settings.get(Connection.REFRESH_MINUTES).strip()), 0,
                    MAX_REFRESH_MINUTES);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Optional<Setting> missing() {
        return draft().connector() == null ? Optional.empty()
                : draft().descriptor().settings().stream().filter(s -> DefaultSettings.isDefault(s.key()))
                        .filter(s -> s.required() && draft().settings().get(s.key()).isEmpty()).findFirst();
    }

    private void validate() {
        if (!loaded) {
            return;
        }
        Optional<Setting> missing = missing();
        long unmapped = taxTable == null ? 0 : taxTable.unmapped();
        setErrorMessage(missing.map(s -> "Choose the %s. %s".formatted(s.label(), s.help()).strip()).orElse(null));
        if (unmapped > 0) {
            setMessage((unmapped == 1 ? "One of your tax codes is not mapped: %2$s refuses invoices that use it until "
                    + "you map it." : "%1$d of your tax codes are not mapped: %2$s refuses invoices that use them "
                            + "until you map them.").formatted(unmapped, draft().packageName()),
                    IMessageProvider.WARNING);
        } else {
            setMessage(null);
        }
        changed();
    }
}
