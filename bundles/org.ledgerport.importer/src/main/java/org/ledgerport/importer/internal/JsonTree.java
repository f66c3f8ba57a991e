package org.ledgerport.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * A JSON document as a tree in which every value knows the line it starts on; Jackson's own trees forget
 * where their nodes were.
 */
sealed interface JsonTree {

    /** A field given twice in one object is refused rather than silently overwritten. */
    JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    int line();

    /** What the value is, as an error message names it. */
    String kind();

    record Members(int line, Map<String, JsonTree> members) implements JsonTree {
        public Members {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public String kind() {
            return "an object { }";
        }
    }

    record Elements(int line, List<JsonTree> elements) implements JsonTree {
        public Elements {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "a list [ ]";
        }
    }

    /** A string, number or boolean as written (numbers keep their digits), or null as empty text. */
    record Scalar(int line, String text) implements JsonTree {
        @Override
        public String kind() {
            return "a value";
        }
    }

    /** The document's tree; Jackson's exception, with the line, when the text is not one JSON document. */
    static JsonTree parse(String text) throws JacksonException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            JsonTree root = read(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more follows after the end of the JSON document");
            }
            return root;
        } catch (JacksonException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from a string failed", e);
        }
    }

    private static JsonTree read(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, JsonTree> members = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                members.put(name, read(parser));
            }
            return new Members(line, members);
        }
        if (token == JsonToken.START_ARRAY) {
            List<JsonTree> elements = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                elements.add(read(parser));
            }
            return new Elements(line, elements);
        }
        return new Scalar(line, token == JsonToken.VALUE_NULL ? "" : parser.getText());
    }
}
