package dev.restoredrill.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that also keeps each entry's names exactly as the archive wrote them. commons-compress 1.28 strips
 * the leading {@code /} of a name that comes from a PAX {@code path} record or a GNU long-name ({@code L}) entry
 * ({@code TarArchiveEntry.setName} normalises), so {@code /etc/cron.d/x} over 100 bytes would look relative. The
 * bytes of those header entries pass through {@link #read(byte[], int, int)} (commons-compress reads them through
 * this stream), so they are captured there and parsed here.
 */
final class RawNameTarInputStream extends TarArchiveInputStream {
    /** PAX or GNU long-name data beyond this is not kept (the entry is then judged on the parsed name). */
    private static final int MAX_HEADER_DATA = 1 << 20;

    private final ByteArrayOutputStream pax = new ByteArrayOutputStream();
    private final ByteArrayOutputStream longName = new ByteArrayOutputStream();
    private final ByteArrayOutputStream longLink = new ByteArrayOutputStream();
    private int depth;
    private String rawName;
    private String rawLinkName;

    RawNameTarInputStream(InputStream in) {
        super(in);
    }

    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (depth == 0) {
            pax.reset();
            longName.reset();
            longLink.reset();
        }
        depth++;
        TarArchiveEntry entry;
        try {
            entry = super.getNextEntry(); // calls itself again for the entry a PAX or GNU header describes
        } finally {
            depth--;
        }
        if (depth == 0 && entry != null) {
            rawName = firstNonNull(paxValue("path"), gnuName(longName), entry.getName());
            rawLinkName = firstNonNull(paxValue("linkpath"), gnuName(longLink), entry.getLinkName());
        }
        return entry;
    }

    /** The current entry's name as written, a leading {@code /} kept. */
    String rawName() {
        return rawName;
    }

    /** The current entry's link target as written. */
    String rawLinkName() {
        return rawLinkName;
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        int n = super.read(buf, offset, length);
        TarArchiveEntry current = getCurrentEntry();
        if (n > 0 && current != null && depth > 0) {
            ByteArrayOutputStream sink = current.isPaxHeader() || current.isGlobalPaxHeader() ? pax
                    : current.isGNULongNameEntry() ? longName : current.isGNULongLinkEntry() ? longLink : null;
            if (sink != null && sink.size() + n <= MAX_HEADER_DATA) {
                sink.write(buf, offset, n);
            }
        }
        return n;
    }

    /** The last value of {@code key} in the captured PAX records ("%d %s=%s\n", POSIX.1-2001 pax format). */
    private String paxValue(String key) {
        byte[] data = pax.toByteArray();
        String found = null;
        int p = 0;
        while (p < data.length) {
            int space = p;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, p, space - p, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return found;
            }
            if (length <= space - p || p + length > data.length) {
                return found;
            }
            String record = new String(data, space + 1, p + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0 && record.substring(0, equals).equals(key)) {
                found = record.substring(equals + 1);
            }
            p += length;
        }
        return found;
    }

    private static String gnuName(ByteArrayOutputStream data) {
        if (data.size() == 0) {
            return null;
        }
        String name = data.toString(StandardCharsets.UTF_8);
        int nul = name.indexOf('\0');
        return nul < 0 ? name : name.substring(0, nul);
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
