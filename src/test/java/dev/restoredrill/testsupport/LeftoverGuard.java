package dev.restoredrill.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fails the container tests when they leave anything on the engine: it records the engine's containers, volumes
 * and networks when the first container test starts and follows the engine's events meanwhile, and at the end
 * (when JUnit closes it) throws, naming every container, volume and network that is new and this run's
 * ({@link Leftovers}, {@link RunTrace}). Started once per JVM by {@link DockerRequiredExtension}.
 */
public final class LeftoverGuard implements AutoCloseable {

    private final DockerClient docker;
    private final EngineSnapshot before;
    private final RunTrace trace;
    private final ResultCallback.Adapter<Event> events;

    private LeftoverGuard(DockerClient docker, EngineSnapshot before, RunTrace trace, ResultCallback.Adapter<Event> events) {
        this.docker = docker;
        this.before = before;
        this.trace = trace;
        this.events = events;
    }

    /** Snapshots the engine and follows its container create and volume mount events from now on. */
    public static LeftoverGuard start() {
        DockerClient docker = DockerClientFactory.instance().client();
        RunTrace trace = new RunTrace(DockerClientFactory.SESSION_ID, String.valueOf(ProcessHandle.current().pid()),
                LeftoverGuard::startedByThisJvm);
        // Events from a second back are replayed, so nothing created between the snapshot and the subscription is missed.
        String since = String.valueOf(Instant.now().getEpochSecond() - 1);
        EngineSnapshot before = EngineSnapshot.take(docker);
        ResultCallback.Adapter<Event> events = docker.eventsCmd()
                .withSince(since)
                .withEventTypeFilter(EventType.CONTAINER, EventType.VOLUME)
                .withEventFilter("create", "mount")
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        record(trace, event);
                    }
                });
        System.out.println("[leftover-guard] before the container tests the engine has " + summary(before)
                + "; the run fails if it leaves any of its own");
        return new LeftoverGuard(docker, before, trace, events);
    }

    /** The leftovers so far, without failing (for a test of the guard itself). */
    public List<Leftovers.Leftover> leftovers() {
        return Leftovers.find(before, EngineSnapshot.take(docker), trace);
    }

    @Override
    public void close() throws IOException {
        events.close();
        EngineSnapshot after = EngineSnapshot.take(docker);
        List<Leftovers.Leftover> left = Leftovers.find(before, after, trace);
        System.out.println("[leftover-guard] after the container tests the engine has " + summary(after) + "; "
                + (left.isEmpty() ? "nothing of this run is left" : left.size() + " thing(s) of this run are left"));
        if (!left.isEmpty()) {
            throw new AssertionError(Leftovers.report(left));
        }
    }

    private static void record(RunTrace trace, Event event) {
        if (event.getActor() == null || event.getActor().getId() == null) {
            return;
        }
        Map<String, String> attributes = Optional.ofNullable(event.getActor().getAttributes()).orElse(Map.of());
        if (event.getType() == EventType.CONTAINER && "create".equals(event.getAction())) {
            trace.containerCreated(event.getActor().getId(), attributes);
        } else if (event.getType() == EventType.VOLUME && "mount".equals(event.getAction())
                && attributes.containsKey("container")) {
            trace.volumeMounted(event.getActor().getId(), attributes.get("container"),
                    attributes.getOrDefault("destination", "?"));
        }
    }

    /** Whether the pid is this JVM or one of its descendants (a drill run in a child JVM). */
    private static boolean startedByThisJvm(String pid) {
        long self = ProcessHandle.current().pid();
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid.strip()));
            while (process.isPresent()) {
                if (process.get().pid() == self) {
                    return true;
                }
                process = process.get().parent();
            }
        } catch (NumberFormatException notAPid) {
            return false;
        }
        return false;
    }

    private static String summary(EngineSnapshot s) {
        return s.count(EngineResource.Kind.VOLUME) + " volume(s), " + s.count(EngineResource.Kind.CONTAINER)
                + " container(s), " + s.count(EngineResource.Kind.NETWORK) + " network(s)";
    }
}
