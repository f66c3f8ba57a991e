package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.support.SimJson;

/** Small helpers for QuickBooks' JSON. */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return SimJson.MAPPER.createObjectNode();
    }

    /** A field's text, or null when it is absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** The value of a reference field ({@code {"value":"42","name":...}}), or null. */
    static String ref(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isObject() ? null : text(value, "value");
    }

    static ObjectNode refNode(String value, String name) {
        ObjectNode ref = object().put("value", value);
        if (name != null) {
            ref.put("name", name);
        }
        return ref;
    }

    /**
     * A field as an exact decimal: a JSON number, or a string holding one (QuickBooks takes both); null when absent.
     */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "Property Name:" + field + " has an invalid value: '" + value.asText() + "' is not a number", field);
        }
    }

    /** A boolean field, or {@code otherwise} when absent. */
    static boolean bool(JsonNode node, String field, boolean otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
    }

    /** Cents, rounded half up as QuickBooks rounds amounts. */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A text limited to {@code max} characters (fault 2050 when longer). */
    static void checkLength(String value, int max, String element) {
        if (value != null && value.length() > max) {
            throw QboFault.tooLong(element, max, value.length());
        }
    }
}
