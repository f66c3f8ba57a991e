package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a command writes: lines of text for a person, or, with --json, one JSON document for a script. Messages
 * about what went wrong go to standard error either way.
 */
final class Output {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();

    Output(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * Writes the command's JSON document to standard output, in UTF-8 as JSON must be, whatever the console's own
     * encoding (a Windows console's is not UTF-8).
     */
    void document(JsonNode document) {
        try {
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            out.write(json, 0, json.length);
            out.println();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
