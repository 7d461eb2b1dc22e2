package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Exchanges argyrodite anions between the 4a (X) and 4c (free S) sites of a structure under
 * construction. Species change, positions do not; stoichiometry is kept because every X moved to
 * 4c is matched by an S moved to 4a.
 */
final class AnionDisorder {
    private AnionDisorder() {}

    /** Applies {@code spec}; returns a description for the report. */
    static String apply(AtomList atoms, Crystal crystal, int cells, AnionDisorderSpec spec, Random rnd) {
        String x = crystal.species().get(crystal.species().size() - 1);
        return switch (spec) {
            case AnionDisorderSpec.Ordered o -> "ordered (X on 4a, S on 4c)";
            case AnionDisorderSpec.RandomFraction f -> {
                int swaps = randomFraction(atoms, x, f.fraction(), rnd);
                yield String.format(java.util.Locale.ROOT, "random: %d of the 4a %s exchanged with 4c S (requested %.4g)",
                    swaps, x, f.fraction());
            }
            case AnionDisorderSpec.Uniform u -> {
                AnionConfiguration[] per = new AnionConfiguration[cells];
                java.util.Arrays.fill(per, u.configuration());
                configurations(atoms, crystal, per, new int[cells]);
                yield u.configuration().label() + " " + u.configuration().spaceGroup() + " in every cell";
            }
            case AnionDisorderSpec.Mixed m -> {
                AnionConfiguration[] per = drawCells(cells, m.weights(), rnd);
                int[] orientation = new int[cells];
                for (int c = 0; c < cells; c++) orientation[c] = rnd.nextInt(SpaceGroupF43m.operations().size());
                configurations(atoms, crystal, per, orientation);
                int[] count = new int[AnionConfiguration.values().length];
                for (AnionConfiguration c : per) count[c.ordinal()]++;
                StringBuilder sb = new StringBuilder("random structure, cells:");
                for (AnionConfiguration c : AnionConfiguration.values()) {
                    sb.append(' ').append(c.label()).append(' ').append(c.spaceGroup()).append('×').append(count[c.ordinal()]);
                }
                yield sb.toString();
            }
        };
    }

    /** Exchanges round(fraction · N(4a X)) random 4a X with as many random 4c S; returns the count. */
    static int randomFraction(AtomList atoms, String halide, double fraction, Random rnd) {
        int tx = atoms.typeOf(halide), ts = atoms.typeOf("S");
        List<Integer> onA = new ArrayList<>(), onC = new ArrayList<>();
        for (int i = 0; i < atoms.n; i++) {
            String w = atoms.wyckoff(i);
            if (w.equals(Argyrodite.WYCKOFF_X) && atoms.type[i] == tx) onA.add(i);
            if (w.equals(Argyrodite.WYCKOFF_S_FREE) && atoms.type[i] == ts) onC.add(i);
        }
        if (onA.isEmpty()) throw new IllegalArgumentException("no " + halide + " on 4a sites: anion disorder needs an argyrodite");
        int n = (int) Math.round(fraction * onA.size());
        n = Math.min(n, Math.min(onA.size(), onC.size()));
        Collections.shuffle(onA, rnd);
        Collections.shuffle(onC, rnd);
        for (int k = 0; k < n; k++) {
            atoms.type[onA.get(k)] = ts;
            atoms.type[onC.get(k)] = tx;
        }
        return n;
    }

    /**
     * Gives conventional cell c the configuration {@code per[c]} with its pattern mapped by F-43m
     * operation {@code orientation[c]} (0 is the identity).
     */
    static void configurations(AtomList atoms, Crystal crystal, AnionConfiguration[] per, int[] orientation) {
        String x = crystal.species().get(crystal.species().size() - 1);
        int tx = atoms.typeOf(x), ts = atoms.typeOf("S");
        int[] siteToA = new int[crystal.sites().size()], siteToC = new int[crystal.sites().size()];
        for (int s = 0; s < siteToA.length; s++) {
            CrystalSite site = crystal.sites().get(s);
            siteToA[s] = site.wyckoff().equals(Argyrodite.WYCKOFF_X) ? indexOf(site.position(), 0.0) : -1;
            siteToC[s] = site.wyckoff().equals(Argyrodite.WYCKOFF_S_FREE) ? indexOf(site.position(), 0.25) : -1;
        }
        List<SymmetryOperation> ops = SpaceGroupF43m.operations();
        boolean[][] swapA = new boolean[per.length][], swapC = new boolean[per.length][];
        for (int c = 0; c < per.length; c++) {
            SymmetryOperation op = ops.get(orientation[c]);
            swapA[c] = mapped(per[c].swapped4a(), op, 0.0);
            swapC[c] = mapped(per[c].swapped4c(), op, 0.25);
        }
        for (int i = 0; i < atoms.n; i++) {
            int s = atoms.site[i], c = atoms.cell[i];
            if (s < 0 || c < 0) continue;
            if (siteToA[s] >= 0) atoms.type[i] = swapA[c][siteToA[s]] ? ts : tx;
            else if (siteToC[s] >= 0) atoms.type[i] = swapC[c][siteToC[s]] ? tx : ts;
        }
    }

    /** Cell counts proportional to the weights (largest remainder), shuffled over the cells. */
    static AnionConfiguration[] drawCells(int cells, double[] weights, Random rnd) {
        AnionConfiguration[] all = AnionConfiguration.values();
        double sum = 0;
        for (double w : weights) sum += w;
        int[] count = new int[all.length];
        double[] rem = new double[all.length];
        int assigned = 0;
        for (int k = 0; k < all.length; k++) {
            double exact = weights[k] / sum * cells;
            count[k] = (int) Math.floor(exact);
            rem[k] = exact - count[k];
            assigned += count[k];
        }
        while (assigned < cells) {
            int best = 0;
            for (int k = 1; k < all.length; k++) if (rem[k] > rem[best]) best = k;
            count[best]++;
            rem[best] = -1;
            assigned++;
        }
        List<AnionConfiguration> list = new ArrayList<>(cells);
        for (int k = 0; k < all.length; k++) for (int j = 0; j < count[k]; j++) list.add(all[k]);
        Collections.shuffle(list, rnd);
        return list.toArray(AnionConfiguration[]::new);
    }

    private static boolean[] mapped(int[] indices, SymmetryOperation op, double offset) {
        boolean[] out = new boolean[4];
        for (int k : indices) {
            double[] t = SpaceGroupF43m.F_CENTRING[k];
            double[] img = op.apply(new double[] {t[0] + offset, t[1] + offset, t[2] + offset});
            out[indexOf(img, offset)] = true;
        }
        return out;
    }

    /** k such that p ≡ t_k + (offset, offset, offset) modulo 1. */
    private static int indexOf(double[] p, double offset) {
        for (int k = 0; k < 4; k++) {
            double[] t = SpaceGroupF43m.F_CENTRING[k];
            if (WyckoffExpander.samePosition(p, new double[] {t[0] + offset, t[1] + offset, t[2] + offset}, 1e-6)) return k;
        }
        throw new IllegalStateException("position " + java.util.Arrays.toString(p) + " is not a 4a/4c site");
    }
}
