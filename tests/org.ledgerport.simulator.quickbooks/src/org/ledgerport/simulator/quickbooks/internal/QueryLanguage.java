package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * QuickBooks' query language, the subset of reference 1.4: {@code SELECT * | count(*) FROM Entity [WHERE p op v
 * [AND ...]] [ORDERBY p [ASC|DESC], ...] [STARTPOSITION n] [MAXRESULTS n]} with the operators =, &lt;, &gt;, &lt;=,
 * &gt;=, IN and LIKE ('%' only); no OR, no projections. Keywords ignore case, entity names do not. A string literal is
 * in single quotes, an apostrophe or backslash in it escaped by a backslash. Anything else is fault 4000. String
 * comparisons ignore case; name lists answer active entries only unless the query mentions Active.
 */
public final class QueryLanguage {

    /** QuickBooks answers at most this many entities per query, whatever MAXRESULTS asks. */
    public static final int MAX_RESULTS = 1000;
    private static final int DEFAULT_RESULTS = 100;

    private static final Set<String> COMMON = Set.of("Id", "MetaData.CreateTime", "MetaData.LastUpdatedTime");
    private static final Map<String, Set<String>> QUERYABLE = Map.ofEntries(
            Map.entry("Invoice", Set.of("DocNumber", "TxnDate", "DueDate", "CustomerRef", "Balance", "TotalAmt")),
            Map.entry("Payment", Set.of("TxnDate", "CustomerRef", "TotalAmt")),
            Map.entry("Customer", Set.of("DisplayName", "GivenName", "FamilyName", "CompanyName", "PrimaryEmailAddr",
                    "Active", "Balance", "FullyQualifiedName")),
            Map.entry("Vendor", Set.of("DisplayName", "GivenName", "FamilyName", "CompanyName", "PrimaryEmailAddr",
                    "Active")),
            Map.entry("Employee", Set.of("DisplayName", "GivenName", "FamilyName", "PrimaryEmailAddr", "Active")),
            Map.entry("Item", Set.of("Name", "Type", "Active", "Sku", "FullyQualifiedName")),
            Map.entry("Account", Set.of("Name", "AccountType", "AccountSubType", "Classification", "Active",
                    "AcctNum", "FullyQualifiedName")),
            Map.entry("TaxCode", Set.of("Name", "Active")),
            Map.entry("TaxRate", Set.of("Name", "Active")),
            Map.entry("CompanyInfo", Set.of()),
            Map.entry("Preferences", Set.of()));
    private static final Set<String> OPERATORS = Set.of("=", "<", ">", "<=", ">=", "IN", "LIKE");

    /** One condition; {@code values} has one value except for IN. */
    record Condition(String property, String operator, List<String> values) {
    }

    record Order(String property, boolean descending) {
    }

    /** A parsed query; startPosition is 1-based. */
    record Query(boolean count, String entity, List<Condition> conditions, List<Order> orderBy, int startPosition,
            int maxResults) {
    }

    private enum Kind {
        WORD, NUMBER, STRING, SYMBOL, END
    }

    private record Token(Kind kind, String text, int column) {

        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String shown() {
            return kind == Kind.END ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
        }
    }

    private QueryLanguage() {
    }

    /** Runs a query against the company; the answer's {@code QueryResponse}. */
    public static ObjectNode run(Company company, String text) {
        Query query = parse(text);
        List<ObjectNode> rows = new ArrayList<>(company.visible(query.entity()));
        boolean asksActive = query.conditions().stream().anyMatch(c -> c.property().equals("Active"));
        ZoneId zone = company.setup().zone();
        rows.removeIf(row -> Company.NAME_LISTS.contains(query.entity()) && !asksActive
                && !row.path("Active").asBoolean(true)
                || !query.conditions().stream().allMatch(c -> holds(row, c, zone)));
        ObjectNode response = Json.object();
        if (query.count()) {
            response.put("totalCount", rows.size());
            return response;
        }
        Comparator<ObjectNode> order = Comparator.comparing(row -> key("Id", row.path("Id").asText(), zone),
                QueryLanguage::compare);
        for (Order by : query.orderBy().reversed()) {
            Comparator<ObjectNode> one = Comparator.comparing(row -> key(by.property(), valueOf(row, by.property()),
                    zone), Comparator.nullsLast(QueryLanguage::compare));
            order = (by.descending() ? one.reversed() : one).thenComparing(order);
        }
        rows.sort(order);
        int from = Math.min(rows.size(), query.startPosition() - 1);
        int to = Math.min(rows.size(), from + query.maxResults());
        List<ObjectNode> page = rows.subList(from, to);
        if (!page.isEmpty()) {
            ArrayNode entities = response.putArray(query.entity());
            page.forEach(row -> entities.add(row.deepCopy()));
            response.put("startPosition", query.startPosition());
            response.put("maxResults", page.size());
        }
        return response;
    }

