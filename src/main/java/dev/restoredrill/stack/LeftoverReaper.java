package dev.restoredrill.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and removes, by label, what drills left behind: containers first, then volumes and networks (which
 * cannot go while a container uses them).
 *
 * <p>A drill's resources carry its id and the pid and host of the JVM that ran it; resources whose JVM is gone belong
 * to a killed drill and are removed at the next start, while a drill running in parallel is left alone. On a drill
 * host shared by several runners only a drill's own runner can tell whether its JVM is gone: another runner's drills
 * are left to it (resources from before the host label are judged by their pid alone).
 */
public final class LeftoverReaper {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** What was removed, for the console line and the evidence. */
    public record Removed(Set<String> drills, int containers, int volumes, int networks) {
        public boolean none() {
            return containers + volumes + networks == 0;
        }

        @Override
        public String toString() {
            return "removed " + containers + " container(s), " + volumes + " volume(s), " + networks
                    + " network(s) left by killed drill(s) " + drills;
        }
    }

    private LeftoverReaper() {
    }

    /** Removes the resources of drills whose JVM no longer runs; prints a line when it removed anything. */
    public static Removed removeOrphans() {
        Set<String> orphans = new LinkedHashSet<>();
        for (String kind : List.of("container", "volume", "network")) {
            // '|' between the labels: a missing one prints as "<no value>", which has a space in it
            for (String line : list(kind, DrillLabels.DRILL, "{{.Label \"" + DrillLabels.DRILL + "\"}}|{{.Label \""
                    + DrillLabels.OWNER_PID + "\"}}|{{.Label \"" + DrillLabels.OWNER_HOST + "\"}}")) {
                String[] parts = line.split("\\|", -1);
                if (parts.length == 3 && killed(parts[1], parts[2], DrillLabels.ownerHost(), LeftoverReaper::alive)) {
                    orphans.add(parts[0]);
                }
            }
        }
        int containers = 0;
        int volumes = 0;
        int networks = 0;
        for (String drill : orphans) {
            Removed removed = removeDrill(drill);
            containers += removed.containers();
            volumes += removed.volumes();
            networks += removed.networks();
        }
        Removed total = new Removed(orphans, containers, volumes, networks);
        if (!total.none()) {
            System.err.println("[restore-drill] " + total);
        }
        return total;
    }

    /** Removes every container, volume and network labelled with this drill id or its compose project. */
    public static Removed removeDrill(String drill) {
        int containers = remove("container", drill, List.of("rm", "-f", "-v"));
        int volumes = remove("volume", drill, List.of("volume", "rm", "-f"));
        int networks = remove("network", drill, List.of("network", "rm"));
        return new Removed(Set.of(drill), containers, volumes, networks);
    }

    /** Names of what is still there for this drill (empty when the teardown was complete). */
    public static List<String> remaining(String drill) {
        List<String> left = new ArrayList<>();
        for (String kind : List.of("container", "volume", "network")) {
            for (String name : ids(kind, drill)) {
                left.add(kind + " " + name);
            }
        }
        return left;
    }

    private static int remove(String kind, String drill, List<String> rmCommand) {
        Set<String> ids = ids(kind, drill);
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(rmCommand);
        args.addAll(ids);
        DockerCli.run(TIMEOUT, java.util.Map.of(), args);
        return ids.size();
    }

    private static Set<String> ids(String kind, String drill) {
        Set<String> ids = new LinkedHashSet<>();
        String format = kind.equals("volume") ? "{{.Name}}" : "{{.ID}}";
        ids.addAll(list(kind, DrillLabels.DRILL + "=" + drill, format));
        ids.addAll(list(kind, DrillLabels.COMPOSE_PROJECT + "=" + drill, format));
        return ids;
    }

    private static List<String> list(String kind, String labelFilter, String format) {
        List<String> args = new ArrayList<>();
        switch (kind) {
            case "container" -> args.addAll(List.of("ps", "-a"));
            case "volume" -> args.addAll(List.of("volume", "ls"));
            default -> args.addAll(List.of("network", "ls"));
        }
        args.addAll(List.of("--filter", "label=" + labelFilter, "--format", format));
        DockerCli.Result result = DockerCli.run(TIMEOUT, java.util.Map.of(), args);
        return result.ok() ? result.stdout().lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /**
     * Whether a drill whose resources carry {@code pid} and {@code host} was killed, as {@code thisHost} can tell: its
     * pid is gone here, and it ran here (or carries no host, as resources from before the host label).
     */
    static boolean killed(String pid, String host, String thisHost, java.util.function.LongPredicate alive) {
        String owner = host.strip();
        if (!owner.isEmpty() && !owner.equals("<no value>") && !owner.equals(thisHost)) {
            return false;
        }
        try {
            return !alive.test(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
