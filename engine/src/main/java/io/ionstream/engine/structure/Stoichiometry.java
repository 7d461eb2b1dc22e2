package io.ionstream.engine.structure;

import java.util.Map;

/**
 * Stoichiometry and formal-charge bookkeeping: how many formula units a composition holds
 * (exactly, or an error naming the species that does not fit) and its total formal charge.
 */
public final class Stoichiometry {
    private Stoichiometry() {}

    /**
     * The number of formula units in {@code counts}; throws naming {@code what} and the species when
     * the counts are not an exact multiple of {@code formulaUnit} (species absent from the formula
     * unit must have count 0).
     */
    public static int formulaUnits(String what, Map<String, Integer> counts, Map<String, Integer> formulaUnit) {
        int z = -1;
        for (var e : formulaUnit.entrySet()) {
            int c = counts.getOrDefault(e.getKey(), 0);
            if (e.getValue() <= 0) throw new IllegalArgumentException(what + ": formula unit count of " + e.getKey() + " must be positive");
            if (c % e.getValue() != 0) {
                throw new IllegalArgumentException(what + ": " + c + " " + e.getKey() + " is not a whole number of formula units "
                    + formula(formulaUnit) + " (composition " + formula(counts) + ")");
            }
            int zi = c / e.getValue();
            if (z >= 0 && zi != z) {
                throw new IllegalArgumentException(what + ": composition " + formula(counts) + " is not stoichiometric "
                    + formula(formulaUnit) + " (" + e.getKey() + " gives " + zi + " formula units, others " + z + ")");
            }
            z = zi;
        }
        for (var e : counts.entrySet()) {
            if (e.getValue() != 0 && !formulaUnit.containsKey(e.getKey())) {
                throw new IllegalArgumentException(what + ": species " + e.getKey() + " is not part of the formula unit " + formula(formulaUnit));
            }
        }
        return Math.max(z, 0);
    }

    /** Total formal charge of a composition; throws naming a species without a charge. */
    public static int formalCharge(String what, Map<String, Integer> counts, Map<String, Integer> charges) {
        int q = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() == 0) continue;
            Integer z = charges.get(e.getKey());
            if (z == null) throw new IllegalArgumentException(what + ": no formal charge given for " + e.getKey());
            q += z * e.getValue();
        }
        return q;
    }

    /** Throws when a builder's result is not formally neutral (it would be a builder bug). */
    public static void requireNeutral(String what, int charge) {
        if (charge != 0) throw new IllegalStateException(what + ": total formal charge is " + charge + ", not 0");
    }

    /** "Li6 P1 S5 Cl1"-style text of a composition (zero counts left out). */
    public static String formula(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((s, c) -> {
            if (c == 0) return;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(s).append(c);
        });
        return sb.toString();
    }
}
