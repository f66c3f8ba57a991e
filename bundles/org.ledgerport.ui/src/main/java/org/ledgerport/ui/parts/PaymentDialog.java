package org.ledgerport.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.WidgetIds;
import org.ledgerport.ui.parts.InvoiceAccounting.PaymentTarget;

/**
 * Asks for a payment the customer made on an exported invoice: which package it goes to (when more than one takes
 * payments), the amount (the amount still due there, to start with), the date, the account the money went into
 * (the package's own list, read in the background) and the reference. OK gives the payment to record.
 */
final class PaymentDialog extends TitleAreaDialog {

    /** Reads the accounts a package takes payments into; may touch the network. */
    @FunctionalInterface
    interface DepositAccounts {
        List<ReferenceEntry> read(long connectionId) throws ConnectorException;
    }

    /** What the amount starts as, and what is still due when the package said. */
    record Due(Money suggested, Money stillDue) {
    }

    private final Invoice invoice;
    private final List<PaymentTarget> targets;
    private final Function<PaymentTarget, Due> due;
    private final DepositAccounts accounts;
    private final LocalNumbers numbers = new LocalNumbers(Locale.getDefault());

    private Combo connection;
    private Text amount;
    private DateTime date;
    private Combo account;
    private Label accountHelp;
    private Text reference;
    /** The accounts listed, by the text the combo shows for each. */
    private final Map<String, String> codesByLabel = new LinkedHashMap<>();
    /** Counts the reads of accounts, so a slow read for another connection does not fill the list. */
    private int reads;
    private PaymentDraft result;

