package dev.restoredrill.mongoarchive;

/** Compares MongoDB version strings such as "5.0.0-rc0" by major and minor number. */
final class ServerVersion {

    private ServerVersion() {
    }

    /** True when {@code version} is older than major.minor; unparsable versions count as old, as archives are. */
    static boolean isBefore(String version, int major, int minor) {
        String[] parts = version == null ? new String[0] : version.split("[.-]");
        int actualMajor = number(parts, 0);
        int actualMinor = number(parts, 1);
        return actualMajor < major || (actualMajor == major && actualMinor < minor);
    }

    private static int number(String[] parts, int index) {
        if (index >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
