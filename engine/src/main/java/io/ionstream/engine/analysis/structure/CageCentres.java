package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.analysis.live.LocalAtoms;
import java.util.Arrays;

/**
 * Finds the 4c anions of an argyrodite, the centres of its Li cages, from geometry alone (so it
 * works whatever anion sits on 4c, as in anion-disordered structures): "free" anions (no P
 * within the P–S bond cut-off, i.e. not PS₄ sulfur) that sit in a tetrahedral hole of the P fcc
 * sublattice (at least three P within a·√3/4 + margin), while 4a anions sit in its octahedral
 * holes with six P at a/2. With a ≈ 10.2 Å those distances are 4.4 Å and 5.1 Å; the default
 * {@link #TETRAHEDRAL_P_RADIUS} lies between them.
 */
public final class CageCentres {
    public static final double BOND_RADIUS = 2.6;
    public static final double TETRAHEDRAL_P_RADIUS = 4.75;

    private CageCentres() {}

    /** Global ids of the cage centres among the local atoms of {@code a} (list radius ≥ 4.75 Å). */
    public static long[] find(LocalAtoms a, String phosphorus, String[] anions) {
        if (a.full == null || a.full.radius() < TETRAHEDRAL_P_RADIUS) {
            throw new IllegalArgumentException("cage centres need neighbours within " + TETRAHEDRAL_P_RADIUS + " Å");
        }
        int tp = a.species.require(phosphorus);
        boolean[] anion = LocalAtoms.typeMask(a.species, anions);
        int[] off = a.full.offsets(), nb = a.full.neighbors();
        long[] out = new long[a.nlocal];
        int k = 0;
        double b2 = BOND_RADIUS * BOND_RADIUS, t2 = TETRAHEDRAL_P_RADIUS * TETRAHEDRAL_P_RADIUS;
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
            if (bonded == 0 && tetra >= 3) out[k++] = a.id[i];
        }
        long[] ids = Arrays.copyOf(out, k);
        Arrays.sort(ids);
        return ids;
    }
}
