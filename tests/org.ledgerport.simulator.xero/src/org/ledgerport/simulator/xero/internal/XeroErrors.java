package org.ledgerport.simulator.xero.internal;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bodies of Xero's error answers, in its two shapes: API exceptions and gateway problems. */
final class XeroErrors {

    private XeroErrors() {
    }

    /** 400 for a whole request: every failing element with its ValidationErrors. */
    static ObjectNode validationException(ArrayNode failedElements) {
        ObjectNode body = apiException(10, "ValidationException", "A validation exception occurred");
        body.set("Elements", failedElements);
        return body;
    }

    /** 400 for a where clause or order the API cannot read. */
    static ObjectNode queryParse(String message) {
        return apiException(16, "QueryParseException", message);
    }

    /** 400 for a body that is not the JSON the endpoint takes. */
    static ObjectNode postDataInvalid(String message) {
        return apiException(14, "PostDataInvalidException", message);
    }

    static ObjectNode apiException(int number, String type, String message) {
        ObjectNode body = XeroJson.object();
        body.put("ErrorNumber", number);
        body.put("Type", type);
        body.put("Message", message);
        return body;
    }

    /**
     * The gateway's problem shape, e.g. 403 {"Type":null,"Title":"Forbidden","Status":403,
     * "Detail":"AuthenticationUnsuccessful",...} or 401 with "TokenExpired: …".
     */
    static ObjectNode problem(int status, String title, String detail) {
        ObjectNode body = XeroJson.object();
        body.putNull("Type");
        body.put("Title", title);
        body.put("Status", status);
        body.put("Detail", detail);
        body.put("Instance", UUID.randomUUID().toString());
        body.putObject("Extensions");
        return body;
    }
}
