package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.analysis.live.LocalAtoms;

/**
 * Adaptive common-neighbour analysis (Stukowski, Modelling Simul. Mater. Sci. Eng. 20, 045021,
 * 2012) restricted to a sublattice: the 12 nearest atoms of the selected types around an atom
 * define a local cut-off r_c = (1 + √2)/2 × their mean distance (midway between the first and
 * second fcc shells, so it adapts to the local density and to mixed species such as S, P and Cl
 * on one anion lattice); two of those 12 are bonded when closer than r_c. For each of the 12, the
 * common neighbours (among the 12) bonded to it, the bonds among those, and the longest chain of
 * those bonds form a signature: fcc has twelve (4,2,1), hcp six (4,2,1) and six (4,2,2); anything
 * else (fewer than 12 atoms within the search radius included) is OTHER.
 *
 * <p>No thresholds to tune: thermal vibration up to the Lindemann regime keeps the signatures,
 * while a liquid or glass has a few accidental fcc-like atoms at most.
 */
public final class AdaptiveCna {
    private static final double CUTOFF_FACTOR = (1 + Math.sqrt(2)) / 2;
    private final NearestNeighbors nn = new NearestNeighbors();
    private final int[] bondMask = new int[12];
    private final double[] rel = new double[36];
    private final int[] bondA = new int[66], bondB = new int[66], parent = new int[12];

    /** Structure of local atom i considering only neighbours whose type is in {@code mask}. */
    public LocalStructure classify(LocalAtoms a, int i, boolean[] mask) {
        if (nn.find(a, i, mask, 12) < 12) return LocalStructure.OTHER;
        double mean = 0;
        for (int k = 0; k < 12; k++) {
            mean += Math.sqrt(nn.distance2(k));
            int j = nn.index(k);
            rel[3 * k] = a.x[3 * j] - a.x[3 * i];
            rel[3 * k + 1] = a.x[3 * j + 1] - a.x[3 * i + 1];
            rel[3 * k + 2] = a.x[3 * j + 2] - a.x[3 * i + 2];
        }
        double rc = CUTOFF_FACTOR * mean / 12;
        double rc2 = rc * rc;
        java.util.Arrays.fill(bondMask, 0);
        for (int k = 0; k < 12; k++) {
            for (int l = k + 1; l < 12; l++) {
                double dx = rel[3 * l] - rel[3 * k], dy = rel[3 * l + 1] - rel[3 * k + 1], dz = rel[3 * l + 2] - rel[3 * k + 2];
                if (dx * dx + dy * dy + dz * dz < rc2) {
                    bondMask[k] |= 1 << l;
                    bondMask[l] |= 1 << k;
                }
            }
        }
        int n421 = 0, n422 = 0;
        for (int k = 0; k < 12; k++) {
            int common = bondMask[k];
            if (Integer.bitCount(common) != 4) return LocalStructure.OTHER;
            int bonds = 0;
            for (int l = 0; l < 12; l++) {
                if ((common & (1 << l)) == 0) continue;
                int partners = bondMask[l] & common & ~((1 << (l + 1)) - 1);
                while (partners != 0) {
                    int m = Integer.numberOfTrailingZeros(partners);
                    partners &= partners - 1;
                    bondA[bonds] = l;
                    bondB[bonds] = m;
                    bonds++;
                }
            }
            if (bonds != 2) return LocalStructure.OTHER;
            int chain = longestChain(bonds);
            if (chain == 1) n421++;
            else if (chain == 2) n422++;
            else return LocalStructure.OTHER;
        }
        if (n421 == 12) return LocalStructure.FCC;
        if (n421 == 6 && n422 == 6) return LocalStructure.HCP;
        return LocalStructure.OTHER;
    }

    /** Bonds in the largest cluster of bonds that share atoms. */
    private int longestChain(int bonds) {
        for (int k = 0; k < 12; k++) parent[k] = k;
        for (int b = 0; b < bonds; b++) union(bondA[b], bondB[b]);
        int best = 0;
        for (int b = 0; b < bonds; b++) {
            int root = find(bondA[b]), size = 0;
            for (int c = 0; c < bonds; c++) if (find(bondA[c]) == root) size++;
            best = Math.max(best, size);
        }
        return best;
    }

    private int find(int k) {
        while (parent[k] != k) k = parent[k] = parent[parent[k]];
        return k;
    }

    private void union(int a, int b) {
        parent[find(a)] = find(b);
    }
}
