package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The asadmin command files that prepare a Payara Server Full domain for {@code ems.ear}
 * ({@code payara-server-preboot.asadmin}, {@code payara-server-resources.asadmin}), with their {@code ${name}}
 * placeholders filled in.
 */
public final class PayaraServerScripts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private PayaraServerScripts() {}

    /** The named script with every placeholder replaced; a placeholder without a value is an error. */
    public static String render(String script, Map<String, String> values) throws IOException {
        String template;
        try (InputStream in = PayaraServerScripts.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IOException("no script " + script);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(script + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A value inside an asadmin {@code --property} list of a command file: ':' and '=' are separators there, escaped
     * with a backslash that must itself be escaped for the file reader.
     */
    public static String propertyValue(String value) {
        return value.replace(":", "\\\\:").replace("=", "\\\\=");
    }
}
