package org.ledgerport.connector.quickbooks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ledgerport.connector.http.HttpReply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One error of a QuickBooks Online fault.
 *
 * @param code    QuickBooks' error code ("6240")
 * @param message its short text ("Duplicate Name Exists Error")
 * @param detail  its explanation, often naming the field or value
 * @param element the element concerned, or empty
 * @param type    the fault type (ValidationFault, SystemFault, AuthenticationFault...), compared ignoring case
 */
record QuickBooksFault(String code, String message, String detail, String element, String type) {

    private static final Pattern XML_ERROR = Pattern.compile(
            "<Error[^>]*code=\"(\\d+)\"[^>]*>\\s*<Message>([^<]*)</Message>\\s*(?:<Detail>([^<]*)</Detail>)?",
            Pattern.DOTALL);
    private static final Pattern XML_TYPE = Pattern.compile("<Fault[^>]*type=\"([^\"]*)\"");

    /** The errors of a {"Fault":{...}} node. */
    static List<QuickBooksFault> of(JsonNode fault) {
        List<QuickBooksFault> errors = new ArrayList<>();
        String type = fault.path("type").asText("");
        for (JsonNode error : fault.path("Error")) {
            errors.add(new QuickBooksFault(error.path("code").asText(""), error.path("Message").asText(""),
                    error.path("Detail").asText(""), error.path("element").asText(""), type));
        }
        return errors;
    }

    /**
     * The errors of a failed reply. Gateways and the throttle sometimes answer in XML although JSON was asked for,
     * so both are read; anything else becomes one error carrying the HTTP status.
     */
    static List<QuickBooksFault> of(HttpReply reply, JsonNode parsed) {
        if (parsed != null && parsed.has("Fault")) {
            List<QuickBooksFault> errors = of(parsed.path("Fault"));
            if (!errors.isEmpty()) {
                return errors;
            }
        }
        if (reply.xml()) {
            List<QuickBooksFault> errors = new ArrayList<>();
            Matcher type = XML_TYPE.matcher(reply.body());
            String faultType = type.find() ? type.group(1) : "";
            Matcher error = XML_ERROR.matcher(reply.body());
            while (error.find()) {
                errors.add(new QuickBooksFault(error.group(1), unescape(error.group(2)),
                        unescape(error.group(3) == null ? "" : error.group(3)), "", faultType));
            }
            if (!errors.isEmpty()) {
                return errors;
            }
        }
        return List.of(new QuickBooksFault(String.valueOf(reply.status()), "HTTP " + reply.status(),
                reply.body().length() > 300 ? reply.body().substring(0, 300) : reply.body(), "", ""));
    }

    boolean is(String other) {
        return code.equals(other);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
