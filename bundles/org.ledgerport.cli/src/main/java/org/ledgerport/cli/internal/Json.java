package org.ledgerport.cli.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes the commands print with --json, documented in docs/cli.md. Exact decimals (amounts, quantities)
 * are written as strings so that no reader turns them into floating point; times are ISO-8601 instants.
 */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** What --json prints when a command could not run or its command line was wrong. */
    static ObjectNode error(int exitCode, String message) {
        ObjectNode error = object();
        error.putObject("error").put("exitCode", exitCode).put("message", message);
        return error;
    }

    static ObjectNode problem(Problem problem) {
        return object().put("code", problem.code()).put("severity", problem.severity().name())
                .put("field", problem.field()).put("message", problem.message())
                .put("vendorCode", problem.vendorCode()).put("vendorMessage", problem.vendorMessage())
                .put("retryable", problem.retryable());
    }

    static ArrayNode problems(Iterable<Problem> problems) {
        ArrayNode array = array();
        problems.forEach(p -> array.add(problem(p)));
        return array;
    }

    static ObjectNode run(RunSummary run) {
        return object().put("id", run.id()).put("connectionId", run.connectionId())
                .put("connection", run.connectionName()).put("user", run.user()).put("workstation", run.workstation())
                .put("startedAt", instant(run.startedAt())).put("finishedAt", instant(run.finishedAt()))
                .put("durationMillis", run.duration().toMillis()).put("selected", run.selected())
                .put("exported", run.exported()).put("failed", run.failed()).put("skipped", run.skipped())
                .put("unconfirmed", run.unconfirmed()).put("outcome", run.outcome().name());
    }

    static ObjectNode result(InvoiceResult result) {
        ObjectNode node = object().put("invoiceId", result.invoiceId()).put("number", result.invoiceNumber())
                .put("outcome", result.outcome().name());
        ExternalInvoice external = result.external();
        if (external == null) {
            node.putNull("external");
        } else {
            node.putObject("external").put("id", external.externalId()).put("number", external.number())
                    .put("date", external.date() == null ? null : external.date().toString())
                    .put("location", external.location());
        }
        node.set("problems", problems(result.problems()));
        return node;
    }

    /** @param connector the connection's connector, or null when it is not installed */
    static ObjectNode connection(Connection connection, Connector connector) {
        ObjectNode node = object().put("id", connection.id()).put("uid", connection.uid())
                .put("name", connection.name());
        node.putObject("connector").put("id", connection.connectorId())
                .put("name", connector == null ? null : connector.descriptor().displayName())
                .put("installed", connector != null);
        node.put("numbering", Words.numbering(connection.numbering()));
        ObjectNode settings = node.putObject("settings");
        connection.settings().forEach(settings::put);
        ObjectNode mappings = node.putObject("mappings");
        for (Map.Entry<MappingKind, Map<String, String>> kind : connection.mappings().entrySet()) {
            ObjectNode codes = mappings.putObject(Words.mappingKind(kind.getKey()));
            kind.getValue().forEach(codes::put);
        }
        return node;
    }
}
