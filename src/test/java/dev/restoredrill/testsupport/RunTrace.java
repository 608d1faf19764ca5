package dev.restoredrill.testsupport;

import dev.restoredrill.stack.DrillLabels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What tells this test run's containers, volumes and networks from those of other runs on a shared engine
 * (other engineers run the same project's tests at the same time, on the same images and labels):
 * <ul>
 *   <li>Testcontainers' session label, unique to this JVM, on everything Testcontainers creates;</li>
 *   <li>the drill's {@link DrillLabels#OWNER_PID} label naming this JVM or a process it started (a drill run in a
 *       child JVM), on everything a drill creates, compose's containers, volumes and network included;</li>
 *   <li>for a volume, which carries neither when it is anonymous or made with {@code docker volume create}: that a
 *       container of this run mounted it, as the engine's {@code create} and {@code mount} events tell.</li>
 * </ul>
 * The image's own {@code dev.restoredrill.*} labels do not count: every container of the reference images has them.
 */
public final class RunTrace {

    /** Set by Testcontainers on every container and network it creates. */
    public static final String TESTCONTAINERS_SESSION = "org.testcontainers.sessionId";

    /** A container created during the run, as the engine's create event described it. */
    public record ContainerOrigin(String id, String name, String image, Map<String, String> labels) {
    }

    /** A volume mounted into a container during the run. */
    public record Mount(String containerId, String destination) {
    }

    private final String session;
    private final Predicate<String> startedByThisJvm;
    private final Set<String> pids = ConcurrentHashMap.newKeySet();
    private final Map<String, ContainerOrigin> containers = new ConcurrentHashMap<>();
    private final Map<String, List<Mount>> mounts = new ConcurrentHashMap<>();

    /**
     * @param session          this JVM's Testcontainers session id
     * @param pid              this JVM's pid
     * @param startedByThisJvm whether a pid (as a label carries it) is a process this JVM started; asked while the
     *                         process runs, when a container labelled with it is created
     */
    public RunTrace(String session, String pid, Predicate<String> startedByThisJvm) {
        this.session = session;
        this.startedByThisJvm = startedByThisJvm;
        pids.add(pid);
    }

    /** A container was created; {@code attributes} are its create event's (its labels, {@code name}, {@code image}). */
    public void containerCreated(String id, Map<String, String> attributes) {
        String pid = attributes.get(DrillLabels.OWNER_PID);
        if (pid != null && !pids.contains(pid) && startedByThisJvm.test(pid)) {
            pids.add(pid);
        }
        containers.put(id, new ContainerOrigin(id, attributes.getOrDefault("name", id),
                attributes.getOrDefault("image", "?"), attributes));
    }

    /** A volume was mounted into a container (the engine's volume mount event). */
    public void volumeMounted(String volume, String containerId, String destination) {
        mounts.computeIfAbsent(volume, v -> new CopyOnWriteArrayList<>()).add(new Mount(containerId, destination));
    }

    /** Whether the labels tie a resource to this run. */
    public boolean labelledByThisRun(Map<String, String> labels) {
        return session.equals(labels.get(TESTCONTAINERS_SESSION))
                || (labels.containsKey(DrillLabels.OWNER_PID) && pids.contains(labels.get(DrillLabels.OWNER_PID)));
    }

    /** The first mount of the volume by a container of this run, with that container, if there was one. */
    public Optional<Map.Entry<Mount, ContainerOrigin>> mountByThisRun(String volume) {
        for (Mount mount : mounts.getOrDefault(volume, List.of())) {
            ContainerOrigin origin = containers.get(mount.containerId());
            if (origin != null && labelledByThisRun(origin.labels())) {
                return Optional.of(Map.entry(mount, origin));
            }
        }
        return Optional.empty();
    }
}
