package dev.restoredrill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI and schedule templates parse (YAML with snakeyaml; systemd units as INI), and each runs the command
 * ci-templates/README.md names for it, on the scenario and scripts that exist.
 */
class CiTemplatesTest {
    private static final Path DIR = Path.of("ci-templates");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| [^|]+ \\| `([^`]+)` \\|$");

    @Test
    void theGithubWorkflowRunsThePostMigrationDrillOnASelfHostedRunnerAndPublishesItsEvidence() throws IOException {
        Map<String, Object> workflow = yaml("github-actions/restore-drill.yml");
        Map<String, Object> on = map(workflow.get("on"));
        assertThat(on).containsKeys("workflow_run", "workflow_dispatch");
        Map<String, Object> job = map(map(workflow.get("jobs")).get("post-migration-drill"));
        assertThat(list(job.get("runs-on"))).contains("self-hosted", "docker");
        List<Map<String, Object>> steps = maps(job.get("steps"));
        String run = steps.stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).reduce("", String::concat);
        assertThat(run).contains(commandFor("github-actions/restore-drill.yml"));
        Map<String, Object> upload = steps.stream().filter(s -> String.valueOf(s.get("uses"))
                .startsWith("actions/upload-artifact")).findFirst().orElseThrow();
        assertThat(upload.get("if")).isEqualTo("always()");
        assertThat(String.valueOf(map(upload.get("with")).get("path"))).contains("drill-report/",
                "target/failsafe-reports/");
        // No step swallows the drill's exit code.
        assertThat(steps).noneMatch(s -> Boolean.TRUE.equals(s.get("continue-on-error")));
        assertThat(String.valueOf(job.get("env"))).doesNotContain("sk-").contains("secrets.DRILL_USER_PASSWORD");
    }

    @Test
    void theGitlabJobRunsThePostMigrationDrillAndKeepsReportAndJunitXml() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci/restore-drill.gitlab-ci.yml");
        Map<String, Object> job = map(pipeline.get("post-migration-drill"));
        assertThat(list(job.get("tags"))).contains("self-hosted", "docker");
        assertThat(String.join("\n", list(job.get("script")))).contains(commandFor("gitlab-ci/restore-drill.gitlab-ci.yml"));
        assertThat(job).doesNotContainKey("allow_failure");
        Map<String, Object> artifacts = map(job.get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        assertThat(list(artifacts.get("paths"))).contains("drill-report/", "target/failsafe-reports/");
        assertThat(map(artifacts.get("reports")).get("junit")).isEqualTo("target/failsafe-reports/TEST-*.xml");
    }

    @Test
    void theSystemdPairRunsTheQuarterlyDrillEachQuarterWithAnEnvironmentFile() throws IOException {
        Map<String, Map<String, String>> service = ini("systemd/restore-drill.service");
        Map<String, Map<String, String>> timer = ini("systemd/restore-drill.timer");

        assertThat(service.get("Service").get("ExecStart")).isEqualTo(commandFor("systemd/restore-drill.service"));
        assertThat(service.get("Service")).containsEntry("Type", "oneshot").containsEntry("User", "restore-drill")
                .containsEntry("EnvironmentFile", "/etc/restore-drill/drill.env");
        assertThat(timer.get("Timer")).containsEntry("OnCalendar", "*-01,04,07,10-01 02:00:00")
                .containsEntry("Persistent", "true").containsEntry("Unit", commandFor("systemd/restore-drill.timer"));
        assertThat(timer.get("Install")).containsEntry("WantedBy", "timers.target");
    }

    @Test
    void theCronLineRunsQuarterlyWithTheProtectedEnvironmentFile() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("cron/restore-drill.cron")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(lines).hasSize(1);
        String[] fields = lines.get(0).split("\\s+", 6);
        assertThat(List.of(fields).subList(0, 5)).containsExactly("0", "2", "1", "1,4,7,10", "*");
        assertThat(fields[5]).contains("DRILL_ENV_FILE=/etc/restore-drill/drill.env",
                commandFor("cron/restore-drill.cron"));
    }

    @Test
    void everyTemplateIsInTheReadmeAndEverythingItRunsExists() throws IOException {
        Map<String, String> rows = readmeRows();
        try (var files = Files.walk(DIR)) {
            List<String> templates = files.filter(Files::isRegularFile).map(p -> DIR.relativize(p).toString())
                    .filter(p -> !p.equals("README.md") && !p.equals("drill.env.example")).sorted().toList();
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(templates);
        }
        for (String command : rows.values()) {
            Matcher script = Pattern.compile("scripts/[a-z-]+\\.sh").matcher(command);
            while (script.find()) {
                assertThat(Path.of(script.group())).isExecutable();
            }
            Matcher scenario = Pattern.compile("drill-scenarios/[a-z-]+\\.yml").matcher(command);
            while (scenario.find()) {
                assertThat(Path.of(scenario.group())).isRegularFile();
            }
        }
        assertThat(Files.readString(DIR.resolve("drill.env.example"))).contains("DRILL_USER_PASSWORD=",
                "DRILL_NOTIFY_URL=");
    }

    @Test
    void theScheduledDrillRefusesAnEnvironmentFileOthersCanRead(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path env = Files.writeString(dir.resolve("drill.env"), "DRILL_USER_PASSWORD=not-for-others\n");
        Files.setPosixFilePermissions(env, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/scheduled-drill.sh").redirectErrorStream(true);
        builder.environment().put("DRILL_ENV_FILE", env.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("is mode 644", "expected owner", "mode 600", "chmod 600")
                .doesNotContain("not-for-others", "running: mvn");
    }

    private static String commandFor(String template) throws IOException {
        String command = readmeRows().get(template);
        assertThat(command).as("ci-templates/README.md names the command " + template + " runs").isNotNull();
        return command;
    }

    private static Map<String, String> readmeRows() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m.group(2));
            }
        }
        return rows;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return map(new Yaml().load(Files.readString(DIR.resolve(file))));
    }

    /** A systemd unit: [Section] then Key=Value lines; comments and blank lines skipped. */
    private static Map<String, Map<String, String>> ini(String file) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new LinkedHashMap<>());
            } else {
                assertThat(current).as(file + ": a key before any [Section]: " + l).isNotNull();
                assertThat(l).as(file + ": expected Key=Value").contains("=");
                current.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return sections;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return new ArrayList<>((List<String>) o);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Map<String, Object>>) o;
    }
}