    static Query parse(String text) {
        List<Token> tokens = tokens(text == null ? "" : text);
        Parser parser = new Parser(tokens);
        return parser.query();
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Query query() {
            keyword("SELECT");
            boolean count;
            if (peek().isSymbol("*")) {
                next();
                count = false;
            } else if (peek().is("count")) {
                next();
                symbol("(");
                symbol("*");
                symbol(")");
                count = true;
            } else {
                throw unexpected(peek(), "'*' or count(*) (QuickBooks queries select every field)");
            }
            keyword("FROM");
            Token entity = next();
            if (entity.kind() != Kind.WORD || !QUERYABLE.containsKey(entity.text())) {
                throw QboFault.parse("Invalid entity '" + entity.shown() + "' at column " + entity.column()
                        + " (entity names are case-sensitive: " + QUERYABLE.keySet().stream().sorted()
                                .collect(Collectors.joining(", ")) + ")");
            }
            Set<String> queryable = Stream.concat(COMMON.stream(), QUERYABLE.get(entity.text()).stream())
                    .collect(Collectors.toSet());
            List<Condition> conditions = new ArrayList<>();
            if (peek().is("WHERE")) {
                next();
                conditions.add(condition(queryable));
                while (peek().is("AND")) {
                    next();
                    conditions.add(condition(queryable));
                }
                if (peek().is("OR")) {
                    throw QboFault.parse("OR is not supported (column " + peek().column() + "); run one query per "
                            + "alternative, or use IN");
                }
            }
            List<Order> orderBy = new ArrayList<>();
            if (peek().is("ORDERBY")) {
                next();
                do {
                    String property = property(queryable);
                    boolean descending = false;
                    if (peek().is("ASC") || peek().is("DESC")) {
                        descending = next().is("DESC");
                    }
                    orderBy.add(new Order(property, descending));
                } while (peek().isSymbol(",") && next() != null);
            }
            int start = 1;
            if (peek().is("STARTPOSITION")) {
                next();
                start = positive("STARTPOSITION");
            }
            int max = DEFAULT_RESULTS;
            if (peek().is("MAXRESULTS")) {
                next();
                max = Math.min(positive("MAXRESULTS"), MAX_RESULTS);
            }
            if (peek().kind() != Kind.END) {
                throw unexpected(peek(), "the end of the query");
            }
            return new Query(count, entity.text(), conditions, orderBy, start, max);
        }

        private Condition condition(Set<String> queryable) {
            String property = property(queryable);
            Token operator = next();
            String op = operator.kind() == Kind.WORD ? operator.text().toUpperCase(Locale.ROOT) : operator.text();
            if (operator.kind() == Kind.END || !OPERATORS.contains(op)) {
                throw unexpected(operator, "an operator (=, <, >, <=, >=, IN, LIKE)");
            }
            List<String> values = new ArrayList<>();
            if (op.equals("IN")) {
                symbol("(");
                values.add(value());
                while (peek().isSymbol(",")) {
                    next();
                    values.add(value());
                }
                symbol(")");
            } else {
                values.add(value());
            }
            return new Condition(property, op, values);
        }

        private String property(Set<String> queryable) {
            Token token = next();
            if (token.kind() != Kind.WORD) {
                throw unexpected(token, "a property name");
            }
            if (!queryable.contains(token.text())) {
                throw QboFault.parse("property '" + token.text() + "' is not queryable (column " + token.column()
                        + ")");
            }
            return token.text();
        }

        private String value() {
            Token token = next();
            if (token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.is("true")
                    || token.is("false")) {
                return token.text();
            }
            throw unexpected(token, "a value ('text', a number, true or false)");
        }

        private int positive(String clause) {
            Token token = next();
            if (token.kind() != Kind.NUMBER || !token.text().matches("[1-9][0-9]{0,8}")) {
                throw unexpected(token, "a whole number of 1 or more after " + clause);
            }
            return Integer.parseInt(token.text());
        }

        private void keyword(String keyword) {
            Token token = next();
            if (!token.is(keyword)) {
                throw unexpected(token, keyword);
            }
        }

        private void symbol(String symbol) {
            Token token = next();
            if (!token.isSymbol(symbol)) {
                throw unexpected(token, "'" + symbol + "'");
            }
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token token = tokens.get(at);
            if (token.kind() != Kind.END) {
                at++;
            }
            return token;
        }

        private static QboFault unexpected(Token token, String expected) {
            return QboFault.parse("Encountered \"" + token.shown() + "\" at line 1, column " + token.column()
                    + ". Was expecting " + expected + ".");
        }
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length()) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw QboFault.parse("Lexical error at line 1, column " + (text.length() + 1) + ". Encountered: "
                            + "<EOF> after the string starting at column " + column + " (escape an apostrophe inside "
                            + "a value as \\')");
                }
                tokens.add(new Token(Kind.STRING, value.toString(), column));
            } else if (Character.isDigit(c) || c == '-' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end), column));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || text.charAt(end) == '_' || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end), column));
                i = end;
            } else if (text.startsWith("<=", i) || text.startsWith(">=", i) || text.startsWith("!=", i)
                    || text.startsWith("<>", i)) {
                tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + 2), column));
                i += 2;
            } else if ("*(),=<>".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, Character.toString(c), column));
                i++;
            } else {
                throw QboFault.parse("Lexical error at line 1, column " + column + ". Encountered: \"" + c + "\"");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    // ---- evaluation ----

    private static boolean holds(ObjectNode row, Condition condition, ZoneId zone) {
        String actual = valueOf(row, condition.property());
        if (actual == null) {
            return false;
        }
        Object left = key(condition.property(), actual, zone);
        return switch (condition.operator()) {
            case "LIKE" -> like(actual, condition.values().get(0));
            case "IN" -> condition.values().stream().anyMatch(v -> compare(left, literal(condition.property(), v,
                    zone)) == 0);
            default -> {
                int c = compare(left, literal(condition.property(), condition.values().get(0), zone));
                yield switch (condition.operator()) {
                    case "=" -> c == 0;
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                };
            }
        };
    }

    /** A property's value as text; a reference's value, an e-mail address's Address; null when absent. */
    private static String valueOf(ObjectNode row, String property) {
        JsonNode node = row;
        for (String part : property.split("\\.")) {
            node = node.path(part);
        }
        if (node.isObject()) {
            node = node.has("value") ? node.get("value") : node.path("Address");
        }
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Object literal(String property, String value, ZoneId zone) {
        try {
            return key(property, value, zone);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw QboFault.parse("'" + value + "' is not a valid value for " + property);
        }
    }

    /** A value in the type its property compares by. */
    private static Object key(String property, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        switch (property) {
            case "MetaData.CreateTime", "MetaData.LastUpdatedTime" -> {
                return instant(value, zone);
            }
            case "TxnDate", "DueDate" -> {
                return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            }
            case "Active" -> {
                return Boolean.parseBoolean(value);
            }
            case "Balance", "TotalAmt" -> {
                return new BigDecimal(value);
            }
            default -> {
                // Ids (and references) compare as numbers when they are numbers, as QuickBooks' Ids are.
                return value.matches("-?\\d+") && (property.equals("Id") || property.endsWith("Ref"))
                        ? new BigDecimal(value) : value;
            }
        }
    }

    private static Instant instant(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }

    private static boolean like(String actual, String pattern) {
        String regex = Stream.of(pattern.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(actual).matches();
    }
}
