package org.ledgerport.core.store;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.ledgerport.core.model.InvoiceStatus;

/**
 * Which invoices a list shows and in what order. Every filter left empty (or null for a date) lets everything
 * through; text filters match anywhere in the value, ignoring case.
 *
 * @param statuses   the statuses to show, or empty for every status
 * @param customer   part of the customer's name
 * @param issuedFrom the first issue date shown
 * @param issuedTo   the last issue date shown
 * @param text       part of the invoice number, the customer's name or the memo
 */
public record InvoiceQuery(Set<InvoiceStatus> statuses, String customer, LocalDate issuedFrom, LocalDate issuedTo,
        String text, Order order, boolean descending) {

    /** What a list can be sorted by; ties are always broken by invoice number. */
    public enum Order {
        NUMBER, CUSTOMER, ISSUE_DATE, DUE_DATE, NET, STATUS
    }

    public InvoiceQuery {
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        customer = customer == null ? "" : customer.strip();
        text = text == null ? "" : text.strip();
        Objects.requireNonNull(order, "order");
        if (issuedFrom != null && issuedTo != null && issuedFrom.isAfter(issuedTo)) {
            throw new IllegalArgumentException("The first issue date " + issuedFrom + " is after the last " + issuedTo);
        }
    }

    /** Every invoice, newest first: the list as it opens. */
    public static InvoiceQuery all() {
        return new InvoiceQuery(Set.of(), "", null, null, "", Order.ISSUE_DATE, true);
    }

    public InvoiceQuery withStatuses(Set<InvoiceStatus> value) {
        return new InvoiceQuery(value, customer, issuedFrom, issuedTo, text, order, descending);
    }

    public InvoiceQuery withCustomer(String value) {
        return new InvoiceQuery(statuses, value, issuedFrom, issuedTo, text, order, descending);
    }

    public InvoiceQuery withIssued(LocalDate from, LocalDate to) {
        return new InvoiceQuery(statuses, customer, from, to, text, order, descending);
    }

    public InvoiceQuery withText(String value) {
        return new InvoiceQuery(statuses, customer, issuedFrom, issuedTo, value, order, descending);
    }

    public InvoiceQuery sortedBy(Order value, boolean descendingOrder) {
        return new InvoiceQuery(statuses, customer, issuedFrom, issuedTo, text, value, descendingOrder);
    }
}
