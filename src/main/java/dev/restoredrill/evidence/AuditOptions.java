package dev.restoredrill.evidence;

import java.util.Optional;

/**
 * Who ran and approved a drill, and how its report folder is sealed (README "Configuration", "Audit").
 *
 * @param operator     {@code -Ddrill.operator}, else the OS user running the drill
 * @param approver     {@code -Ddrill.approver}; absent: approve later with {@code scripts/approve.sh}
 * @param ticketSpec   {@code -Ddrill.ticket}: {@code <failure-key>=<TICKET>}, comma-separated ({@link Tickets})
 * @param gpgKey       {@code -Ddrill.gpg-key}: sign SHA256SUMS with this GnuPG key (detached, armored)
 * @param gnupgHome    {@code -Ddrill.gnupghome}: the GnuPG home holding that key, else gpg's default
 * @param notifyUrl    {@code -Ddrill.notify}, else {@code DRILL_NOTIFY_URL}: POST the drill's summary here (wins over
 *                     the scenario's)
 */
public record AuditOptions(String operator, Optional<String> approver, String ticketSpec, Optional<String> gpgKey,
        Optional<String> gnupgHome, Optional<String> notifyUrl) {

    /** The webhook URL may carry a token: this variable keeps it off the command line. */
    public static final String NOTIFY_ENV = "DRILL_NOTIFY_URL";

    public static AuditOptions none() {
        return new AuditOptions(System.getProperty("user.name"), Optional.empty(), "", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static AuditOptions fromSystemProperties() {
        return new AuditOptions(
                property("drill.operator").orElse(System.getProperty("user.name")),
                property("drill.approver"),
                property(Tickets.PROPERTY).orElse(""),
                property("drill.gpg-key"),
                property("drill.gnupghome"),
                property("drill.notify").or(() -> Optional.ofNullable(System.getenv(NOTIFY_ENV))
                        .map(String::strip).filter(s -> !s.isEmpty())));
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
