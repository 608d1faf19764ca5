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
        if (slash < 0) {
            throw new IllegalArgumentException("expected a network range like 172.18.0.0/16, found '" + cidr + "'");
        }
        String literal = cidr.substring(0, slash);
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("expected a network range like 172.18.0.0/16, found '" + cidr + "'");
        }
        byte[] address;
        try {
            // A literal address (checked above), so no name is ever looked up.
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("expected a network range like 172.18.0.0/16, found '" + cidr + "'", e);
        }
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

    public boolean overlaps(Subnet other) {
        return bits == other.bits && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return cidr;
    }
}
