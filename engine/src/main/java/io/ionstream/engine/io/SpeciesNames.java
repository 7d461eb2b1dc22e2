package io.ionstream.engine.io;

import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.util.List;
import java.util.Map;

/**
 * How the species symbols a file names become a {@link SpeciesTable}, the same rule for every
 * reader: species named by the caller define the table and its order (every symbol in the file
 * must be one of them); otherwise the file's own order is used (first appearance, or an order
 * the format records). Masses come from the file when it has them, else from {@link Elements};
 * a symbol that is no element and has no mass is an error.
 */
public final class SpeciesNames {
    private SpeciesNames() {}

    /**
     * @param caller     species named by the caller (may be null)
     * @param fileOrder  the symbols the file uses, in the file's order
     * @param fileMasses masses the file gives per symbol (may be null or partial)
     */
    public static SpeciesTable table(String[] caller, List<String> fileOrder, Map<String, Double> fileMasses,
                                     String source, int line) {
        String[] names = caller != null ? caller.clone() : fileOrder.toArray(String[]::new);
        if (names.length == 0) throw new FormatException(source, line, "no species: the file names no atoms and no species were given");
        double[] masses = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            String raw = names[k] == null ? "" : names[k].strip();
            if (raw.isEmpty()) throw new FormatException(source, line, "species name " + (k + 1) + " is empty");
            names[k] = Elements.isElement(raw) ? Elements.normalise(raw) : raw;
            Double m = fileMasses == null ? null : fileMasses.get(names[k]);
            if (m != null) {
                masses[k] = m;
            } else if (Elements.isElement(names[k])) {
                masses[k] = Elements.mass(names[k]);
            } else {
                throw new FormatException(source, line, "species '" + names[k] + "' is not a chemical element and the file gives no mass for it"
                    + (caller == null ? "; name the species (e.g. --species Li,P,S,Cl)" : ""));
            }
        }
        try {
            return new SpeciesTable(names, masses);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, line, e.getMessage(), e);
        }
    }

    /** The normalised form under which a file's symbol is looked up. */
    public static String normalise(String symbol) {
        String s = symbol.strip();
        return Elements.isElement(s) ? Elements.normalise(s) : s;
    }

    /** Type index of a symbol read from the file; a symbol outside the table is an error at {@code line}. */
    public static int typeOf(SpeciesTable table, String symbol, String source, int line) {
        int t = table.indexOf(normalise(symbol));
        if (t < 0) {
            throw new FormatException(source, line, "species '" + symbol + "' is not one of the species " + table);
        }
        return t;
    }
}
