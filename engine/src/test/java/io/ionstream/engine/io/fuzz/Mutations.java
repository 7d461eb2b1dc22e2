package io.ionstream.engine.io.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Broken variants of a valid input, generated from a fixed seed: systematic ones (the input cut
 * after every line, each count-like integer of the first lines replaced by huge or negative
 * values) and random stacks of 1-3 edits (byte flips, deleted / duplicated / swapped lines,
 * numbers replaced by NaN, infinities, overflowing or huge values, long lines and tokens,
 * binary and invalid UTF-8 bytes, CRLF line ends, lines joined), plus a few lines longer than
 * {@link io.ionstream.engine.io.LineReader#MAX_LINE} and one with 200 000 extra fields.
 */
public final class Mutations {
    /** Values that break readers which trust numbers: huge counts, overflow, non-finite, signs. */
    static final String[] NASTY = {"999999999999", "2147483647", "2147483648", "-2147483649", "199999999", "499999999",
        "99999999", "-1", "0", "NaN", "nan", "inf", "Infinity", "-Infinity", "1e308", "-1e308", "1e400", "4.9e-324",
        "0x1p3", "1/0", "1e", "--1", "", "3.5", "1,5", "T"};

    /** One broken input and how it was made (for failure reports). */
    public record Mutant(String description, byte[] data) {}

    private final SplittableRandom random;

    public Mutations(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Systematic mutants of one seed, then {@code randomCount} random ones. */
    public List<Mutant> of(byte[] seed, int randomCount) {
        List<Mutant> out = new ArrayList<>();
        List<String> lines = lines(seed);
        out.add(new Mutant("empty input", new byte[0]));
        out.add(new Mutant("whitespace only", " \n\t\n\n".getBytes(StandardCharsets.UTF_8)));
        for (int k = 0; k < lines.size(); k++) {
            out.add(new Mutant("truncated after line " + k, join(lines.subList(0, k))));
        }
        // beyond the line-length limit: once near the top, once in the middle
        for (int at : new int[] {Math.min(1, lines.size()), lines.size() / 2}) {
            List<String> copy = new ArrayList<>(lines);
            copy.add(at, "7".repeat(1_200_000));
            out.add(new Mutant("a line of 1200000 chars inserted at line " + at, join(copy)));
        }
        if (!lines.isEmpty()) {
            List<String> copy = new ArrayList<>(lines);
            int at = lines.size() / 2;
            copy.set(at, lines.get(at) + " " + "1 ".repeat(200_000));
            out.add(new Mutant("200000 extra fields on line " + at, join(copy)));
        }
        for (int k = 0; k < Math.min(lines.size(), 16); k++) {
            String[] tokens = lines.get(k).strip().split("\\s+");
            for (int t = 0; t < tokens.length; t++) {
                if (!tokens[t].matches("\\d+")) continue;
                for (String huge : new String[] {"999999999999", "2147483647", "199999999", "-1", "0"}) {
                    List<String> copy = new ArrayList<>(lines);
                    copy.set(k, replaceToken(lines.get(k), t, huge));
                    out.add(new Mutant("line " + k + " token " + t + " -> " + huge, join(copy)));
                }
            }
        }
        for (int m = 0; m < randomCount; m++) {
            byte[] data = seed;
            StringBuilder how = new StringBuilder();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int kind = random.nextInt(13);
                data = edit(kind, data, how);
            }
            out.add(new Mutant(how.toString(), data));
        }
        return out;
    }

    private byte[] edit(int kind, byte[] data, StringBuilder how) {
        List<String> lines = lines(data);
        int n = lines.size();
        int k = n == 0 ? 0 : random.nextInt(n);
        switch (kind) {
            case 0 -> {
                byte[] c = data.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips && c.length > 0; f++) c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                how.append("flipped ").append(flips).append(" bytes; ");
                return c;
            }
            case 1 -> {
                if (n == 0) return data;
                List<String> c = new ArrayList<>(lines);
                c.remove(k);
                how.append("deleted line ").append(k).append("; ");
                return join(c);
            }
            case 2 -> {
                if (n == 0) return data;
                List<String> c = new ArrayList<>(lines);
                int times = 1 + random.nextInt(3);
                for (int t = 0; t < times; t++) c.add(k, lines.get(k));
                how.append("duplicated line ").append(k).append(" x").append(times).append("; ");
                return join(c);
            }
            case 3 -> {
                if (n < 2) return data;
                List<String> c = new ArrayList<>(lines);
                int j = random.nextInt(n);
                c.set(k, lines.get(j));
                c.set(j, lines.get(k));
                how.append("swapped lines ").append(k).append(" and ").append(j).append("; ");
                return join(c);
            }
            case 4, 5 -> {
                if (n == 0) return data;
                String[] tokens = lines.get(k).strip().split("\\s+");
                int t = random.nextInt(tokens.length);
                String v = NASTY[random.nextInt(NASTY.length)];
                List<String> c = new ArrayList<>(lines);
                c.set(k, replaceToken(lines.get(k), t, v));
                how.append("line ").append(k).append(" token ").append(t).append(" -> '").append(v).append("'; ");
                return join(c);
            }
            case 6 -> {
                List<String> c = new ArrayList<>(lines);
                int len = random.nextBoolean() ? 20_000 : 4_000;
                String unit = random.nextBoolean() ? "7" : "1 ";
                c.add(Math.min(k, c.size()), unit.repeat(len / unit.length()));
                how.append("inserted a line of ").append(len).append(" chars at ").append(k).append("; ");
                return join(c);
            }
            case 7 -> {
                if (n == 0) return data;
                List<String> c = new ArrayList<>(lines);
                c.set(k, lines.get(k) + " " + "9".repeat(5_000));
                how.append("appended a 5000-digit token to line ").append(k).append("; ");
                return join(c);
            }
            case 8 -> {
                byte[] junk = new byte[1 + random.nextInt(64)];
                for (int b = 0; b < junk.length; b++) junk[b] = (byte) random.nextInt(256);
                int at = data.length == 0 ? 0 : random.nextInt(data.length);
                how.append("inserted ").append(junk.length).append(" random bytes at ").append(at).append("; ");
                return splice(data, at, junk);
            }
            case 9 -> {
                how.append("CRLF line ends; ");
                return new String(data, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            case 10 -> {
                if (n < 2) return data;
                List<String> c = new ArrayList<>(lines);
                c.set(k, lines.get(k) + " " + lines.get((k + 1) % n));
                c.remove((k + 1) % n);
                how.append("joined line ").append(k).append(" with the next; ");
                return join(c);
            }
            case 11 -> {
                int at = data.length == 0 ? 0 : random.nextInt(data.length);
                how.append("cut at byte ").append(at).append("; ");
                return Arrays.copyOf(data, at);
            }
            default -> {
                how.append("repeated the input 3 times; ");
                return splice(splice(data, data.length, data), 0, data);
            }
        }
    }

    private static String replaceToken(String line, int index, String value) {
        String[] tokens = line.strip().split("\\s+");
        if (index >= tokens.length) return line;
        tokens[index] = value;
        return String.join(" ", tokens);
    }

    static List<String> lines(byte[] data) {
        // ISO-8859-1 keeps every byte as one char, so edits never repair invalid bytes
        String s = new String(data, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] data, int at, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, at);
        out.write(insert, 0, insert.length);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }
}
