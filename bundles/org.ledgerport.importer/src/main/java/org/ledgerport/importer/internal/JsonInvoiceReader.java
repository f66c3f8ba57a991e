package org.ledgerport.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;

/**
 * Reads the JSON format of docs/import-formats.md: an object with an "invoices" list and, optionally, lists of
 * "taxCodes", "customers" and "items", read in that order so that the invoices can use what the lists define.
 */
final class JsonInvoiceReader implements InvoiceFileReader {

    private static final List<String> FILE = List.of("taxCodes", "customers", "items", "invoices");
    private static final List<String> TAX_CODE = List.of("code", "name", "rate");
    private static final List<String> CUSTOMER = List.of("name", "email", "currency", "address", "taxExempt");
    private static final List<String> ADDRESS = List.of("line1", "line2", "city", "region", "postalCode",
            "country");
    private static final List<String> ITEM = List.of("code", "name", "price", "currency", "incomeAccount",
            "taxCode");
    private static final List<String> INVOICE = List.of("number", "status", "customer", "issueDate", "dueDate",
            "currency", "memo", "taxMode", "lines", "charges");
    private static final List<String> LINE = List.of("itemCode", "description", "quantity", "unitPrice",
            "discountPercent", "taxCode");
    private static final List<String> CHARGE = List.of("kind", "description", "amount", "taxCode");
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: \\d+\\]");

    @Override
    public String expected() {
        return "an object with a list of invoices: { \"invoices\": [ ... ] }";
    }

    @Override
    public void read(String text, ImportPlan plan, ErrorList errors) {
        JsonTree root;
        try {
            root = JsonTree.parse(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            // Jackson points at places as "[Source: ...; line: 9, column: 16]"; the bookkeeper needs the line.
            String reason = SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("line $1");
            errors.add(line, "", ("this is not valid JSON (%s); look for a missing comma, quote or bracket here or "
                    + "just before").formatted(reason));
            return;
        }
        if (!(root instanceof JsonTree.Members members)) {
            errors.add(root.line(), "", "the file holds %s; expected %s".formatted(root.kind(), expected()));
            return;
        }
        Fields file = new Fields(members, "the file", FILE, errors);
        for (Fields taxCode : file.list("taxCodes", "a tax code", TAX_CODE)) {
            plan.addTaxCode(new TaxCodeCells(taxCode.cell("code"), taxCode.cell("name"), taxCode.cell("rate")));
        }
        for (Fields customer : file.list("customers", "a customer", CUSTOMER)) {
            plan.addCustomer(customer(customer));
        }
        for (Fields item : file.list("items", "an item", ITEM)) {
            plan.addItem(new ItemCells(item.cell("code"), item.cell("name"), item.cell("price"),
                    item.cell("currency"), item.cell("incomeAccount"), item.cell("taxCode")));
        }
        int before = errors.size();
        List<Fields> invoices = file.list("invoices", "an invoice", INVOICE);
        if (invoices.isEmpty() && errors.size() == before) {
            errors.add(members.line(), "invoices", "the file has no invoices; expected " + expected());
        }
        for (Fields invoice : invoices) {
            plan.addInvoice(invoice(invoice, errors));
        }
    }

    private static InvoiceCells invoice(Fields invoice, ErrorList errors) {
        int before = errors.size();
        Cell customerName = invoice.cell("customer");
        CustomerCells customer = customerName.readable() && customerName.given() ? named(customerName)
                : customer(invoice.object("customer", "a customer", CUSTOMER));
        List<InvoiceCells.Line> lines = new ArrayList<>();
        for (Fields line : invoice.list("lines", "a line", LINE)) {
            lines.add(new InvoiceCells.Line(line.cell("itemCode"), line.cell("description"), line.cell("quantity"),
                    line.cell("unitPrice"), line.cell("discountPercent"), line.cell("taxCode")));
        }
        List<InvoiceCells.Charge> charges = new ArrayList<>();
        for (Fields charge : invoice.list("charges", "a charge", CHARGE)) {
            charges.add(new InvoiceCells.Charge(charge.cell("kind"), charge.cell("description"),
                    charge.cell("amount"), charge.cell("taxCode")));
        }
        return new InvoiceCells(invoice.line(), errors.size() == before, invoice.cell("number"),
                invoice.cell("status"), customer, invoice.cell("currency"), invoice.cell("issueDate"),
                invoice.cell("dueDate"), invoice.cell("memo"), invoice.cell("taxMode"), lines, charges);
    }

    /** A customer given by name only: "customer": "Café Zoë". */
    private static CustomerCells named(Cell name) {
        Cell none = Cell.of(name.line(), "", "");
        return new CustomerCells(name, none, none, AddressCells.NONE, none);
    }

    private static CustomerCells customer(Fields customer) {
        Fields address = customer.object("address", "an address", ADDRESS);
        return new CustomerCells(customer.cell("name"), customer.cell("email"), customer.cell("currency"),
                new AddressCells(address.cell("line1"), address.cell("line2"), address.cell("city"),
                        address.cell("region"), address.cell("postalCode"), address.cell("country")),
                customer.cell("taxExempt"));
    }

    /**
     * One JSON object's fields, read as cells. Fields it does not know are reported when it is made; an object
     * or list that is missing (or null) reads as an empty one.
     */
    private static final class Fields {

        private final JsonTree.Members members;
        private final ErrorList errors;

        Fields(JsonTree.Members members, String what, List<String> known, ErrorList errors) {
            this.members = members;
            this.errors = errors;
            for (Map.Entry<String, JsonTree> member : members.members().entrySet()) {
                String name = member.getKey();
                if (!known.contains(name)) {
                    String meant = known.stream().filter(name::equalsIgnoreCase).findFirst()
                            .map(k -> "did you mean " + k + "?")
                            .orElse("the fields of %s are %s".formatted(what, String.join(", ", known)));
                    errors.add(member.getValue().line(), name, "'%s' is not a field of %s; %s".formatted(name, what,
                            meant));
                }
            }
        }

        int line() {
            return members.line();
        }

        Cell cell(String name) {
            JsonTree value = members.members().get(name);
            if (value == null) {
                return Cell.of(members.line(), name, "");
            }
            if (value instanceof JsonTree.Scalar scalar) {
                return Cell.of(scalar.line(), name, scalar.text());
            }
            return Cell.unreadable(value.line(), name, "expected a single value here, not %s".formatted(value.kind()));
        }

        Fields object(String name, String what, List<String> known) {
            JsonTree value = members.members().get(name);
            if (value instanceof JsonTree.Members object) {
                return new Fields(object, what, known, errors);
            }
            if (isGiven(value)) {
                errors.add(value.line(), name, "expected %s here, not %s".formatted(what, value.kind()));
            }
            return new Fields(new JsonTree.Members(value == null ? line() : value.line(), Map.of()), what, known,
                    errors);
        }

        List<Fields> list(String name, String what, List<String> known) {
            JsonTree value = members.members().get(name);
            if (!(value instanceof JsonTree.Elements elements)) {
                if (isGiven(value)) {
                    errors.add(value.line(), name, "expected a list [ ] of %s, not %s".formatted(plural(what),
                            value.kind()));
                }
                return List.of();
            }
            List<Fields> objects = new ArrayList<>();
            for (JsonTree element : elements.elements()) {
                if (element instanceof JsonTree.Members object) {
                    objects.add(new Fields(object, what, known, errors));
                } else {
                    errors.add(element.line(), name, "expected %s { } in the list, not %s".formatted(what,
                            element.kind()));
                }
            }
            return objects;
        }

        private static boolean isGiven(JsonTree value) {
            return value != null && !(value instanceof JsonTree.Scalar scalar && scalar.text().isEmpty());
        }

        private static String plural(String what) {
            return what.substring(what.indexOf(' ') + 1) + "s";
        }
    }
}
