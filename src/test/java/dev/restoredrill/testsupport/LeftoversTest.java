package dev.restoredrill.testsupport;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.DrillLabels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The leftover diff: new and this run's is reported; what was there before or is another run's is not. */
class LeftoversTest {

    private static final String SESSION = "session-of-this-run";
    private static final String OTHER_SESSION = "session-of-another-engineer";
    private static final Map<String, String> IMAGE_LABELS = Map.of("dev.restoredrill.reference-image", "true",
            "dev.restoredrill.inputs", "607d18972b77");

    private final RunTrace trace = new RunTrace(SESSION, "4242", Set.of("4343")::contains);

    @Test
    void anAnonymousVolumeOfARemovedContainerOfThisRunIsReportedWithWhereItWasMounted() {
        trace.containerCreated("c1", attributes("clickhouse-1", ReferenceImages.CLICKHOUSE,
                RunTrace.TESTCONTAINERS_SESSION, SESSION));
        trace.volumeMounted("3f2a9c", "c1", "/var/lib/clickhouse");

        List<Leftovers.Leftover> left = Leftovers.find(snapshot(), snapshot(EngineResource.volume("3f2a9c", null)), trace);

        assertThat(left).singleElement().satisfies(l -> assertThat(l.describe()).isEqualTo("volume 3f2a9c: anonymous "
                + "volume mounted at /var/lib/clickhouse by container clickhouse-1 (restore-drill/clickhouse:18.16) of "
                + "this run, which was removed without its volumes"));
    }

    @Test
    void whatAnotherRunCreatesMeanwhileIsNotReported() {
        trace.containerCreated("c2", attributes("perf-pg", ReferenceImages.POSTGRES,
                RunTrace.TESTCONTAINERS_SESSION, OTHER_SESSION));
        trace.volumeMounted("anon-of-other", "c2", "/var/lib/postgresql/data");
        EngineSnapshot after = snapshot(
                EngineResource.volume("anon-of-other", null),
                EngineResource.container("c2", "perf-pg", ReferenceImages.POSTGRES,
                        merged(IMAGE_LABELS, Map.of(RunTrace.TESTCONTAINERS_SESSION, OTHER_SESSION))),
                EngineResource.volume("drill-x_postgres-data", Map.of(DrillLabels.DRILL, "drill-x", DrillLabels.OWNER_PID, "999")),
                EngineResource.container("c3", "unmounted", ReferenceImages.CLICKHOUSE, IMAGE_LABELS));

        assertThat(Leftovers.find(snapshot(), after, trace)).isEmpty();
    }

    @Test
    void whatWasThereBeforeIsNeverReportedEvenIfItLooksLikeThisRuns() {
        EngineResource old = EngineResource.volume("old", Map.of(DrillLabels.OWNER_PID, "4242"));
        trace.containerCreated("c1", attributes("x", ReferenceImages.TINY, DrillLabels.OWNER_PID, "4242"));
        trace.volumeMounted("old", "c1", "/data");

        assertThat(Leftovers.find(snapshot(old), snapshot(old), trace)).isEmpty();
    }

    @Test
    void containersVolumesAndNetworksLabelledByThisJvmOrAChildItStartedAreReported() {
        trace.containerCreated("child-c", attributes("drill-y-postgres-1", ReferenceImages.POSTGRES,
                DrillLabels.OWNER_PID, "4343"));
        EngineSnapshot after = snapshot(
                EngineResource.container("abcdef0123456789", "drill-x-postgres-1", ReferenceImages.POSTGRES,
                        merged(IMAGE_LABELS, Map.of(DrillLabels.DRILL, "drill-x", DrillLabels.OWNER_PID, "4242"))),
                EngineResource.network("net1", "drill-x_default", Map.of(DrillLabels.OWNER_PID, "4242")),
                EngineResource.network("net2", "tc-net", Map.of(RunTrace.TESTCONTAINERS_SESSION, SESSION)),
                EngineResource.volume("drill-y_postgres-data", Map.of(DrillLabels.OWNER_PID, "4343")));

        List<Leftovers.Leftover> left = Leftovers.find(snapshot(), after, trace);

        assertThat(left).extracting(l -> l.resource().name())
                .containsExactly("drill-x-postgres-1", "drill-x_default", "tc-net", "drill-y_postgres-data");
        assertThat(left.get(0).describe()).isEqualTo("container drill-x-postgres-1 (abcdef012345), image "
                + "restore-drill/postgres:15: labelled as created by this run; labels {dev.restoredrill.drill=drill-x, "
                + "dev.restoredrill.owner-pid=4242}");
    }

    @Test
    void theReportNamesEachLeftoverAndHowToRemoveIt() {
        List<Leftovers.Leftover> left = List.of(
                new Leftovers.Leftover(EngineResource.volume("v1", null), "anonymous volume mounted at /data by x"),
                new Leftovers.Leftover(EngineResource.container("c1", "n1", "img", Map.of()), "labelled"),
                new Leftovers.Leftover(EngineResource.volume("v2", null), "anonymous volume mounted at /db by y"));

        assertThat(Leftovers.report(left))
                .startsWith("The container tests left 3 thing(s) on the Docker engine that this run created:\n"
                        + "  - volume v1: anonymous volume mounted at /data by x\n")
                .contains("  docker rm -f -v c1\n  docker volume rm v1 v2");
    }

    private static EngineSnapshot snapshot(EngineResource... resources) {
        return new EngineSnapshot(List.of(resources));
    }

    private static Map<String, String> attributes(String name, String image, String label, String value) {
        return merged(IMAGE_LABELS, Map.of("name", name, "image", image, label, value));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        var all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
