package org.ledgerport.simulator.xero.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code where} filter of Xero's GET endpoints, as far as integrations use it: comparisons of fields (dotted
 * paths such as {@code Contact.ContactID}) with strings, numbers, booleans, null, {@code guid("…")} and
 * {@code DateTime(2024,01,31)}; {@code StartsWith/EndsWith/Contains("…")}, {@code ToLower()/ToUpper()}; {@code &&},
 * {@code ||}, {@code AND}, {@code OR}, {@code !} and parentheses. Strings compare without regard to letter case,
 * as Xero's own lookups do. Anything else is refused with Xero's QueryParseException rather than guessed at.
 */
final class Where {

    /** A filter that cannot be parsed or names a field the entity does not have. */
    static final class QueryParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        QueryParseException(String message) {
            super(message);
        }
    }

    private final List<String> tokens;
    private final String entity;
    private final Map<String, ?> fields;
    private int position;

    private Where(String expression, String entity, Map<String, ?> fields) {
        this.tokens = tokenize(expression);
        this.entity = entity;
        this.fields = fields;
    }

    /**
     * The predicate {@code expression} stands for.
     *
     * @param entity the type name used in error messages ("Invoice")
     * @param fields accessor per field path, keyed in lower case
     * @throws QueryParseException with a message in Xero's words when it cannot be understood
     */
    static <T> Predicate<T> parse(String expression, String entity, Map<String, Function<T, Object>> fields) {
        Where parser = new Where(expression, entity, fields);
        Predicate<T> predicate = parser.disjunction();
        if (parser.position < parser.tokens.size()) {
            throw new QueryParseException("Syntax error in where clause near '" + parser.tokens.get(parser.position)
                    + "'");
        }
        return predicate;
    }

    private <T> Predicate<T> disjunction() {
        Predicate<T> left = conjunction();
        while (accept("||") || accept("OR")) {
            left = left.or(conjunction());
        }
        return left;
    }

    private <T> Predicate<T> conjunction() {
        Predicate<T> left = negation();
        while (accept("&&") || accept("AND")) {
            left = left.and(negation());
        }
        return left;
    }

    private <T> Predicate<T> negation() {
        if (accept("!") || accept("NOT")) {
            return this.<T>negation().negate();
        }
        if (accept("(")) {
            Predicate<T> inner = disjunction();
            expect(")");
            return inner;
        }
        return comparison();
    }

    @SuppressWarnings("unchecked")
    private <T> Predicate<T> comparison() {
        String path = next();
        String method = null;
        if (peek("(")) {
            int dot = path.lastIndexOf('.');
            if (dot < 0) {
                throw new QueryParseException("Syntax error in where clause near '" + path + "'");
            }
            method = path.substring(dot + 1).toLowerCase(Locale.ROOT);
            path = path.substring(0, dot);
        }
        Function<T, Object> field = (Function<T, Object>) fields.get(path.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw new QueryParseException("No property or field '" + path.substring(path.lastIndexOf('.') + 1)
                    + "' exists in type '" + entity + "'");
        }
        if ("tolower".equals(method) || "toupper".equals(method)) {
            // Comparisons ignore letter case already, so changing it changes nothing.
            expect("(");
            expect(")");
            method = null;
        }
        if (method != null) {
            expect("(");
            String wanted = lower(literal());
            expect(")");
            return switch (method) {
                case "startswith" -> row -> lower(field.apply(row)).startsWith(wanted);
                case "endswith" -> row -> lower(field.apply(row)).endsWith(wanted);
                case "contains" -> row -> lower(field.apply(row)).contains(wanted);
                default -> throw new QueryParseException("No applicable method '" + method + "' exists in type '"
                        + entity + "'");
            };
        }
        String operator = next();
        Object wanted = literal();
        return switch (operator) {
            case "==" -> row -> compare(field.apply(row), wanted) == 0;
            case "!=" -> row -> compare(field.apply(row), wanted) != 0;
            case ">" -> row -> ordered(field.apply(row), wanted) && compare(field.apply(row), wanted) > 0;
            case ">=" -> row -> ordered(field.apply(row), wanted) && compare(field.apply(row), wanted) >= 0;
            case "<" -> row -> ordered(field.apply(row), wanted) && compare(field.apply(row), wanted) < 0;
            case "<=" -> row -> ordered(field.apply(row), wanted) && compare(field.apply(row), wanted) <= 0;
            default -> throw new QueryParseException("Operator '" + operator + "' is not supported");
        };
    }

    private Object literal() {
        String token = next();
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (token.equalsIgnoreCase("null")) {
            return null;
        }
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return Boolean.valueOf(token);
        }
        if (token.equalsIgnoreCase("guid")) {
            expect("(");
            String text = next();
            expect(")");
            try {
                return UUID.fromString(text.substring(1, text.length() - 1));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new QueryParseException("Guid should contain 32 digits with 4 dashes "
                        + "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
            }
        }
        if (token.equalsIgnoreCase("DateTime")) {
            expect("(");
            List<Integer> parts = new ArrayList<>();
            parts.add(Integer.parseInt(next()));
            while (accept(",")) {
                parts.add(Integer.parseInt(next()));
            }
            expect(")");
            if (parts.size() != 3 && parts.size() != 6) {
                throw new QueryParseException("DateTime takes a year, month and day (and optionally hour, minute, "
                        + "second)");
            }
            return parts.size() == 3 ? LocalDateTime.of(parts.get(0), parts.get(1), parts.get(2), 0, 0)
                    : LocalDateTime.of(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4),
                            parts.get(5));
        }
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            throw new QueryParseException("Syntax error in where clause near '" + token + "'");
        }
    }

    private static boolean ordered(Object value, Object wanted) {
        return value != null && wanted != null;
    }

    private static int compare(Object value, Object wanted) {
        if (value == null || wanted == null) {
            return value == wanted ? 0 : 1;
        }
        if (wanted instanceof LocalDateTime when) {
            return comparableTime(value).compareTo(when);
        }
        if (wanted instanceof BigDecimal number && value instanceof BigDecimal amount) {
            return amount.compareTo(number);
        }
        if (wanted instanceof Boolean flag && value instanceof Boolean actual) {
            return actual.equals(flag) ? 0 : 1;
        }
        return lower(value).compareTo(lower(wanted));
    }

    private static LocalDateTime comparableTime(Object value) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        throw new QueryParseException("A date can only be compared with a date field");
    }

    private static String lower(Object value) {
        return value == null ? "" : String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    private boolean peek(String token) {
        return position < tokens.size() && tokens.get(position).equalsIgnoreCase(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new QueryParseException("Syntax error in where clause: '" + token + "' expected"
                    + (position < tokens.size() ? " near '" + tokens.get(position) + "'" : " at the end"));
        }
    }

    private String next() {
        if (position >= tokens.size()) {
            throw new QueryParseException("Syntax error in where clause: it ends too early");
        }
        return tokens.get(position++);
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder literal = new StringBuilder("\"");
                while (end < text.length() && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\' && end + 1 < text.length()) {
                        end++;
                    }
                    literal.append(text.charAt(end++));
                }
                if (end >= text.length()) {
                    throw new QueryParseException("Unterminated string literal in where clause");
                }
                tokens.add(literal.append('"').toString());
                i = end + 1;
            } else if (text.startsWith("==", i) || text.startsWith("!=", i) || text.startsWith(">=", i)
                    || text.startsWith("<=", i) || text.startsWith("&&", i) || text.startsWith("||", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if ("()<>!,".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || "_.-".indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                throw new QueryParseException("Syntax error in where clause near '" + c + "'");
            }
        }
        return tokens;
    }
}
