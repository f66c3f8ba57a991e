package org.ledgerport.ui.parts;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.WidgetIds;

/**
 * The payments recorded here against the invoice and how far each got towards the accounting package, with the
 * buttons to record one and to send again those the package did not confirm.
 */
final class PaymentsSection {

    private static final int VISIBLE_ROWS = 3;

    private final PartImages images;
    private final Group group;
    private final SectionTable<Payment> table;
    private final Button record;
    private final Button sendAgain;
    private Map<Long, String> connectionNames = Map.of();

    PaymentsSection(Composite parent, PartImages images, Runnable recordPayment, Runnable sendPending) {
        this.images = images;
        group = new Group(parent, SWT.NONE);
        group.setText("Payments");
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        group.setLayout(new GridLayout(2, false));

        Label empty = new Label(group, SWT.WRAP);
        empty.setText("No payment has been recorded here. Record one the customer made with Record Payment; "
                + "payments entered in the accounting package show in the history once the status is refreshed.");
        GridData emptyLayout = new GridData(SWT.FILL, SWT.TOP, true, false);
        emptyLayout.widthHint = 400;
        empty.setLayoutData(emptyLayout);
        WidgetIds.tag(empty, "invoice.paymentsEmpty");

        // Beside the table or the words, whichever shows.
        Composite buttons = new Composite(group, SWT.NONE);
        GridData buttonsLayout = new GridData(SWT.BEGINNING, SWT.TOP, false, false);
        buttonsLayout.verticalSpan = 2;
        buttons.setLayoutData(buttonsLayout);
        GridLayout buttonLayout = new GridLayout(1, true);
        buttonLayout.marginHeight = 0;
        buttons.setLayout(buttonLayout);
        record = Buttons.push(buttons, "Record &Payment\u2026", images.named("add"), SWT.FILL, "invoice.recordPayment",
                recordPayment);
        sendAgain = Buttons.push(buttons, "Send A&gain", images.named("export"), SWT.FILL, "invoice.sendPayments",
                sendPending);

        table = new SectionTable<>(group, empty, Payment.class, "invoice.payments", VISIBLE_ROWS, 50,
                p -> p.problem().isEmpty() ? null : p.problem());
        table.column("Date", 12, SWT.LEFT, p -> Formats.date(p.date()), null);
        table.column("Amount", 12, SWT.RIGHT, p -> Formats.money(p.amount()), null);
        table.column("Deposited to", 12, SWT.LEFT, Payment::depositAccount, null);
        table.column("Reference", 14, SWT.LEFT, Payment::reference, null);
        table.column("Connection", 14, SWT.LEFT,
                p -> connectionNames.getOrDefault(p.connectionId(), "#" + p.connectionId()), null);
        table.column("State", 16, SWT.LEFT, p -> p.state().label(), this::icon);
        table.column("Why", 30, SWT.LEFT, Payment::problem, null);
        table.show(List.of());
    }

    private Image icon(Payment payment) {
        return images.named(switch (payment.state()) {
            case RECORDED -> "ready";
            case SENDING -> "unconfirmed";
            case SENT -> "exported";
            case FAILED -> "failed";
        });
    }

    /** Shows the payments, oldest first, with the names of the connections they went to. */
    void show(List<Payment> payments, Map<Long, String> names) {
        connectionNames = Map.copyOf(names);
        table.show(payments);
    }

    /** Whether the payment is not known to have arrived, so sending it again can help. */
    static boolean notArrived(Payment payment) {
        return payment.state() == PaymentState.RECORDED || payment.state() == PaymentState.SENDING;
    }

    static boolean pending(List<Payment> payments) {
        return payments.stream().anyMatch(PaymentsSection::notArrived);
    }

    Group control() {
        return group;
    }

    Button recordButton() {
        return record;
    }

    Button sendAgainButton() {
        return sendAgain;
    }
}
