package dev.restoredrill.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labels by which everything a drill creates is found again, also after a killed run. */
public final class DrillLabels {

    /** Set by compose/drill.override.yml on every container, volume and network of a drill. */
    public static final String DRILL = "dev.restoredrill.drill";

    /** The pid of the JVM that runs the drill: a drill whose JVM is gone left its resources behind. */
    public static final String OWNER_PID = "dev.restoredrill.owner-pid";

    /**
     * The host of that JVM (the drill runner): on a drill host shared by several runners a pid means something only
     * on its own runner, so only that runner may judge the drill killed.
     */
    public static final String OWNER_HOST = "dev.restoredrill.owner-host";

    /** Set by compose itself; the drill's project name is its value. */
    public static final String COMPOSE_PROJECT = "com.docker.compose.project";

    /** Set on helper containers the harness runs itself (tar extraction, dumps). */
    public static final String HELPER = "dev.restoredrill.helper";

    private static final String THIS_HOST = readHostName();

    private DrillLabels() {
    }

    /** This JVM's pid, as {@link #OWNER_PID} carries it. */
    public static String ownerPid() {
        return String.valueOf(ProcessHandle.current().pid());
    }

    /** This runner's host name, as {@link #OWNER_HOST} carries it. */
    public static String ownerHost() {
        return THIS_HOST;
    }

    /**
     * The labels of what this JVM creates for {@code drill}: the drill's id and its owner (this JVM's pid and host),
     * then {@code more}.
     */
    public static Map<String, String> of(String drill, Map<String, String> more) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DRILL, drill);
        labels.put(OWNER_PID, ownerPid());
        labels.put(OWNER_HOST, ownerHost());
        labels.putAll(more);
        return labels;
    }

    /** {@link #of} as {@code docker … --label key=value} arguments. */
    public static List<String> cliArgs(String drill, Map<String, String> more) {
        List<String> args = new ArrayList<>();
        of(drill, more).forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        return args;
    }

    /** The kernel's host name (a container's is its own); the JDK's lookup, which may ask DNS, elsewhere. */
    private static String readHostName() {
        try {
            String name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (java.io.IOException | RuntimeException notLinux) {
            // fall through to the JDK
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
