package dev.restoredrill.testsupport;

import dev.restoredrill.stack.DrillLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a test run left on the engine: what is there now, was not there before, and belongs to this run
 * ({@link RunTrace}). What other processes create meanwhile is not this run's and is never reported.
 */
public final class Leftovers {

    /** One thing left behind, and why it is this run's. */
    public record Leftover(EngineResource resource, String why) {
        public String describe() {
            StringBuilder line = new StringBuilder(resource.kind().word()).append(' ').append(resource.displayName());
            if (resource.image() != null) {
                line.append(", image ").append(resource.image());
            }
            line.append(": ").append(why);
            Map<String, String> shown = projectLabels(resource.labels());
            if (!shown.isEmpty()) {
                line.append("; labels ").append(shown);
            }
            return line.toString();
        }
    }

    private Leftovers() {
    }

    public static List<Leftover> find(EngineSnapshot before, EngineSnapshot after, RunTrace trace) {
        Set<String> existed = before.keys();
        List<Leftover> left = new ArrayList<>();
        for (EngineResource r : after.resources()) {
            if (existed.contains(EngineSnapshot.key(r))) {
                continue;
            }
            whyOurs(r, trace).ifPresent(why -> left.add(new Leftover(r, why)));
        }
        return left;
    }

    private static Optional<String> whyOurs(EngineResource r, RunTrace trace) {
        if (trace.labelledByThisRun(r.labels())) {
            return Optional.of("labelled as created by this run");
        }
        if (r.kind() == EngineResource.Kind.VOLUME) {
            return trace.mountByThisRun(r.id()).map(m -> (r.labels().isEmpty() ? "anonymous volume " : "volume ")
                    + "mounted at " + m.getKey().destination() + " by container " + m.getValue().name() + " ("
                    + m.getValue().image() + ") of this run, which was removed without its volumes");
        }
        return Optional.empty();
    }

    /** The failure message: what is left, and the commands that remove it. */
    public static String report(List<Leftover> left) {
        StringBuilder text = new StringBuilder("The container tests left ").append(left.size())
                .append(" thing(s) on the Docker engine that this run created:\n");
        left.forEach(l -> text.append("  - ").append(l.describe()).append('\n'));
        text.append("Every container must be removed with its anonymous volumes (Testcontainers' stop(), "
                + "`docker rm -v`, `docker run --rm`, `docker compose down -v`), and every volume and network a test "
                + "creates removed, also after a failure. To clean up now:\n");
        for (EngineResource.Kind kind : EngineResource.Kind.values()) {
            List<String> ids = left.stream().map(Leftover::resource).filter(r -> r.kind() == kind)
                    .map(EngineResource::id).toList();
            if (!ids.isEmpty()) {
                text.append("  ").append(kind.removeCommand()).append(' ').append(String.join(" ", ids)).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** The labels that help a reader: this project's and Testcontainers', not the image's build inputs. */
    private static Map<String, String> projectLabels(Map<String, String> labels) {
        return labels.entrySet().stream()
                .filter(e -> (e.getKey().startsWith("dev.restoredrill.") && !e.getKey().equals("dev.restoredrill.inputs")
                        && !e.getKey().equals("dev.restoredrill.reference-image"))
                        || e.getKey().equals(RunTrace.TESTCONTAINERS_SESSION)
                        || e.getKey().equals(DrillLabels.COMPOSE_PROJECT) || e.getKey().equals("com.docker.compose.service"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
