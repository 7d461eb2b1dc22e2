package io.ionstream.server.http.api;

import io.ionstream.server.http.ProblemException;
import java.util.Optional;

/** Query parameters and headers read strictly: a value that is not what it should be is a 400 naming the parameter. */
final class QueryParams {
    private QueryParams() {}

    /** A sequence number: an integer ≥ 0 ({@code dflt} when absent). */
    static long sequence(Optional<String> value, String name, long dflt) {
        if (value.isEmpty()) return dflt;
        String v = value.get().strip();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a sequence number (an integer >= 0), got '" + value.get() + "'");
        }
        if (n < 0) throw ProblemException.badRequest("parameter '" + name + "' must be >= 0, got " + n);
        return n;
    }

    /** A count in 1..max ({@code dflt} when absent). */
    static int count(Optional<String> value, String name, int dflt, int max) {
        if (value.isEmpty()) return dflt;
        int n;
        try {
            n = Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("parameter '" + name + "' must be an integer in 1.." + max + ", got '" + value.get() + "'");
        }
        if (n < 1 || n > max) {
            throw ProblemException.badRequest("parameter '" + name + "' must be in 1.." + max + " (ionstream.http.max-page), got " + n);
        }
        return n;
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    static String choice(Optional<String> value, String name, String dflt, String... allowed) {
        if (value.isEmpty()) return dflt;
        String v = value.get().strip().toLowerCase(java.util.Locale.ROOT);
        for (String a : allowed) if (a.equals(v)) return v;
        throw ProblemException.badRequest("parameter '" + name + "' must be one of " + String.join(", ", allowed) + ", got '" + value.get() + "'");
    }
}
