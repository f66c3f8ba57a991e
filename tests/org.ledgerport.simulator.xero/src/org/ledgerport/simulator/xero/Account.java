package org.ledgerport.simulator.xero;

import java.util.Objects;
import java.util.UUID;

/**
 * One account of an organisation's chart of accounts.
 *
 * @param taxType the tax rate a line coded to this account gets when the line names none
 * @param systemAccount Xero's system role (DEBTORS, CREDITORS, GST...) or null for an ordinary account
 * @param enablePaymentsToAccount Xero's "Enable payments to this account": payments may go into it though it is
 *            not a bank account
 */
public record Account(UUID accountId, String code, String name, AccountType type, String taxType,
        String systemAccount, boolean archived, boolean enablePaymentsToAccount) {

    public Account {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(taxType, "taxType");
    }

    /** An active, ordinary account. */
    public static Account of(String code, String name, AccountType type, String taxType) {
        return new Account(UUID.randomUUID(), code, name, type, taxType, null, false, false);
    }

    public Account asArchived() {
        return new Account(accountId, code, name, type, taxType, systemAccount, true, enablePaymentsToAccount);
    }

    public Account asSystemAccount(String role) {
        return new Account(accountId, code, name, type, taxType, role, archived, enablePaymentsToAccount);
    }

    /** With "Enable payments to this account" ticked, as for an owner's funds or a clearing account. */
    public Account withPaymentsEnabled() {
        return new Account(accountId, code, name, type, taxType, systemAccount, archived, true);
    }

    /** Bank accounts and system accounts (receivables, payables, tax) are posted to by Xero itself, never by a line. */
    public boolean usableOnLines() {
        return type != AccountType.BANK && systemAccount == null;
    }

    /** Payments go into bank accounts, and into other accounts only where payments to them are enabled. */
    public boolean takesPayments() {
        return type == AccountType.BANK || enablePaymentsToAccount;
    }
}
