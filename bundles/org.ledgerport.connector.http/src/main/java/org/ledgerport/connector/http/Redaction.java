package org.ledgerport.connector.http;

import java.net.URI;
import java.util.regex.Pattern;

/** Takes secrets out of what is logged or shown: tokens, codes, client secrets, PKCE verifiers. */
public final class Redaction {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:access_token|refresh_token|id_token|code|client_secret|code_verifier|token|password)"
                    + "[\"']?\\s*[=:]\\s*[\"']?)[^&\"'\\s,}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern BASIC = Pattern.compile("(?i)(basic\\s+)[A-Za-z0-9+/=]+");

    private Redaction() {
    }

    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String redacted = SECRET_PARAMETER.matcher(text).replaceAll("$1***");
        redacted = BEARER.matcher(redacted).replaceAll("$1***");
        return BASIC.matcher(redacted).replaceAll("$1***");
    }

    public static String uri(URI uri) {
        return text(uri.toString());
    }
}
