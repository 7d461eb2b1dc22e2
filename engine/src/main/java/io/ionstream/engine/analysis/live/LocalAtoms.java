package io.ionstream.engine.analysis.live;

import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * What an {@link Observable} reads on one subdomain: {@code nlocal} owned atoms followed by
 * {@code nall − nlocal} ghost (halo) atoms in flat arrays, a full neighbour list of the local
 * atoms over local + ghost atoms (radius at least the largest {@link Observable#neighborRadius}),
 * this subdomain's share of the potential energy and virial, and the per-atom state that travels
 * with the atoms ({@code state[i * stateStride + column]} for local atom i).
 *
 * <p>Filled by the platform: {@link SerialView} for a whole system in one process, the subdomain
 * actor for a decomposed run (from its owned atoms and the halo it received). Like
 * {@code ForceContext}, observables never keep references to these arrays.
 */
public final class LocalAtoms {
    public int nlocal;
    public int nall;
    /** Interleaved positions (Å) of local then ghost atoms, local ones wrapped into the cell. */
    public double[] x;
    /** Types (indices into {@link #species}) of local and ghost atoms. */
    public int[] type;
    /** Global ids of local and ghost atoms. */
    public long[] id;
    /** Image counters of the local atoms: unwrapped = x + image · (a, b, c). */
    public int[] image;
    /** Interleaved velocities of the local atoms (Å/ps), or null. */
    public double[] v;
    /** Per-atom potential energies of the local atoms (eV), or null when not computed. */
    public double[] eatom;
    /** This subdomain's share of the potential energy (eV). */
    public double potentialEnergy;
    /** This subdomain's share of the virial (eV; xx, yy, zz, xy, xz, yz). */
    public final double[] virial = new double[6];
    public Box box;
    public SpeciesTable species;
    public double[] massByType;
    /** Full list: every neighbour of each local atom among local + ghost atoms. */
    public NeighborList full;
    /** Per-atom observable state of the local atoms, row-major with {@link #stateStride} columns. */
    public double[] state;
    public int stateStride;

    /** Unwrapped position of local atom i into {@code out[o..o+2]}. */
    public void unwrapped(int i, double[] out, int o) {
        int k = 3 * i;
        box.imageShift(image[k], image[k + 1], image[k + 2], out, o);
        out[o] += x[k];
        out[o + 1] += x[k + 1];
        out[o + 2] += x[k + 2];
    }

    /** Squared distance between atoms i and j (both indices into local + ghost arrays). */
    public double distance2(int i, int j) {
        double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** A mask over types: true for the types whose symbol is listed; unknown symbols are an error. */
    public static boolean[] typeMask(SpeciesTable species, String... symbols) {
        boolean[] m = new boolean[species.size()];
        for (String s : symbols) m[species.require(s)] = true;
        return m;
    }
}
