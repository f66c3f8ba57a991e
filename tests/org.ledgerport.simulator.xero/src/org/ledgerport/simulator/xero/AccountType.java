package org.ledgerport.simulator.xero;

/** Xero's account types, with the class each belongs to. */
public enum AccountType {
    BANK("ASSET"), CURRENT("ASSET"), FIXED("ASSET"), INVENTORY("ASSET"), NONCURRENT("ASSET"), PREPAYMENT("ASSET"),
    CURRLIAB("LIABILITY"), LIABILITY("LIABILITY"), TERMLIAB("LIABILITY"),
    EQUITY("EQUITY"),
    DEPRECIATN("EXPENSE"), DIRECTCOSTS("EXPENSE"), EXPENSE("EXPENSE"), OVERHEADS("EXPENSE"),
    OTHERINCOME("REVENUE"), REVENUE("REVENUE"), SALES("REVENUE");

    private final String accountClass;

    AccountType(String accountClass) {
        this.accountClass = accountClass;
    }

    /** ASSET, EQUITY, EXPENSE, LIABILITY or REVENUE, as Xero reports it in the account's Class. */
    public String accountClass() {
        return accountClass;
    }
}
