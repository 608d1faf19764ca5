package dev.restoredrill.stack;

import java.util.regex.Pattern;

/**
 * A drill's id, which is also its compose project name: {@code drill-<yyyymmdd>-<random>}. Unique per drill,
 * so every volume the drill gets is new and nothing can collide with production's project.
 */
public record DrillId(String value) {

    private static final Pattern FORM = Pattern.compile("drill-\\d{8}-[a-z0-9]{6}");

    public DrillId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a drill id looks like drill-20261124-k3x9qa, found '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
