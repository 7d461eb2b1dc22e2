package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.analysis.live.LocalAtoms;
import java.util.Arrays;

/**
 * Finds the 4c anions of an argyrodite, the centres of its Li cages, from geometry alone (so it
 * works whatever anion sits on 4c, as in anion-disordered structures): "free" anions (no P
 * within the P–S bond cut-off, i.e. not PS₄ sulfur) that sit in a tetrahedral hole of the P fcc
 * sublattice, while 4a anions sit in its octahedral holes. With a ≈ 10.2 Å a 4c site has four
 * P at a·√3/4 = 4.4 Å and the next at 0.83 a = 8.4 Å; a 4a site has six P at a/2 = 5.1 Å. At
 * 500 K the first shells overlap (4.3-5.0 Å for both in Morgan's AIMD), but the count of P within
 * {@link #P_SHELL_RADIUS} (between 5.1 and 8.4 Å) does not: four for 4c, six for 4a.
 */
public final class CageCentres {
    public static final double BOND_RADIUS = 2.6;
    public static final double P_SHELL_RADIUS = 6.6;

    private CageCentres() {}

    /** Global ids of the cage centres among the local atoms of {@code a} (list radius ≥ {@link #P_SHELL_RADIUS}). */
    public static long[] find(LocalAtoms a, String phosphorus, String[] anions) {
        if (a.full == null || a.full.radius() < P_SHELL_RADIUS) {
            throw new IllegalArgumentException("cage centres need neighbours within " + P_SHELL_RADIUS + " Å");
        }
        int tp = a.species.require(phosphorus);
        boolean[] anion = LocalAtoms.typeMask(a.species, anions);
        int[] off = a.full.offsets(), nb = a.full.neighbors();
        long[] out = new long[a.nlocal];
        int k = 0;
        double b2 = BOND_RADIUS * BOND_RADIUS, t2 = P_SHELL_RADIUS * P_SHELL_RADIUS;
        for (int i = 0; i < a.nlocal; i++) {
            if (!anion[a.type[i]]) continue;
            int bonded = 0, tetra = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                int j = nb[q];
                if (a.type[j] != tp) continue;
                double d2 = a.distance2(i, j);
                if (d2 < b2) bonded++;
                else if (d2 < t2) tetra++;
            }
            if (bonded == 0 && tetra == 4) out[k++] = a.id[i];
        }
        long[] ids = Arrays.copyOf(out, k);
        Arrays.sort(ids);
        return ids;
    }
}
