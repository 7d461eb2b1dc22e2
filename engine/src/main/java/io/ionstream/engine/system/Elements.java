package io.ionstream.engine.system;

import java.util.Locale;

/**
 * Chemical elements by symbol with their conventional standard atomic weights (IUPAC, amu),
 * used when a file names species but gives no masses (POSCAR, extxyz, MLIP cfg).
 */
public final class Elements {
    private Elements() {}

    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U"
    };

    private static final double[] MASSES = {
        1.008, 4.002602, 6.94, 9.0121831, 10.81, 12.011, 14.007, 15.999, 18.998403163, 20.1797,
        22.98976928, 24.305, 26.9815385, 28.085, 30.973761998, 32.06, 35.45, 39.948, 39.0983, 40.078,
        44.955908, 47.867, 50.9415, 51.9961, 54.938044, 55.845, 58.933194, 58.6934, 63.546, 65.38,
        69.723, 72.630, 74.921595, 78.971, 79.904, 83.798, 85.4678, 87.62, 88.90584, 91.224,
        92.90637, 95.95, 98.0, 101.07, 102.90550, 106.42, 107.8682, 112.414, 114.818, 118.710,
        121.760, 127.60, 126.90447, 131.293, 132.90545196, 137.327, 138.90547, 140.116, 140.90766, 144.242,
        145.0, 150.36, 151.964, 157.25, 158.92535, 162.500, 164.93033, 167.259, 168.93422, 173.045,
        174.9668, 178.49, 180.94788, 183.84, 186.207, 190.23, 192.217, 195.084, 196.966569, 200.592,
        204.38, 207.2, 208.98040, 209.0, 210.0, 222.0, 223.0, 226.0, 227.0, 232.0377,
        231.03588, 238.02891
    };

    /** Atomic number of a symbol (case-insensitive), or -1 when it is not an element. */
    public static int atomicNumber(String symbol) {
        String s = normalise(symbol);
        for (int i = 0; i < SYMBOLS.length; i++) {
            if (SYMBOLS[i].equals(s)) return i + 1;
        }
        return -1;
    }

    public static boolean isElement(String symbol) {
        return atomicNumber(symbol) > 0;
    }

    /** Standard atomic weight (amu); throws naming the symbol when it is not an element. */
    public static double mass(String symbol) {
        int z = atomicNumber(symbol);
        if (z < 0) throw new IllegalArgumentException("unknown chemical element '" + symbol + "'");
        return MASSES[z - 1];
    }

    public static String symbol(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber > SYMBOLS.length) {
            throw new IllegalArgumentException("no element with atomic number " + atomicNumber);
        }
        return SYMBOLS[atomicNumber - 1];
    }

    /** "li", "LI", " Li " all become "Li". */
    public static String normalise(String symbol) {
        String s = symbol.strip();
        if (s.isEmpty()) return s;
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
