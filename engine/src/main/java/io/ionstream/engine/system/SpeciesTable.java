package io.ionstream.engine.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The species of a system: type index (0-based) to element symbol and mass. Atom types in every
 * engine array are indices into this table.
 */
public final class SpeciesTable {
    private final String[] symbols;
    private final double[] masses;

    public SpeciesTable(String[] symbols, double[] masses) {
        if (symbols.length != masses.length) {
            throw new IllegalArgumentException("species table: " + symbols.length + " symbols but "
                + masses.length + " masses");
        }
        if (symbols.length == 0) throw new IllegalArgumentException("species table: no species");
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] == null || symbols[i].isBlank()) {
                throw new IllegalArgumentException("species table: species " + i + " has no symbol");
            }
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("species table: species " + i + " (" + symbols[i]
                    + ") has mass " + masses[i] + "; masses must be positive and finite");
            }
            for (int j = 0; j < i; j++) {
                if (symbols[j].equals(symbols[i])) {
                    throw new IllegalArgumentException("species table: symbol '" + symbols[i]
                        + "' appears twice (types " + j + " and " + i + ")");
                }
            }
        }
        this.symbols = symbols.clone();
        this.masses = masses.clone();
    }

    /** Species from element symbols with their standard atomic weights, e.g. {@code of("Li","P","S","Cl")}. */
    public static SpeciesTable of(String... elementSymbols) {
        String[] s = new String[elementSymbols.length];
        double[] m = new double[elementSymbols.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Elements.normalise(elementSymbols[i]);
            m[i] = Elements.mass(s[i]);
        }
        return new SpeciesTable(s, m);
    }

    /** Parses a comma-separated list such as {@code Li,P,S,Cl}. */
    public static SpeciesTable parse(String commaSeparated) {
        List<String> parts = new ArrayList<>();
        for (String p : commaSeparated.split(",")) {
            if (!p.isBlank()) parts.add(p.strip());
        }
        if (parts.isEmpty()) throw new IllegalArgumentException("species list '" + commaSeparated + "' is empty");
        return of(parts.toArray(String[]::new));
    }

    public int size() { return symbols.length; }

    public String symbol(int type) { return symbols[type]; }

    public double mass(int type) { return masses[type]; }

    /** Masses indexed by type (a copy). */
    public double[] masses() { return masses.clone(); }

    public String[] symbols() { return symbols.clone(); }

    /** Type index of a symbol, or -1. */
    public int indexOf(String symbol) {
        String s = Elements.normalise(symbol);
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(s) || symbols[i].equals(symbol)) return i;
        }
        return -1;
    }

    /** Type index of a symbol; throws naming the symbol and the known species when absent. */
    public int require(String symbol) {
        int t = indexOf(symbol);
        if (t < 0) {
            throw new IllegalArgumentException("unknown species '" + symbol + "'; this system has "
                + String.join(",", symbols));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeciesTable t && Arrays.equals(symbols, t.symbols) && Arrays.equals(masses, t.masses);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(symbols) * 31 + Arrays.hashCode(masses); }

    @Override
    public String toString() { return String.join(",", symbols); }
}
