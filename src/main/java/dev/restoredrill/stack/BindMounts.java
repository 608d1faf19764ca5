package dev.restoredrill.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bind mounts of a drill's containers, read from the engine ({@code docker inspect}, mounts of type
 * {@code bind}). A drill host may be another machine, where a path of the drill runner does not exist: every
 * backup byte and config file travels through the Docker API instead, so a drill's list is empty.
 */
public final class BindMounts {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private BindMounts() {
    }

    /** One entry per bind mount, {@code <container> <host path> -> <container path>}; empty when there is none. */
    public static List<String> of(String drill) {
        Set<String> ids = new LinkedHashSet<>();
        for (String label : List.of(DrillLabels.DRILL, DrillLabels.COMPOSE_PROJECT)) {
            DockerCli.Result listed = DockerCli.run(TIMEOUT, "ps", "-aq", "--filter", "label=" + label + "=" + drill);
            if (!listed.ok()) {
                throw new IllegalStateException("could not list the containers of drill " + drill + ": "
                        + listed.stderr().strip());
            }
            listed.stdout().lines().filter(l -> !l.isBlank()).forEach(ids::add);
        }
        List<String> mounts = new ArrayList<>();
        for (String id : ids) {
            DockerCli.Result inspected = DockerCli.run(TIMEOUT, "inspect", "--type", "container", "--format",
                    "{{$name := .Name}}{{range .Mounts}}{{if eq .Type \"bind\"}}{{$name}} {{.Source}} -> "
                    + "{{.Destination}}\n{{end}}{{end}}", id);
            if (inspected.ok()) {
                inspected.stdout().lines().map(String::strip).filter(l -> !l.isEmpty())
                        .map(l -> l.startsWith("/") ? l.substring(1) : l).forEach(mounts::add);
            } else if (!inspected.stderr().contains("No such")) { // a --rm helper may be gone since the listing
                throw new IllegalStateException("could not inspect container " + id + " of drill " + drill + ": "
                        + inspected.stderr().strip());
            }
        }
        return mounts;
    }
}
