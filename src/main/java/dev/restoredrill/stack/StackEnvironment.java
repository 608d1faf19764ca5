package dev.restoredrill.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a drill's compose project is started with: the drill's id and credentials, plus a value for
 * every other variable the compose files require.
 *
 * <p>A variable the operator has exported (e.g. LANGFUSE_SALT, which a restored Langfuse needs unchanged) is
 * passed through; any other required one gets a fresh random value, so the platform's file parses without
 * the drill ever reading production's secrets.
 */
public final class StackEnvironment {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?");

    private StackEnvironment() {
    }

    public static Map<String, String> forDrill(DrillId id, DrillCredentials credentials, String renderedCompose,
                                               Map<String, String> drillEnv, Map<String, String> operatorEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRILL_ID", id.value());
        env.put("DRILL_OWNER_PID", DrillLabels.ownerPid());
        env.put("DRILL_OWNER_HOST", DrillLabels.ownerHost());
        env.putAll(credentials.toEnvironment());
        env.putAll(drillEnv);
        Matcher matcher = VARIABLE.matcher(renderedCompose);
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean hasDefault = matcher.group(2) != null && matcher.group(2).endsWith("-");
            if (env.containsKey(name) || hasDefault) {
                continue;
            }
            String exported = operatorEnv.get(name);
            env.put(name, exported != null ? exported : DrillCredentials.secret(32));
        }
        return env;
    }
}
