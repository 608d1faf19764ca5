package dev.restoredrill.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The engine's containers (running or not), volumes and networks at one moment. */
public record EngineSnapshot(List<EngineResource> resources) {

    public EngineSnapshot {
        resources = List.copyOf(resources);
    }

    /** {@code docker ps -a}, {@code docker volume ls} and {@code docker network ls}, with their labels. */
    public static EngineSnapshot take(DockerClient docker) {
        List<EngineResource> all = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
            all.add(EngineResource.container(c.getId(), name, c.getImage(), c.getLabels()));
        }
        var volumes = docker.listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> all.add(EngineResource.volume(v.getName(), v.getLabels())));
        }
        docker.listNetworksCmd().exec().forEach(n -> all.add(EngineResource.network(n.getId(), n.getName(), n.getLabels())));
        return new EngineSnapshot(all);
    }

    /** Kind and id of everything in the snapshot, to tell what is new in a later one. */
    public Set<String> keys() {
        return resources.stream().map(EngineSnapshot::key).collect(Collectors.toUnmodifiableSet());
    }

    static String key(EngineResource r) {
        return r.kind() + ":" + r.id();
    }

    public long count(EngineResource.Kind kind) {
        return resources.stream().filter(r -> r.kind() == kind).count();
    }
}
