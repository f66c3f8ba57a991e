package org.ledgerport.simulator.quickbooks.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.support.SimJson;

/**
 * A QuickBooks fault: thrown where a rule is broken, rendered as QuickBooks' Fault JSON
 * ({@code {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"},"time"}}), with the codes of the
 * reference's section 1.5.
 */
public final class QboFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String message;
    private final String detail;
    private final String element;

    public QboFault(int status, String type, String code, String message, String detail, String element) {
        super(code + " " + message + ": " + detail);
        this.status = status;
        this.type = type;
        this.code = code;
        this.message = message;
        this.detail = detail;
        this.element = element;
    }

    /** A 400 ValidationFault, the answer to data QuickBooks will not take. */
    public static QboFault validation(String code, String message, String detail, String element) {
        return new QboFault(400, "ValidationFault", code, message, detail, element);
    }

    public static QboFault requiredMissing(String element) {
        return validation("2020", "Required param missing, need to supply the required value for the API",
                "Required parameter " + element + " is missing in the request", element);
    }

    public static QboFault tooLong(String element, int max, int supplied) {
        return validation("2050", "String length is either shorter or longer than supported by specification",
                "String length specified does not match the supported length. Min:0 Max:" + max
                        + " Supplied length:" + supplied, element);
    }

    /** 6000, QuickBooks' code for a business rule; the detail says which. */
    public static QboFault business(String detail, String element) {
        return validation("6000", "A business validation error has occurred while processing your request",
                "Business Validation Error: " + detail, element);
    }

    public static QboFault invalidReference(String what, String id, String element) {
        return validation("2500", "Invalid Reference Id", "Invalid Reference Id : " + what + " " + id
                + " does not exist in this company", element);
    }

    /** 610: a referenced list entry is inactive. */
    public static QboFault inactive(String what, String element) {
        return validation("610", "Object Not Found", "Object Not Found : Something you're trying to use has been "
                + "made inactive. Check the fields with accounts, customers, items, vendors or employees. (" + what
                + ")", element);
    }

    /** 610: the transaction is gone (deleted, or never there). */
    public static QboFault deletedTransaction(String id) {
        return validation("610", "Object Not Found", "Object Not Found : Another user has deleted this transaction. "
                + "(Id " + id + ")", "Id");
    }

    public static QboFault notFound(String entity, String id) {
        return validation("610", "Object Not Found", "Object Not Found : " + entity + " " + id
                + " was not found in this company", "Id");
    }

    public static QboFault stale(String id, String sent, String current) {
        return validation("5010", "Stale Object Error", "Stale Object Error : You and another user were working on "
                + "this at the same time (Id " + id + ", SyncToken sent " + sent + ", current " + current
                + "). The other user finished first, so your work was not saved.", "SyncToken");
    }

    public static QboFault parse(String detail) {
        return validation("4000", "Error parsing query", "QueryParserError: " + detail, "");
    }

    public static QboFault unsupported(String detail) {
        return validation("500", "Unsupported Operation", detail, "");
    }

    public int status() {
        return status;
    }

    /** The {@code Fault} object (without "time"), as batch items carry it. */
    public ObjectNode faultNode() {
        ObjectNode fault = SimJson.MAPPER.createObjectNode();
        ArrayNode errors = fault.putArray("Error");
        ObjectNode error = errors.addObject();
        error.put("Message", message);
        error.put("Detail", detail);
        error.put("code", code);
        error.put("element", element == null ? "" : element);
        fault.put("type", type);
        return fault;
    }

    /** The whole answer body: {@code {"Fault":{...},"time":...}}. */
    public ObjectNode body(String time) {
        ObjectNode body = SimJson.MAPPER.createObjectNode();
        body.set("Fault", faultNode());
        body.put("time", time);
        return body;
    }
}
