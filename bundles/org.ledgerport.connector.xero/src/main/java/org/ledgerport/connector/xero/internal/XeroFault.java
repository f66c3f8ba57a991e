package org.ledgerport.connector.xero.internal;

import java.util.ArrayList;
import java.util.List;

import org.ledgerport.connector.http.HttpReply;
import org.ledgerport.connector.http.Redaction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why Xero refused a whole request.
 *
 * @param status      the HTTP status
 * @param type        Xero's exception type ("ValidationException", "PostDataInvalidException"), or for sign-in
 *                    failures its detail ("AuthenticationUnsuccessful"); empty when it gave none
 * @param errorNumber Xero's error number ("10"), or empty
 * @param message     Xero's own text
 * @param validation  the validation messages of the elements it names, in order
 */
record XeroFault(int status, String type, String errorNumber, String message, List<String> validation) {

    XeroFault {
        validation = List.copyOf(validation);
    }

    /** Reads a failed reply: Xero's API exceptions, its sign-in problems, or whatever text came back. */
    static XeroFault of(HttpReply reply, JsonNode parsed) {
        if (parsed != null && parsed.isObject()) {
            List<String> messages = new ArrayList<>();
            for (JsonNode element : parsed.path("Elements")) {
                messages.addAll(validationMessages(element));
            }
            String type = text(parsed, "Type");
            if (type.isEmpty()) {
                type = text(parsed, "Detail");
            }
            String message = text(parsed, "Message");
            if (message.isEmpty()) {
                message = String.join(": ", List.of(text(parsed, "Title"), text(parsed, "Detail")).stream()
                        .filter(s -> !s.isEmpty()).toList());
            }
            return new XeroFault(reply.status(), type, text(parsed, "ErrorNumber"), message, messages);
        }
        String body = reply.body().strip();
        String message = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        // Xero reports some problems as form-encoded text, such as "oauth_problem=rate limit exceeded".
        String type = body.startsWith("oauth_problem=") ? body.split("&")[0].substring(14).replace('_', ' ') : "";
        return new XeroFault(reply.status(), type, "", Redaction.text(message), List.of());
    }

    /** The messages of one element's ValidationErrors. */
    static List<String> validationMessages(JsonNode element) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : element.path("ValidationErrors")) {
            String message = error.path("Message").asText("").strip();
            if (!message.isEmpty()) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** Xero's own words, for a problem's vendor message. */
    String vendorText() {
        return validation.isEmpty() ? message : message + ": " + String.join("; ", validation);
    }

    /** The code to show beside Xero's text: its error number and type, or the HTTP status. */
    String vendorCode() {
        if (!errorNumber.isEmpty()) {
            return type.isEmpty() ? errorNumber : errorNumber + " " + type;
        }
        return type.isEmpty() ? String.valueOf(status) : status + " " + type;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText("").strip() : "";
    }
}