    PaymentDialog(Shell parent, Invoice invoice, List<PaymentTarget> targets, Function<PaymentTarget, Due> due,
            DepositAccounts accounts) {
        super(parent);
        this.invoice = invoice;
        this.targets = List.copyOf(targets);
        this.due = due;
        this.accounts = accounts;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Record Payment");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** A readable width; the title area's message wraps to it rather than stretching the dialog. */
    @Override
    protected Point getInitialSize() {
        return getShell().computeSize(convertWidthInCharsToPixels(80), SWT.DEFAULT, true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Record a payment for invoice " + invoice.number());
        // The longest message, set before the window is sized, so the title area keeps room for its two lines.
        setMessage(intro(targets.get(0)), IMessageProvider.INFORMATION);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 10;
        layout.marginHeight = 10;
        form.setLayout(layout);

        label(form, "Sent to:");
        connection = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        targets.forEach(target -> connection.add(target.label()));
        connection.select(0);
        connection.setEnabled(targets.size() > 1);
        connection.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        WidgetIds.tag(connection, "payment.connection");
        connection.addListener(SWT.Selection, e -> targetChosen());

        label(form, "&Amount (" + invoice.currency().getCurrencyCode() + "):");
        amount = new Text(form, SWT.BORDER | SWT.RIGHT);
        GridData amountLayout = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        amountLayout.widthHint = 120;
        amount.setLayoutData(amountLayout);
        WidgetIds.tag(amount, "payment.amount");

        label(form, "&Date:");
        date = new DateTime(form, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate today = LocalDate.now();
        date.setDate(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth());
        WidgetIds.tag(date, "payment.date");

        label(form, "Deposited &to:");
        account = new Combo(form, SWT.DROP_DOWN);
        GridData accountLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        accountLayout.widthHint = 320;
        account.setLayoutData(accountLayout);
        WidgetIds.tag(account, "payment.account");
        new Label(form, SWT.NONE);
        accountHelp = new Label(form, SWT.WRAP);
        GridData helpLayout = new GridData(SWT.FILL, SWT.TOP, true, false);
        helpLayout.widthHint = 320;
        // Room for the longest thing it says (why the accounts could not be read), so the dialog need not grow.
        helpLayout.heightHint = convertHeightInCharsToPixels(3);
        accountHelp.setLayoutData(helpLayout);
        WidgetIds.tag(accountHelp, "payment.accountHelp");

        label(form, "&Reference:");
        reference = new Text(form, SWT.BORDER);
        reference.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        reference.setMessage("The bank's or the customer's reference, if any");
        WidgetIds.tag(reference, "payment.reference");

        amount.addListener(SWT.Modify, e -> validate());
        account.addListener(SWT.Modify, e -> validate());
        account.addListener(SWT.Selection, e -> validate());
        targetChosen();
        return area;
    }

    private static void label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Record Payment", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private PaymentTarget target() {
        return targets.get(Math.max(0, connection.getSelectionIndex()));
    }

    /** Starts the amount at what is due there and reads the package's accounts. */
    private void targetChosen() {
        PaymentTarget target = target();
        amount.setText(numbers.formatMoney(due.apply(target).suggested()));
        codesByLabel.clear();
        account.removeAll();
        accountHelp.setText("Reading the accounts from %s\u2026".formatted(target.packageName()));
        int read = ++reads;
        Job job = Job.create("Reading the accounts of " + target.connectionName(), (IProgressMonitor monitor) -> {
            monitor.beginTask("Reading the accounts of " + target.connectionName(), IProgressMonitor.UNKNOWN);
            try {
                List<ReferenceEntry> found = accounts.read(target.connectionId());
                later(read, () -> listAccounts(target, found));
            } catch (ConnectorException e) {
                later(read, () -> accountHelp.setText(("The accounts could not be read from %s: %s Type the "
                        + "account's code instead.").formatted(target.packageName(), e.problem().message())));
            } catch (RuntimeException e) {
                later(read, () -> accountHelp.setText(("The accounts could not be read: %s Type the account's "
                        + "code instead.").formatted(e.getMessage())));
            } finally {
                monitor.done();
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        validate();
    }

    /** Runs on the UI thread if the dialog is still open and no later read was started. */
    private void later(int read, Runnable action) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            if (!account.isDisposed() && read == reads) {
                action.run();
            }
        });
    }

    private void listAccounts(PaymentTarget target, List<ReferenceEntry> found) {
        for (ReferenceEntry entry : found) {
            String label = entry.code().isEmpty() || entry.code().equals(entry.name()) ? entry.name()
                    : entry.name() + " (" + entry.code() + ")";
            codesByLabel.put(label, entry.code().isEmpty() ? entry.id() : entry.code());
            account.add(label);
        }
        if (found.size() == 1) {
            account.select(0);
        }
        accountHelp.setText(found.isEmpty()
                ? "%s lists no account to deposit payments into; type the account's code.".formatted(
                        target.packageName())
                : "The account at %s the money went into.".formatted(target.packageName()));
        validate();
    }

    /** The account's code: the chosen entry's, or what was typed. */
    private String accountCode() {
        String text = account.getText().strip();
        return codesByLabel.getOrDefault(text, text);
    }

    /**
     * Says what is wrong as an error, what is still to be filled in as a hint, and otherwise what recording does;
     * OK waits until the payment is complete and right.
     */
    private void validate() {
        if (amount == null || account == null) {
            return;
        }
        String error = wrong();
        String missing = missing();
        setErrorMessage(error);
        if (missing != null) {
            setMessage(missing, IMessageProvider.INFORMATION);
        } else {
            setMessage(intro(target()), IMessageProvider.INFORMATION);
        }
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(error == null && missing == null);
        }
    }

    /** What still has to be filled in, or null. */
    private static String intro(PaymentTarget target) {
        return "Ledgerport sends the payment to %s (%s), applied to the invoice there, and it lands there once."
                .formatted(target.packageName(), target.connectionName());
    }

    private String missing() {
        if (amount.getText().isBlank()) {
            return "Enter the amount the customer paid.";
        }
        return accountCode().isEmpty() ? "Choose the account the money went into." : null;
    }

    /** What is wrong with what was entered, or null. */
    private String wrong() {
        if (amount.getText().isBlank()) {
            return null;
        }
        Currency currency = invoice.currency();
        BigDecimal value = numbers.parse(amount.getText());
        if (value == null) {
            return "\u201c%s\u201d is not an amount.".formatted(amount.getText().strip());
        }
        if (value.signum() <= 0) {
            return "A payment is more than zero.";
        }
        if (value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            return "%s has more decimals than %s allows (%d).".formatted(amount.getText().strip(),
                    currency.getCurrencyCode(), currency.getDefaultFractionDigits());
        }
        Money stillDue = due.apply(target()).stillDue();
        if (stillDue != null && new Money(value, currency).compareTo(stillDue) > 0) {
            return "That is more than the %s still due at %s.".formatted(Formats.money(stillDue),
                    target().connectionName());
        }
        return null;
    }

    @Override
    protected void okPressed() {
        if (wrong() != null || missing() != null) {
            return;
        }
        result = new PaymentDraft(invoice.id(), target().connectionId(),
                new Money(numbers.parse(amount.getText()), invoice.currency()),
                LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()), accountCode(), reference.getText());
        super.okPressed();
    }

    /** The payment to record, once OK was pressed. */
    PaymentDraft payment() {
        return result;
    }
}
