package dev.restoredrill.stack;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An engine network's address range as {@code docker network inspect} prints it ({@code 172.18.0.0/16} or an IPv6
 * range). Two ranges overlap when one contains the other's first address: CIDR blocks nest or are apart.
 */
public record Subnet(String cidr, BigInteger first, BigInteger last, int bits) {

    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        String literal = slash < 0 ? "" : cidr.substring(0, slash);
        byte[] address = literal.contains(":") ? ipv6(cidr, literal) : ipv4(cidr, literal);
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("network range '" + cidr + "' has a prefix outside 0.." + bits);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = new BigInteger(1, address).andNot(hostMask);
        return new Subnet(cidr, first, first.or(hostMask), bits);
    }

    private static byte[] ipv4(String cidr, String literal) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            throw notARange(cidr, null);
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw notARange(cidr, null);
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address;
    }

    /** InetAddress takes a string with a colon for an IPv6 literal or refuses it: it never looks such a name up. */
    private static byte[] ipv6(String cidr, String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw notARange(cidr, null);
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw notARange(cidr, e);
        }
    }

    private static IllegalArgumentException notARange(String cidr, Exception cause) {
        return new IllegalArgumentException("expected a network range like 172.18.0.0/16, found '" + cidr + "'", cause);
    }

    public boolean overlaps(Subnet other) {
        return bits == other.bits && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return cidr;
    }
}
