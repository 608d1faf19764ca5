package dev.restoredrill.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's isolation, as the scenario may loosen it. By default (no {@code isolation:} section) the drill stack
 * reaches nothing outside itself. {@code allow_egress} names destinations ({@code host:port}) the restored apps may
 * reach anyway, e.g. the real model provider; the report then says so in red letters.
 */
public record IsolationPlan(List<Destination> allowEgress) {

    /** Fully isolated: no destination outside the drill is allowed. */
    public static final IsolationPlan ISOLATED = new IsolationPlan(List.of());

    private static final Pattern HOST_PORT = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*):([0-9]{1,5})");

    public IsolationPlan {
        allowEgress = List.copyOf(allowEgress);
    }

    public boolean isolated() {
        return allowEgress.isEmpty();
    }

    /** One allowed destination: a host name (as the restored apps name it) and a TCP port. */
    public record Destination(String host, int port) {

        /** Parses {@code host:port}, or says what is expected. */
        public static Destination parse(String text) {
            Matcher matcher = HOST_PORT.matcher(text.strip());
            if (matcher.matches()) {
                int port = Integer.parseInt(matcher.group(2));
                if (port >= 1 && port <= 65_535) {
                    return new Destination(matcher.group(1).toLowerCase(java.util.Locale.ROOT), port);
                }
            }
            throw new IllegalArgumentException("expected a destination as host:port with a port from 1 to 65535, "
                    + "e.g. api.openai.com:443, found '" + text + "'");
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
