package org.ems.contracts.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is a /32 or /128). */
public record Cidr(byte[] network, int prefix) {

    /** Literal addresses only: parsing must never resolve a host name. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR network: '" + text + "'");
        }
        int prefix =
                parts.length == 1 ? address.length * 8 : parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix out of range in '" + text + "'");
        }
        return new Cidr(address, prefix);
    }

    /** A comma-separated list; empty for a blank text. */
    public static List<Cidr> list(String text) {
        return Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList();
    }

    public static boolean isAddress(String text) {
        return literal(text) != null;
    }

    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        int shift = network.length * 8 - prefix;
        return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    private static byte[] literal(String text) {
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!LITERAL.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
