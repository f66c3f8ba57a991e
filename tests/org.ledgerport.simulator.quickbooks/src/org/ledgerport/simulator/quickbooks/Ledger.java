package org.ledgerport.simulator.quickbooks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.quickbooks.internal.Company;
import org.ledgerport.simulator.quickbooks.internal.QboFault;
import org.ledgerport.simulator.support.SimJson;

/**
 * One simulated company as a test sees and changes it: what it holds (copies, exactly as stored), and what a user
 * in QuickBooks would do to it (receive a payment, void or delete an invoice, add a vendor, make a customer
 * inactive, change the preferences). Changes made here bump SyncToken and LastUpdatedTime as QuickBooks does.
 */
public final class Ledger {

    private final Company company;

    Ledger(Company company) {
        this.company = company;
    }

    public String realmId() {
        return company.realmId();
    }

    public CompanySetup setup() {
        return company.setup();
    }

    // ---- what the company holds ----

    public List<ObjectNode> invoices() {
        return copies("Invoice");
    }

    public Optional<ObjectNode> invoice(String id) {
        return read(() -> Optional.ofNullable(company.find("Invoice", id)).map(ObjectNode::deepCopy));
    }

    /** The invoices carrying this number (more than one only where duplicates were allowed). */
    public List<ObjectNode> invoicesNumbered(String docNumber) {
        return invoices().stream().filter(i -> docNumber.equals(i.path("DocNumber").asText(null))).toList();
    }

    public List<ObjectNode> customers() {
        return copies("Customer");
    }

    public List<ObjectNode> items() {
        return copies("Item");
    }

    public List<ObjectNode> vendors() {
        return copies("Vendor");
    }

    public List<ObjectNode> employees() {
        return copies("Employee");
    }

    public List<ObjectNode> payments() {
        return copies("Payment");
    }

    public List<ObjectNode> accounts() {
        return copies("Account");
    }

    public List<ObjectNode> taxCodes() {
        return copies("TaxCode");
    }

    /** The Id of the list entry with this name (DisplayName or Name), active or not. */
    public String idOf(String entity, String name) {
        return copies(entity).stream().filter(e -> name.equals(e.path("DisplayName").asText(null))
                || name.equals(e.path("Name").asText(null))).map(e -> e.path("Id").asText()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + entity + " named '" + name + "' in company "
                        + realmId()));
    }

    // ---- what a user does in QuickBooks ----

    /** Adds a customer (home currency unless given), under QuickBooks' name rules. */
    public ObjectNode addCustomer(String displayName, String currency) {
        ObjectNode customer = SimJson.MAPPER.createObjectNode()
                .put("DisplayName", displayName);
        customer.putObject("CurrencyRef").put("value", currency == null ? setup().homeCurrency() : currency);
        return change(() -> company.names().saveCustomer(customer));
    }

    /** Adds a service, booked to the income account "Sales". */
    public ObjectNode addItem(String name, BigDecimal unitPrice) {
        ObjectNode item = SimJson.MAPPER.createObjectNode()
                .put("Name", name).put("Type", "Service").put("UnitPrice", unitPrice);
        item.putObject("IncomeAccountRef").put("value", idOf("Account", "Sales"));
        return change(() -> company.names().saveItem(item));
    }

    /** Adds a vendor; its name then collides with customers' (6240). */
    public ObjectNode addVendor(String displayName, boolean active) {
        return change(() -> company.names().addPerson("Vendor", displayName, active));
    }

    /** Adds an employee; its name then collides with customers' (6240). */
    public ObjectNode addEmployee(String displayName, boolean active) {
        return change(() -> company.names().addPerson("Employee", displayName, active));
    }

    public ObjectNode setCustomerActive(String displayName, boolean active) {
        return change(() -> company.names().setActive("Customer", "DisplayName", displayName, active));
    }

    public ObjectNode setItemActive(String name, boolean active) {
        return change(() -> company.names().setActive("Item", "Name", name, active));
    }

    /** Records a payment of {@code amount} against the invoice (Payment, LinkedTxn, Balance, SyncToken). */
    public ObjectNode receivePayment(String invoiceId, BigDecimal amount) {
        return change(() -> company.invoices().receivePayment(invoiceId, amount));
    }

    /** Records a payment of the invoice's whole balance. */
    public ObjectNode markPaid(String invoiceId) {
        BigDecimal balance = invoice(invoiceId).orElseThrow(() -> new IllegalArgumentException("No invoice "
                + invoiceId + " in company " + realmId())).path("Balance").decimalValue();
        return receivePayment(invoiceId, balance);
    }

    /** Voids the invoice as a user would: whatever its SyncToken, payments unlinked. */
    public ObjectNode voidInvoice(String invoiceId) {
        return change(() -> company.invoices().voidAsUser(invoiceId));
    }

    /** Deletes the invoice as a user would: payments unlinked, then gone (reported by CDC as Deleted). */
    public void deleteInvoice(String invoiceId) {
        change(() -> company.invoices().deleteAsUser(invoiceId));
    }

    /**
     * Forgets the request ids of the writes carried out so far, as QuickBooks has been seen to: sent again with one
     * of them, a write is carried out again (reference 4: intuit/QuickBooks-V3-DotNET-SDK#352, two payments).
     */
    public void forgetRequestIds() {
        company.locked(company::forgetRequestIds);
    }

    public void setCustomTxnNumbers(boolean on) {
        company.locked(() -> company.setCustomTxnNumbers(on));
    }

    public void setAutomatedSalesTax(boolean on) {
        company.locked(() -> company.setAutomatedSalesTax(on));
    }

    private List<ObjectNode> copies(String entity) {
        return read(() -> company.stored(entity).stream().map(ObjectNode::deepCopy).toList());
    }

    private <T> T read(Supplier<T> work) {
        return company.locked(work);
    }

    /** Runs a change; a QuickBooks rule it breaks becomes an IllegalArgumentException saying which. */
    private ObjectNode change(Supplier<ObjectNode> work) {
        try {
            return company.locked(work).deepCopy();
        } catch (QboFault fault) {
            throw new IllegalArgumentException("QuickBooks would refuse this: " + fault.getMessage(), fault);
        }
    }
}
