package io.ionstream.engine.io.mlip;

import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-visible mapping from MLIP's 0-based type indices (cfg types, the order of an MTP's
 * radial blocks) to species. Either <em>named</em> ({@code --species Li,P,S,Cl}: index 0 is Li
 * ...) or <em>unnamed</em>, when every index becomes the placeholder species {@code type0},
 * {@code type1} ... with mass 1 amu: good enough to evaluate energies and forces, not for
 * dynamics. MLIP files themselves never say which element an index is.
 */
public final class MlipSpecies {
    private static final double PLACEHOLDER_MASS = 1.0;

    private final String[] symbols;
    private final boolean named;

    private MlipSpecies(String[] symbols, boolean named) {
        this.symbols = symbols;
        this.named = named;
    }

    /** Named species; index i is {@code symbols[i]}, each a chemical element. */
    public static MlipSpecies named(String... symbols) {
        if (symbols.length == 0) throw new IllegalArgumentException("species mapping names no species");
        String[] s = new String[symbols.length];
        for (int i = 0; i < s.length; i++) {
            if (!Elements.isElement(symbols[i])) {
                throw new IllegalArgumentException("species mapping: '" + symbols[i] + "' (index " + i
                    + ") is not a chemical element");
            }
            s[i] = Elements.normalise(symbols[i]);
            for (int j = 0; j < i; j++) {
                if (s[j].equals(s[i])) {
                    throw new IllegalArgumentException("species mapping: " + s[i] + " appears twice (indices " + j
                        + " and " + i + ")");
                }
            }
        }
        return new MlipSpecies(s, true);
    }

    /** Parses {@code Li,P,S,Cl}. */
    public static MlipSpecies parse(String commaSeparated) {
        List<String> parts = new ArrayList<>();
        for (String p : commaSeparated.split(",")) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("species list '" + commaSeparated + "' has an empty entry");
            }
            parts.add(p.strip());
        }
        return named(parts.toArray(String[]::new));
    }

    /** {@code count} species named by index: type0, type1 ... */
    public static MlipSpecies unnamed(int count) {
        if (count < 1) throw new IllegalArgumentException("species count must be at least 1, got " + count);
        String[] s = new String[count];
        for (int i = 0; i < count; i++) s[i] = "type" + i;
        return new MlipSpecies(s, false);
    }

    public int size() { return symbols.length; }

    public boolean isNamed() { return named; }

    /** Symbol of MLIP index {@code i}. */
    public String symbol(int i) { return symbols[i]; }

    /** MLIP index of a species symbol, or -1. */
    public int indexOf(String symbol) {
        String n = named ? Elements.normalise(symbol) : symbol;
        for (int i = 0; i < symbols.length; i++) if (symbols[i].equals(n)) return i;
        return -1;
    }

    /** The engine's species table in MLIP index order (type t of the system is MLIP index t). */
    public SpeciesTable toSpeciesTable() {
        if (named) return SpeciesTable.of(symbols);
        double[] m = new double[symbols.length];
        java.util.Arrays.fill(m, PLACEHOLDER_MASS);
        return new SpeciesTable(symbols, m);
    }

    /** "0=Li, 1=P, 2=S, 3=Cl" (or "0=type0, ..."), for messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(i).append('=').append(symbols[i]);
        }
        return sb.toString();
    }

    @Override
    public String toString() { return describe(); }
}
