package io.ionstream.engine.potential.mtp;

import io.ionstream.engine.io.FormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text of an MLIP {@code .mtp} file (also the leading part of {@code .almtp} and
 * {@code .als} files) into an {@link MtpModel}. Lines are {@code key = value}; lists are in
 * braces and may span lines; the radial coefficients follow a bare {@code radial_coeffs} line as
 * blocks "a-b", each with radial_funcs_count lists of radial_basis_size numbers. Every problem is
 * a {@link FormatException} naming the line.
 */
final class MtpTextParser {
    private final String[] lines;
    private final String source;
    private final Map<String, Integer> seen = new HashMap<>();
    private int pos;

    MtpTextParser(String text, String source) {
        this.lines = text.split("\r?\n", -1);
        this.source = source;
    }

    private FormatException error(int line, String problem) {
        return new FormatException(source, line, problem);
    }

    MtpModel parse() {
        MtpModel.Builder b = MtpModel.builder();
        String first = nextNonBlank();
        if (first == null) throw error(0, "empty file: not an MTP potential");
        if (!first.strip().equals("MTP")) {
            throw error(pos, "not an MTP potential: the first line must be 'MTP', found '" + abbreviate(first.strip()) + "'");
        }
        int species = -1, funcs = -1, size = -1;
        boolean basisSeen = false;
        int basicCount = -1, timesCount = -1, scalarCount = -1, momentsCount = -1;
        int[] basic = null, times = null, mapping = null;
        double[] speciesCoeffs = null, momentCoeffs = null;
        int basicLine = 0, timesLine = 0, mappingLine = 0, momentLine = 0, speciesLine = 0;
        String s;
        while ((s = nextNonBlank()) != null) {
            int line = pos;
            String t = s.strip();
            if (t.equals("radial_coeffs")) {
                note("radial_coeffs", line);
                if (species < 1 || funcs < 1 || size < 1) {
                    throw error(line, "radial_coeffs must come after species_count, radial_basis_size and radial_funcs_count");
                }
                b.radialCoeffs(readRadialBlocks(species, funcs, size));
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) throw error(line, "expected 'key = value', found '" + abbreviate(t) + "'");
            String key = t.substring(0, eq).strip();
            String value = t.substring(eq + 1).strip();
            if (key.equals("scaling")) key = basisSeen ? "basis scaling" : "scaling";
            note(key, line);
            if (value.startsWith("{")) value = collectList(value, line);
            switch (key) {
                case "version" -> {
                    if (!value.equals("1.1.0")) throw error(line, "unsupported MTP file version '" + value + "' (MLIP writes 1.1.0)");
                    b.version(value);
                }
                case "potential_name" -> b.potentialName(value);
                case "potential_tag" -> b.potentialTag(value);
                case "scaling" -> b.scaling(real(value, line, key));
                case "basis scaling" -> b.basisScaling(real(value, line, "scaling"));
                case "species_count" -> {
                    species = integer(value, line, key);
                    if (species < 1) throw error(line, "species_count must be at least 1, got " + species);
                    b.speciesCount(species);
                }
                case "radial_basis_type" -> {
                    RadialBasisType type = RadialBasisType.fromMlipName(value);
                    if (type == null) {
                        throw error(line, "unknown radial basis type '" + value + "' (supported: "
                            + RadialBasisType.supportedNames() + ")");
                    }
                    b.basisType(type);
                    basisSeen = true;
                }
                case "magnetic_basis_type" -> throw error(line, "magnetic MTPs are not supported");
                case "min_dist" -> b.minDist(real(value, line, key));
                case "max_dist" -> b.maxDist(real(value, line, key));
                case "radial_basis_size" -> {
                    size = integer(value, line, key);
                    if (size < 1) throw error(line, "radial_basis_size must be at least 1, got " + size);
                    b.basisSize(size);
                }
                case "radial_funcs_count" -> {
                    funcs = integer(value, line, key);
                    if (funcs < 1) throw error(line, "radial_funcs_count must be at least 1, got " + funcs);
                    b.radialFuncs(funcs);
                }
                case "alpha_moments_count" -> {
                    momentsCount = integer(value, line, key);
                    if (momentsCount < 1) throw error(line, "alpha_moments_count must be at least 1, got " + momentsCount);
                    b.momentsCount(momentsCount);
                }
                case "alpha_index_basic_count" -> basicCount = nonNegative(value, line, key);
                case "alpha_index_times_count" -> timesCount = nonNegative(value, line, key);
                case "alpha_scalar_moments" -> scalarCount = nonNegative(value, line, key);
                case "alpha_index_basic" -> { basic = quads(value, line, key); basicLine = line; }
                case "alpha_index_times" -> { times = quads(value, line, key); timesLine = line; }
                case "alpha_moment_mapping" -> { mapping = ints(parseList(value, line), line, key); mappingLine = line; }
                case "species_coeffs" -> { speciesCoeffs = reals(parseList(value, line), line, key); speciesLine = line; }
                case "moment_coeffs" -> { momentCoeffs = reals(parseList(value, line), line, key); momentLine = line; }
                default -> throw error(line, "unknown key '" + abbreviate(key) + "'");
            }
        }
        int end = pos;
        for (String k : new String[] {"version", "species_count", "radial_basis_type", "min_dist", "max_dist",
            "radial_basis_size", "radial_funcs_count", "alpha_moments_count", "alpha_index_basic_count", "alpha_index_basic",
            "alpha_index_times_count", "alpha_index_times", "alpha_scalar_moments", "alpha_moment_mapping"}) {
            if (!seen.containsKey(k)) throw error(end, "file ends without '" + k + "' (truncated or not an MTP potential?)");
        }
        boolean anyCoeffs = seen.containsKey("radial_coeffs") || speciesCoeffs != null || momentCoeffs != null;
        if (anyCoeffs) {
            // a trained potential has all three; some but not all means the file was cut short
            for (String k : new String[] {"radial_coeffs", "species_coeffs", "moment_coeffs"}) {
                if (!seen.containsKey(k)) {
                    throw error(end, "file has trained coefficients but ends without '" + k + "' (truncated?)");
                }
            }
        }
        checkCount(basic.length / 4, basicCount, basicLine, "alpha_index_basic", "alpha_index_basic_count");
        checkCount(times.length / 4, timesCount, timesLine, "alpha_index_times", "alpha_index_times_count");
        checkCount(mapping.length, scalarCount, mappingLine, "alpha_moment_mapping", "alpha_scalar_moments");
        if (momentCoeffs != null) checkCount(momentCoeffs.length, scalarCount, momentLine, "moment_coeffs", "alpha_scalar_moments");
        if (speciesCoeffs != null) checkCount(speciesCoeffs.length, species, speciesLine, "species_coeffs", "species_count");
        if (basicCount > momentsCount) {
            throw error(seen.get("alpha_index_basic_count"), "alpha_index_basic_count " + basicCount
                + " exceeds alpha_moments_count " + momentsCount);
        }
        for (int i = 0; i < basicCount; i++) {
            if (basic[4 * i] >= funcs) {
                throw error(basicLine, "alpha_index_basic entry " + i + " uses radial function " + basic[4 * i]
                    + " but radial_funcs_count is " + funcs);
            }
            for (int d = 0; d < 4; d++) {
                if (basic[4 * i + d] < 0) throw error(basicLine, "alpha_index_basic entry " + i + " has a negative index");
            }
        }
        for (int i = 0; i < timesCount; i++) {
            for (int d : new int[] {0, 1, 3}) {
                int k = times[4 * i + d];
                if (k < 0 || k >= momentsCount) {
                    throw error(timesLine, "alpha_index_times entry " + i + " refers to moment " + k + " outside 0.."
                        + (momentsCount - 1));
                }
            }
        }
        for (int l = 0; l < mapping.length; l++) {
            if (mapping[l] < 0 || mapping[l] >= momentsCount) {
                throw error(mappingLine, "alpha_moment_mapping entry " + l + " refers to moment " + mapping[l]
                    + " outside 0.." + (momentsCount - 1));
            }
        }
        b.alphaIndexBasic(basic).alphaIndexTimes(times).alphaMomentMapping(mapping)
            .speciesCoeffs(speciesCoeffs).momentCoeffs(momentCoeffs);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error(0, e.getMessage());
        }
    }

    private void note(String key, int line) {
        Integer prev = seen.put(key, line);
        if (prev != null) throw error(line, "'" + key + "' given twice (also on line " + prev + ")");
    }

    private void checkCount(int found, int declared, int line, String list, String countKey) {
        if (found != declared) {
            throw error(line, list + " has " + found + " entries but " + countKey + " says " + declared);
        }
    }

    private String nextNonBlank() {
        while (pos < lines.length) {
            String s = lines[pos++];
            if (!s.isBlank()) return s;
        }
        return null;
    }

    /** Joins following lines until the braces opened in {@code first} close. */
    private String collectList(String first, int line) {
        StringBuilder sb = new StringBuilder(first);
        int depth = depth(first);
        while (depth > 0) {
            if (pos >= lines.length) throw error(line, "list is not closed: '}' missing (file truncated?)");
            String more = lines[pos++];
            sb.append(' ').append(more.strip());
            depth += depth(more);
        }
        if (depth < 0) throw error(line, "unbalanced '}' in list");
        return sb.toString();
    }

    private static int depth(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') d++;
            else if (c == '}') d--;
        }
        return d;
    }

    private double[] readRadialBlocks(int species, int funcs, int size) {
        double count = (double) species * species * funcs * size;
        long left = 0;
        for (int i = pos; i < lines.length; i++) left += lines[i].length() + 1;
        // each number needs a digit and a separator: a count the rest of the file cannot hold is corrupt
        if (2 * count > left) {
            throw error(pos, "radial_coeffs should hold species_count² × radial_funcs_count × radial_basis_size = "
                + species + "² × " + funcs + " × " + size + " = " + (long) count + " numbers, more than the rest of the file can hold");
        }
        double[] c = new double[species * species * funcs * size];
        for (int blk = 0; blk < species * species; blk++) {
            String h = nextNonBlank();
            int line = pos;
            if (h == null) throw error(line, "file ends inside radial_coeffs: " + blk + " of " + species * species + " blocks read");
            String label = h.strip();
            String expected = (blk / species) + "-" + (blk % species);
            if (!label.equals(expected)) {
                throw error(line, "radial coefficient block " + blk + " is labelled '" + abbreviate(label) + "', expected '"
                    + expected + "' (blocks are central-neighbour pairs in a-major order, species_count " + species + ")");
            }
            for (int mu = 0; mu < funcs; mu++) {
                String v = nextNonBlank();
                int vl = pos;
                if (v == null) throw error(vl, "file ends inside radial block " + expected);
                String t = v.strip();
                if (!t.startsWith("{")) {
                    throw error(vl, "radial block " + expected + " has " + mu + " lists, radial_funcs_count is " + funcs);
                }
                double[] row = reals(parseList(collectList(t, vl), vl), vl, "radial block " + expected);
                if (row.length != size) {
                    throw error(vl, "radial block " + expected + ", function " + mu + " has " + row.length
                        + " coefficients, radial_basis_size is " + size);
                }
                System.arraycopy(row, 0, c, (blk * funcs + mu) * size, size);
            }
        }
        return c;
    }

    // ---- values ----

    private double real(String v, int line, String what) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw error(line, what + " is not finite: '" + v + "'");
            return d;
        } catch (NumberFormatException e) {
            throw error(line, what + " is not a number: '" + abbreviate(v) + "'");
        }
    }

    private int integer(String v, int line, String what) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(line, what + " is not an integer: '" + abbreviate(v) + "'");
        }
    }

    private int nonNegative(String v, int line, String what) {
        int n = integer(v, line, what);
        if (n < 0) throw error(line, what + " must not be negative, got " + n);
        return n;
    }

    /** A brace list as nested lists of string tokens. */
    private List<Object> parseList(String s, int line) {
        int[] at = {0};
        skipSpace(s, at);
        if (at[0] >= s.length() || s.charAt(at[0]) != '{') throw error(line, "expected a list in braces");
        List<Object> l = parseListAt(s, at, line);
        skipSpace(s, at);
        if (at[0] != s.length()) throw error(line, "unexpected text after the list: '" + abbreviate(s.substring(at[0])) + "'");
        return l;
    }

    private List<Object> parseListAt(String s, int[] at, int line) {
        at[0]++; // '{'
        List<Object> out = new ArrayList<>();
        skipSpace(s, at);
        if (at[0] < s.length() && s.charAt(at[0]) == '}') {
            at[0]++;
            return out;
        }
        while (true) {
            skipSpace(s, at);
            if (at[0] >= s.length()) throw error(line, "list is not closed");
            char c = s.charAt(at[0]);
            if (c == '{') {
                out.add(parseListAt(s, at, line));
            } else {
                int start = at[0];
                while (at[0] < s.length() && ",{} \t".indexOf(s.charAt(at[0])) < 0) at[0]++;
                if (start == at[0]) throw error(line, "empty list element");
                out.add(s.substring(start, at[0]));
            }
            skipSpace(s, at);
            if (at[0] >= s.length()) throw error(line, "list is not closed");
            char d = s.charAt(at[0]++);
            if (d == '}') return out;
            if (d != ',') throw error(line, "expected ',' or '}' in list, found '" + d + "'");
        }
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) at[0]++;
    }

    private int[] quads(String value, int line, String what) {
        List<Object> l = parseList(value, line);
        int[] out = new int[4 * l.size()];
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof List<?> q) || q.size() != 4) {
                throw error(line, what + " entry " + i + " is not a group of 4 integers");
            }
            for (int d = 0; d < 4; d++) {
                if (!(q.get(d) instanceof String tok)) throw error(line, what + " entry " + i + " is nested too deeply");
                out[4 * i + d] = integer(tok, line, what + " entry " + i);
            }
        }
        return out;
    }

    private int[] ints(List<Object> l, int line, String what) {
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof String tok)) throw error(line, what + " entry " + i + " is not a number");
            out[i] = integer(tok, line, what + " entry " + i);
        }
        return out;
    }

    private double[] reals(List<Object> l, int line, String what) {
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof String tok)) throw error(line, what + " entry " + i + " is not a number");
            out[i] = real(tok, line, what + " entry " + i);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
