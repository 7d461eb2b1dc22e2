package io.ionstream.engine.learn.active;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a small periodic cubic cell out of a large structure, the extraction step of local active
 * learning (seed 000, Supplementary Note 1): the atoms (any periodic image) inside a cube of side
 * L become a new cubic cell of side L; then, while the cell is not a whole number of formula
 * units, the atom of a species in excess whose nearest neighbour <em>across the new periodic
 * boundaries</em> is closest is removed (those are the unphysical contacts the cut created).
 * When the counts are right but two atoms still meet across a boundary closer than
 * {@code minContact} (a crystal site on the cut plane can enter twice while another is missing),
 * one formula unit more is given up and the removal continues. Atoms inside the protected inner
 * cube (half-width {@code protect} around the centre) are removed only when no other atom of
 * that species is left.
 *
 * <p>The result keeps, per atom, the index of the source atom, and marks the protected atoms
 * (for {@link ProtectedRelaxation}).
 */
public final class LocalCell {
    /**
     * The extracted cell: its atoms (the centre atom, when there is one, is at the middle of the
     * cell), each atom's index in the source system, the protected flags, the number of formula
     * units kept and the atoms removed to reach them.
     */
    public record Result(AtomSystem cell, int[] source, boolean[] protectedAtoms, int formulaUnits, int removed,
                         double closestContact) {}

    /** Default shortest allowed contact across the new boundaries (Å). */
    public static final double MIN_CONTACT = 1.6;

    private LocalCell() {}

    /**
     * The cube of side {@code side} centred on atom {@code centre}; {@code unit[t]} is the number of
     * atoms of type t in one formula unit (e.g. 6, 1, 5, 1 for Li6PS5Cl with types Li, P, S, Cl).
     */
    public static Result aroundAtom(AtomSystem big, int centre, double side, int[] unit, double protect, double minContact) {
        double[] c = {big.x()[3 * centre], big.x()[3 * centre + 1], big.x()[3 * centre + 2]};
        return cube(big, c, side, unit, protect, minContact);
    }

    /** The cube of side {@code side} centred on the point {@code centre}. */
    public static Result cube(AtomSystem big, double[] centre, double side, int[] unit, double protect, double minContact) {
        Box box = big.box();
        if (!(side > 0)) throw new IllegalArgumentException("local cell side must be positive, got " + side);
        if (side > box.minPerpendicularWidth() + 1e-9) {
            throw new IllegalArgumentException("local cell side " + side + " Å exceeds the structure's smallest width "
                + box.minPerpendicularWidth() + " Å: the cube would hold two images of one atom");
        }
        if (unit.length != big.species().size()) {
            throw new IllegalArgumentException("formula unit has " + unit.length + " counts, the structure has "
                + big.species().size() + " species");
        }
        int n = big.size();
        double half = side / 2;
        List<double[]> pos = new ArrayList<>();
        List<Integer> src = new ArrayList<>();
        double[] d = new double[3], s = new double[3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) d[k] = big.x()[3 * i + k] - centre[k];
            box.minimumImage(d, 0);
            int found = 0;
            // the minimum image of a skewed cell need not be the image inside the cube: try the neighbours
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    for (int cc = -1; cc <= 1; cc++) {
                        box.imageShift(a, b, cc, s, 0);
                        double x = d[0] + s[0], y = d[1] + s[1], z = d[2] + s[2];
                        if (x >= -half && x < half && y >= -half && y < half && z >= -half && z < half) {
                            if (found++ > 0) break;
                            pos.add(new double[] {x + half, y + half, z + half});
                            src.add(i);
                        }
                    }
                }
            }
        }
        int[] count = new int[unit.length];
        for (int i : src) count[big.type()[i]]++;
        int k = Integer.MAX_VALUE;
        for (int t = 0; t < unit.length; t++) if (unit[t] > 0) k = Math.min(k, count[t] / unit[t]);
        if (k == Integer.MAX_VALUE || k == 0) {
            throw new IllegalArgumentException("a cube of side " + side + " Å holds " + Arrays.toString(count)
                + " atoms per species: not one whole formula unit " + Arrays.toString(unit));
        }
        int[] excess = new int[unit.length];
        for (int t = 0; t < unit.length; t++) excess[t] = count[t] - k * unit[t];
        int m = pos.size();
        boolean[] alive = new boolean[m], prot = new boolean[m];
        Arrays.fill(alive, true);
        for (int a = 0; a < m; a++) {
            double[] p = pos.get(a);
            prot[a] = Math.abs(p[0] - half) < protect && Math.abs(p[1] - half) < protect && Math.abs(p[2] - half) < protect;
        }
        int removed = 0;
        double closest;
        while (true) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            boolean bestProt = true, anyExcess = false;
            closest = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                if (!alive[a]) continue;
                int t = big.type()[src.get(a)];
                double da = acrossBoundary(pos, alive, a, side);
                closest = Math.min(closest, da);
                if (excess[t] == 0) continue;
                anyExcess = true;
                // unprotected atoms first; among them the closest contact across the boundary
                if ((bestProt && !prot[a]) || (bestProt == prot[a] && da < bestD)) {
                    best = a;
                    bestD = da;
                    bestProt = prot[a];
                }
            }
            if (anyExcess) {
                alive[best] = false;
                excess[big.type()[src.get(best)]]--;
                removed++;
                continue;
            }
            if (closest >= minContact) break;
            if (--k == 0) {
                throw new IllegalArgumentException("a cube of side " + side + " Å cannot be made a whole number of formula units "
                    + "without contacts closer than " + minContact + " Å across its boundaries");
            }
            for (int t = 0; t < unit.length; t++) excess[t] += unit[t];
        }
        AtomSystem cell = new AtomSystem(big.species(), Box.orthorhombic(side, side, side), m - removed);
        int[] source = new int[m - removed];
        boolean[] protOut = new boolean[m - removed];
        for (int a = 0, o = 0; a < m; a++) {
            if (!alive[a]) continue;
            double[] p = pos.get(a);
            int i = src.get(a);
            cell.add(big.type()[i], p[0], p[1], p[2]);
            source[o] = i;
            protOut[o] = prot[a];
            o++;
        }
        return new Result(cell, source, protOut, k, removed, closest);
    }

    /** Distance from atom a to its nearest neighbour through a face, edge or corner of the new cell. */
    private static double acrossBoundary(List<double[]> pos, boolean[] alive, int a, double side) {
        double[] p = pos.get(a);
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < pos.size(); b++) {
            if (!alive[b]) continue;
            double[] q = pos.get(b);
            for (int i = -1; i <= 1; i++) {
                for (int j = -1; j <= 1; j++) {
                    for (int l = -1; l <= 1; l++) {
                        if (i == 0 && j == 0 && l == 0) continue;
                        double dx = q[0] + i * side - p[0], dy = q[1] + j * side - p[1], dz = q[2] + l * side - p[2];
                        best = Math.min(best, dx * dx + dy * dy + dz * dz);
                    }
                }
            }
        }
        return Math.sqrt(best);
    }
}
