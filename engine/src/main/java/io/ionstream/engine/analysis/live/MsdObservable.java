package io.ionstream.engine.analysis.live;

/**
 * Live mean-squared displacement of chosen species from their unwrapped positions at
 * {@link ObservableSet#initState} (the per-atom state: 3 doubles, the reference position): total,
 * per component, ⊥ (z) and ∥ (xy), optionally per {@link SlabRegions} region, with the number of
 * atoms in each region now. Atoms are grouped by the region of their reference position, so
 * each group's MSD is that of a fixed set of atoms.
 *
 * <p>Centre-of-mass drift can be removed exactly from sums: with Δc the drift of the reference
 * group, Σ|Δr − Δc|² = Σ|Δr|² − 2 Δc·ΣΔr + N|Δc|², and Δc = Σ m Δr / Σ m over the group, so
 * the partials carry Σ Δr², Σ Δr, N per group and Σ m Δr, Σ m of the drift group.
 */
public final class MsdObservable implements Observable {
    /** Which centre of mass is removed. */
    public enum Drift { NONE, ALL_ATOMS, FRAMEWORK }

    private static final int GROUP = 7; // Σdx² Σdy² Σdz² Σdx Σdy Σdz N
    private final String[] species;
    private final SlabRegions regions;
    private final Drift drift;
    private final String[] names;
    private final int groups;
    private boolean[] mask;
    private boolean[] driftMask;
    private io.ionstream.engine.system.SpeciesTable seen;
    private final double[] u = new double[3];
    private final double[] drifted = new double[3];
    private final double[] comp = new double[3];

    public MsdObservable(String[] species, SlabRegions regions, Drift drift) {
        if (species.length == 0) throw new IllegalArgumentException("MSD needs at least one species");
        this.species = species.clone();
        this.regions = regions;
        this.drift = drift;
        this.groups = 1 + (regions == null ? 0 : regions.count());
        java.util.List<String> n = new java.util.ArrayList<>(java.util.List.of("msd_x_A2", "msd_y_A2", "msd_z_A2",
            "msd_total_A2", "msd_perp_A2", "msd_par_A2", "atoms"));
        for (int r = 0; regions != null && r < regions.count(); r++) {
            String s = regions.name(r);
            n.addAll(java.util.List.of(s + "_msd_total_A2", s + "_msd_perp_A2", s + "_msd_par_A2", s + "_atoms_from_start",
                s + "_atoms_now"));
        }
        this.names = n.toArray(String[]::new);
    }

    @Override public String name() { return "msd"; }
    @Override public String[] valueNames() { return names.clone(); }
    @Override public int partialLength() { return GROUP * groups + 4 + (regions == null ? 0 : regions.count()); }
    @Override public int stateWidth() { return 3; }

    private void masks(LocalAtoms a) {
        if (a.species.equals(seen)) return;
        seen = a.species;
        mask = LocalAtoms.typeMask(a.species, species);
        driftMask = new boolean[mask.length];
        for (int t = 0; t < mask.length; t++) {
            driftMask[t] = drift == Drift.ALL_ATOMS || (drift == Drift.FRAMEWORK && !mask[t]);
        }
    }

    @Override
    public void initState(LocalAtoms a, int col) {
        for (int i = 0; i < a.nlocal; i++) a.unwrapped(i, a.state, i * a.stateStride + col);
    }

    @Override
    public void accumulate(LocalAtoms a, int col, double[] p, int o) {
        masks(a);
        int driftBase = o + GROUP * groups, nowBase = driftBase + 4;
        for (int i = 0; i < a.nlocal; i++) {
            int t = a.type[i];
            if (!mask[t] && !driftMask[t]) continue;
            a.unwrapped(i, u, 0);
            int s = i * a.stateStride + col;
            double dx = u[0] - a.state[s], dy = u[1] - a.state[s + 1], dz = u[2] - a.state[s + 2];
            if (driftMask[t]) {
                double m = a.massByType[t];
                p[driftBase] += m * dx;
                p[driftBase + 1] += m * dy;
                p[driftBase + 2] += m * dz;
                p[driftBase + 3] += m;
            }
            if (!mask[t]) continue;
            add(p, o, dx, dy, dz);
            if (regions != null) {
                add(p, o + GROUP * (1 + regions.regionOf(a.state[s + 2], a.box)), dx, dy, dz);
                p[nowBase + regions.regionOf(a.x[3 * i + 2], a.box)] += 1;
            }
        }
    }

    private static void add(double[] p, int g, double dx, double dy, double dz) {
        p[g] += dx * dx;
        p[g + 1] += dy * dy;
        p[g + 2] += dz * dz;
        p[g + 3] += dx;
        p[g + 4] += dy;
        p[g + 5] += dz;
        p[g + 6] += 1;
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame frame, double[] out) {
        int driftBase = o + GROUP * groups;
        double mass = t[driftBase + 3];
        double cx = 0, cy = 0, cz = 0;
        if (drift != Drift.NONE && mass > 0) {
            cx = t[driftBase] / mass;
            cy = t[driftBase + 1] / mass;
            cz = t[driftBase + 2] / mass;
        }
        double[] c = drifted;
        c[0] = cx;
        c[1] = cy;
        c[2] = cz;
        components(t, o, c, comp);
        out[0] = comp[0];
        out[1] = comp[1];
        out[2] = comp[2];
        out[3] = comp[0] + comp[1] + comp[2];
        out[4] = comp[2];
        out[5] = comp[0] + comp[1];
        out[6] = t[o + 6];
        for (int r = 0; regions != null && r < regions.count(); r++) {
            int g = o + GROUP * (1 + r);
            components(t, g, c, comp);
            int k = 7 + 5 * r;
            out[k] = comp[0] + comp[1] + comp[2];
            out[k + 1] = comp[2];
            out[k + 2] = comp[0] + comp[1];
            out[k + 3] = t[g + 6];
            out[k + 4] = t[driftBase + 4 + r];
        }
    }

    /** Per-component MSD of one group with drift c removed; 0 for an empty group. */
    private static void components(double[] t, int g, double[] c, double[] out) {
        double n = t[g + 6];
        for (int d = 0; d < 3; d++) {
            out[d] = n > 0 ? (t[g + d] - 2 * c[d] * t[g + 3 + d] + n * c[d] * c[d]) / n : 0;
        }
    }
}
