package io.ionstream.engine.structure;

import io.ionstream.engine.system.Box;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Periodic CSL bicrystals of a cubic crystal: grain 1 (the crystal as is) below grain 2 (the
 * crystal rotated by the boundary's rotation, optionally in its inverted setting), stacked along
 * z, two boundaries per cell (at z = 0 and z = lz/2, of the same type with inverted orientation).
 *
 * <p>Construction: x, y, z and their CSL periods come from {@link CslCell}; the cell is
 * nx·px × ny·py in-plane and each grain nz·pz thick, so both grains are periodic in x and y and
 * each holds whole lattice cells (exact stoichiometry). Both grains have their crystal origin on
 * their lower boundary plane (moved by {@code termination}). Grain 2 can be shifted rigidly in
 * plane (γ-surface scans). Split sites are then occupied and anion disorder applied (argyrodite).
 * Finally, as in seed 001, the grains are separated by the smallest gap (0.1 Å steps, up to
 * {@code maxAutoGap}) that leaves no pair closer than {@code minDistance}, or by a fixed gap;
 * pairs still too close are removed by whole formula units ({@link StoichiometricRemoval}).
 */
public final class GrainBoundaryBuilder {
    /** Seed 001: no two atoms closer than 1.5 Å. */
    public static final double MIN_DISTANCE = 1.5;
    /** Seeds: boundaries more than 65 Å apart. */
    public static final double MIN_SPACING = 65.0;
    /** Largest automatic grain separation (Å). */
    public static final double MAX_AUTO_GAP = 1.0;
    static final double GAP_STEP = 0.1;

    private GrainBoundaryBuilder() {}

    /**
     * @param repeats          CSL periods: nx, ny in plane, nz per grain along z
     * @param invertedGrain2   grain 2 from the inverted (enantiomorphic) crystal: the θ ± 180° (Σ3 about ⟨110⟩)
     *                         or θ ± 90° (Σ5 about ⟨100⟩) variant that differs from θ only in a non-centrosymmetric crystal
     * @param shift            rigid in-plane shift of grain 2 (Å, x and y)
     * @param gap              grain separation (Å) at each boundary; NaN for the automatic choice
     * @param termination      z offset (Å) of the crystal origins above their boundary planes
     * @param disorder         anion disorder (argyrodite only: ordered or random fraction)
     */
    public record Options(GrainBoundarySpec spec, int[] repeats, boolean invertedGrain2, double[] shift, double gap,
                          double maxAutoGap, double minDistance, double termination, long seed, double minSplitDistance,
                          AnionDisorderSpec disorder) {
        public Options {
            if (repeats.length != 3 || repeats[0] < 1 || repeats[1] < 1 || repeats[2] < 1) {
                throw new IllegalArgumentException("bicrystal repeats need three positive numbers (nx, ny, nz per grain)");
            }
            if (shift.length != 2) throw new IllegalArgumentException("grain shift needs x and y");
            if (!(gap >= 0) && !Double.isNaN(gap)) throw new IllegalArgumentException("grain gap must be >= 0, got " + gap);
            if (!(minDistance >= 0)) throw new IllegalArgumentException("minimum distance must be >= 0, got " + minDistance);
            if (disorder instanceof AnionDisorderSpec.Uniform || disorder instanceof AnionDisorderSpec.Mixed) {
                throw new IllegalArgumentException("grain boundaries support ordered or random-fraction anion disorder only "
                    + "(cell-by-cell configurations are defined for bulk supercells)");
            }
            repeats = repeats.clone();
            shift = shift.clone();
        }

        public static Options of(GrainBoundarySpec spec, int[] repeats) {
            return new Options(spec, repeats, false, new double[] {0, 0}, Double.NaN, MAX_AUTO_GAP, MIN_DISTANCE, 0, 1L,
                ArgyroditeBuilder.MIN_LI_LI, new AnionDisorderSpec.Ordered());
        }

        public Options inverted(boolean b) { return new Options(spec, repeats, b, shift, gap, maxAutoGap, minDistance, termination, seed, minSplitDistance, disorder); }
        public Options shifted(double sx, double sy) { return new Options(spec, repeats, invertedGrain2, new double[] {sx, sy}, gap, maxAutoGap, minDistance, termination, seed, minSplitDistance, disorder); }
        public Options withGap(double g) { return new Options(spec, repeats, invertedGrain2, shift, g, maxAutoGap, minDistance, termination, seed, minSplitDistance, disorder); }
        public Options withMinDistance(double d) { return new Options(spec, repeats, invertedGrain2, shift, gap, maxAutoGap, d, termination, seed, minSplitDistance, disorder); }
        public Options withSeed(long s) { return new Options(spec, repeats, invertedGrain2, shift, gap, maxAutoGap, minDistance, termination, s, minSplitDistance, disorder); }
        public Options withDisorder(AnionDisorderSpec d) { return new Options(spec, repeats, invertedGrain2, shift, gap, maxAutoGap, minDistance, termination, seed, minSplitDistance, d); }
        public Options withTermination(double t) { return new Options(spec, repeats, invertedGrain2, shift, gap, maxAutoGap, minDistance, t, seed, minSplitDistance, disorder); }
        public Options withSpec(GrainBoundarySpec s) { return new Options(s, repeats, invertedGrain2, shift, gap, maxAutoGap, minDistance, termination, seed, minSplitDistance, disorder); }
    }

    public static BuiltStructure build(Crystal crystal, Options o) {
        CslCell cell = CslCell.of(crystal, o.spec());
        double[] p = cell.periods();
        int nx = o.repeats()[0], ny = o.repeats()[1], nz = o.repeats()[2];
        double lx = nx * p[0], ly = ny * p[1], h = nz * p[2];
        double[] t1 = cell.frame();
        double[] inversion = o.invertedGrain2() ? new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1} : new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] grain2 = Geometry.multiply(cell.rotation(), inversion);
        double[] t2 = Geometry.multiply(t1, grain2);

        AtomList atoms = new AtomList(crystal.species(), crystal.sites());
        int[] group = {0};
        int n1 = SlabFiller.fill(atoms, crystal, t1, new double[] {0, 0, o.termination()}, lx, ly, 0, h, 0, group, false);
        int mark = atoms.n;
        int n2 = SlabFiller.fill(atoms, crystal, t2, new double[] {0, 0, h + o.termination()}, lx, ly, h, h, 1, group, false);
        long expected = Math.round(lx * ly * h / crystal.cellVolume() * crystal.atomsPerCell());
        if (n1 != expected || n2 != expected) {
            throw new IllegalStateException(String.format("bicrystal grains hold %d and %d sites, expected %d each: the CSL "
                + "periods do not tile the crystal", n1, n2, expected));
        }
        for (int i = mark; i < atoms.n; i++) {
            atoms.x[3 * i] += o.shift()[0];
            atoms.x[3 * i + 1] += o.shift()[1];
        }
        Box box0 = Box.orthorhombic(lx, ly, 2 * h);
        int moved = SplitSites.resolve(atoms, box0, o.minSplitDistance(), Seeds.stream(o.seed(), Seeds.SPLIT_SITES));
        String disorder = AnionDisorder.apply(atoms, crystal, 0, o.disorder(), Seeds.stream(o.seed(), Seeds.ANION_DISORDER));

        double gap = Double.isNaN(o.gap()) ? automaticGap(atoms, lx, ly, h, o.minDistance(), o.maxAutoGap()) : o.gap();
        applyGap(atoms, h, gap);
        Box box = Box.orthorhombic(lx, ly, 2 * h + 2 * gap);
        double[] planes = {0, h + gap};
        StoichiometricRemoval.Result removal = StoichiometricRemoval.apply(atoms, box, o.minDistance(), crystal.formulaUnit(), planes);
        double across = minimumAcross(atoms, box);

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("boundary", o.spec().name());
        d.put("rotation", String.format(Locale.ROOT, "%.4f° about %s, Sigma %d", signedAngle(cell.rotation(), o.spec()),
            Geometry.indices(o.spec().axis()), cell.sigma()));
        d.put("grain 2", grain2Description(crystal, o, cell));
        d.put("x y z (grain 1)", Geometry.indices(cell.x()) + " " + Geometry.indices(cell.y()) + " " + Geometry.indices(cell.z()));
        d.put("x y z (grain 2)", indices(grain2, cell.x()) + " " + indices(grain2, cell.y()) + " " + indices(grain2, cell.z()));
        d.put("CSL periods", p.clone());
        d.put("CSL repeats", new int[] {nx, ny, nz});
        d.put("GB planes z", planes.clone());
        d.put("GB spacing", box.lz() / 2);
        d.put("GB area", lx * ly);
        d.put("gap", gap);
        d.put("grain 2 shift", o.shift().clone());
        d.put("termination", o.termination());
        d.put("removed", removal.removed());
        d.put("removed f.u.", removal.formulaUnits());
        d.put("min across GB", across);
        d.put("seed", o.seed());
        if (moved > 0) d.put("Li 48h moved", moved);
        d.put("anion sites", disorder);
        var sys = atoms.toSystem(box);
        int q = Stoichiometry.formalCharge(crystal.name(), atoms.counts(), crystal.formalCharges());
        Stoichiometry.requireNeutral(crystal.name(), q);
        String title = String.format(Locale.ROOT, "%s bicrystal of %s%s", o.spec().name(), crystal.name(),
            o.invertedGrain2() ? " (grain 2 inverted)" : "");
        return new BuiltStructure(sys, StructureReport.of(title, sys, crystal.formulaUnit(), crystal.formalCharges(), q, d));
    }

    private static double automaticGap(AtomList atoms, double lx, double ly, double h, double dmin, double maxGap) {
        if (dmin <= 0) return 0;
        int steps = (int) Math.floor(maxGap / GAP_STEP + 1e-9);
        double[] save = java.util.Arrays.copyOf(atoms.x, 3 * atoms.n);
        try {
            for (int s = 0; s <= steps; s++) {
                double g = s * GAP_STEP;
                System.arraycopy(save, 0, atoms.x, 0, save.length);
                applyGap(atoms, h, g);
                boolean[] close = {false};
                PairSearch.visit(Box.orthorhombic(lx, ly, 2 * h + 2 * g), atoms.x, atoms.n, dmin, (i, j, r) -> {
                    if (atoms.part[i] != atoms.part[j]) close[0] = true;
                });
                if (!close[0]) return g;
            }
            return steps * GAP_STEP;
        } finally {
            System.arraycopy(save, 0, atoms.x, 0, save.length);
        }
    }

    /** Grain 1 moves up by g/2, grain 2 by 3g/2: boundaries at z = 0 and z = h + g. */
    private static void applyGap(AtomList atoms, double h, double g) {
        for (int i = 0; i < atoms.n; i++) {
            double z = atoms.x[3 * i + 2];
            // positions are wrapped into [0, 2h) of the gap-free cell; the part says which grain
            atoms.x[3 * i + 2] = z + (atoms.part[i] == 0 ? 0.5 * g : 1.5 * g);
        }
    }

    private static double minimumAcross(AtomList atoms, Box box) {
        double[] min = {Double.POSITIVE_INFINITY};
        PairSearch.visit(box, atoms.x, atoms.n, 6.0, (i, j, r) -> {
            if (atoms.part[i] != atoms.part[j] && r < min[0]) min[0] = r;
        });
        return min[0];
    }

    private static double signedAngle(double[] r, GrainBoundarySpec spec) {
        double a = CslRotation.angleDegrees(r);
        double[] ax = Geometry.toDouble(spec.axis());
        double s = (r[7] - r[5]) * ax[0] + (r[2] - r[6]) * ax[1] + (r[3] - r[1]) * ax[2];
        return s < 0 ? -a : a;
    }

    private static String indices(double[] m, int[] d) {
        int[] v = CslCell.grain2Indices(m, d);
        return v == null ? "irrational" : Geometry.indices(v);
    }

    /**
     * For the inverted variant, finds the extra rotation about the boundary's axis that the
     * inversion amounts to (a rotation S with S·crystal = inverted crystal, tested numerically).
     */
    private static String grain2Description(Crystal crystal, Options o, CslCell cell) {
        if (!o.invertedGrain2()) return "crystal rotated";
        double[] minusI = {-1, 0, 0, 0, -1, 0, 0, 0, -1};
        if (crystal.isInvariantUnder(minusI, 1e-6)) return "inverted setting, identical: the crystal is centrosymmetric";
        for (int k : new int[] {90, 180, 270}) {
            double[] s = Geometry.rotation(Geometry.toDouble(o.spec().axis()), Math.toRadians(k));
            double[] minusS = new double[9];
            for (int e = 0; e < 9; e++) minusS[e] = -Math.rint(s[e] * 1e12) / 1e12;
            if (crystal.isInvariantUnder(minusS, 1e-6)) {
                double eq = signedAngle(cell.rotation(), o.spec()) + k;
                if (eq > 180) eq -= 360;
                return String.format(Locale.ROOT, "inverted setting = rotation by %.4f° about %s", eq, Geometry.indices(o.spec().axis()));
            }
        }
        return "inverted setting (not a rotation about the same axis)";
    }
}
