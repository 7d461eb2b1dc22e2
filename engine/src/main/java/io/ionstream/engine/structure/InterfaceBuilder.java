package io.ionstream.engine.structure;

import io.ionstream.engine.system.Box;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Li-metal / Li6PS5X interface as a periodic sandwich (seed 004's Li(110)/LPSC(110) models): an
 * electrolyte (110) slab and a bcc Li (110) slab stacked along z with two interfaces per cell.
 *
 * <p>Both slabs use the frame x = [-110], y = [001], z = [110] of their own cubic cell. The
 * electrolyte is n1 × n2 in-plane periods (a√2/2 × a) and {@code layers} periods along [110]
 * (a√2/2; two formula units per period cell), cut in the widest empty layer so PS4 units stay
 * whole. The metal takes the in-plane repeats of least strain ({@link LateralMatch}) and is
 * strained laterally to the electrolyte (its layer spacing a/√2 is kept); its
 * {@code metalLayers} (110) layers start {@code separation} above the outermost electrolyte atoms
 * and end {@code separation} below the periodic image of the electrolyte.
 *
 * <p>Formal charges: electrolyte Li +1, P +5, S −2, X −1; metal Li 0; each part is neutral.
 */
public final class InterfaceBuilder {
    /** Vertical distance between the outermost electrolyte atoms and the first Li layer (Å). */
    public static final double SEPARATION = 2.5;
    /**
     * Lattice constant of the bcc Li slab: 3.427 Å, the PBE value of the mlearn Li data set
     * (Zuo et al., J. Phys. Chem. A 124, 731 (2020); its 3×3×3 bcc cells in
     * {@code ../shared/dft-data/li-metal-mlearn} are 10.2805 Å), consistent with the PBE default
     * of the electrolyte; the room-temperature experimental value is {@link ReferenceCrystals#LI_BCC_A}.
     */
    public static final double METAL_LATTICE = 3.427;

    private InterfaceBuilder() {}

    /**
     * @param electrolyte      argyrodite parameters
     * @param repeats          electrolyte n1 (along [-110]), n2 (along [001]), layers (periods along [110])
     * @param metalLattice     bcc Li lattice constant (Å) before straining
     * @param metalLayers      number of Li (110) layers
     * @param separation       electrolyte–metal vertical separation (Å)
     */
    public record Options(ArgyroditeParameters electrolyte, int[] repeats, double metalLattice, int metalLayers,
                          double separation, long seed, double minLithiumDistance, AnionDisorderSpec disorder) {
        public Options {
            if (repeats.length != 3 || repeats[0] < 1 || repeats[1] < 1 || repeats[2] < 1) {
                throw new IllegalArgumentException("interface electrolyte repeats need three positive numbers (n1, n2, layers)");
            }
            if (metalLayers < 1) throw new IllegalArgumentException("metal layers must be at least 1, got " + metalLayers);
            if (!(metalLattice > 0)) throw new IllegalArgumentException("metal lattice constant must be positive, got " + metalLattice);
            if (!(separation > 0)) throw new IllegalArgumentException("interface separation must be positive, got " + separation);
            if (disorder instanceof AnionDisorderSpec.Uniform || disorder instanceof AnionDisorderSpec.Mixed) {
                throw new IllegalArgumentException("interfaces support ordered or random-fraction anion disorder only");
            }
            repeats = repeats.clone();
        }

        public static Options of(int n1, int n2, int layers, int metalLayers) {
            return new Options(ArgyroditeParameters.defaults(Halide.CL), new int[] {n1, n2, layers}, METAL_LATTICE, metalLayers,
                SEPARATION, 1L, ArgyroditeBuilder.MIN_LI_LI, new AnionDisorderSpec.Ordered());
        }

        public Options withElectrolyte(ArgyroditeParameters p) { return new Options(p, repeats, metalLattice, metalLayers, separation, seed, minLithiumDistance, disorder); }
        public Options withMetalLattice(double a) { return new Options(electrolyte, repeats, a, metalLayers, separation, seed, minLithiumDistance, disorder); }
        public Options withSeparation(double s) { return new Options(electrolyte, repeats, metalLattice, metalLayers, s, seed, minLithiumDistance, disorder); }
        public Options withSeed(long s) { return new Options(electrolyte, repeats, metalLattice, metalLayers, separation, s, minLithiumDistance, disorder); }
        public Options withDisorder(AnionDisorderSpec d) { return new Options(electrolyte, repeats, metalLattice, metalLayers, separation, seed, minLithiumDistance, d); }
    }

    static final int[] X = {-1, 1, 0}, Y = {0, 0, 1}, Z = {1, 1, 0};

    public static BuiltStructure build(Options o) {
        Crystal e = Argyrodite.crystal(o.electrolyte());
        Crystal m = ReferenceCrystals.bccLithium(o.metalLattice());
        double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] frame = frame();
        double[] pe = {CslCell.period(e, identity, X), CslCell.period(e, identity, Y), CslCell.period(e, identity, Z)};
        double[] pm = {CslCell.period(m, identity, X), CslCell.period(m, identity, Y), CslCell.period(m, identity, Z)};
        int n1 = o.repeats()[0], n2 = o.repeats()[1], layers = o.repeats()[2];
        LateralMatch match = LateralMatch.forSubstrate(n1, n2, pe[0], pe[1], pm[0], pm[1]);
        double lx = n1 * pe[0], ly = n2 * pe[1], he = layers * pe[2];

        // electrolyte slab, cut in its widest empty layer
        AtomList atoms = new AtomList(e.species(), e.sites());
        int[] group = {0};
        double cut = SlabFiller.largestGapCentre(e, frame, pe[2], true);
        SlabFiller.fill(atoms, e, frame, new double[] {0, 0, -cut}, lx, ly, 0, he, 0, group, true);
        int ne = atoms.n;

        // metal slab: (110) layers, cut between layers, then strained laterally
        double layerSpacing = layerSpacing(m, frame, pm[2]);
        double mlx = match.m1() * pm[0], mly = match.m2() * pm[1], hm = o.metalLayers() * layerSpacing;
        AtomList metal = new AtomList(m.species(), m.sites());
        double mcut = SlabFiller.largestGapCentre(m, frame, pm[2], false);
        SlabFiller.fill(metal, m, frame, new double[] {0, 0, -mcut}, mlx, mly, 0, hm, 1, new int[] {0}, false);
        long expectedMetal = Math.round(mlx * mly * hm / m.cellVolume() * m.atomsPerCell());
        if (metal.n != expectedMetal) {
            throw new IllegalStateException("metal slab holds " + metal.n + " atoms, expected " + expectedMetal);
        }

        // stack: electrolyte from separation/2, metal from its top + separation
        double zmin = Double.MAX_VALUE, zmax = -Double.MAX_VALUE;
        for (int i = 0; i < ne; i++) { zmin = Math.min(zmin, atoms.x[3 * i + 2]); zmax = Math.max(zmax, atoms.x[3 * i + 2]); }
        double mzmin = Double.MAX_VALUE, mzmax = -Double.MAX_VALUE;
        for (int i = 0; i < metal.n; i++) { mzmin = Math.min(mzmin, metal.x[3 * i + 2]); mzmax = Math.max(mzmax, metal.x[3 * i + 2]); }
        double s = o.separation();
        for (int i = 0; i < ne; i++) atoms.x[3 * i + 2] += s / 2 - zmin;
        double eTop = zmax - zmin + s / 2;
        int li = atoms.typeOf("Li");
        double sx = lx / mlx, sy = ly / mly;
        for (int i = 0; i < metal.n; i++) {
            atoms.add(li, metal.x[3 * i] * sx, metal.x[3 * i + 1] * sy, metal.x[3 * i + 2] - mzmin + eTop + s, -1, -1, -1, 1);
        }
        double lz = eTop + s + (mzmax - mzmin) + s / 2;
        Box box = Box.orthorhombic(lx, ly, lz);

        int moved = SplitSites.resolve(atoms, box, o.minLithiumDistance(), Seeds.stream(o.seed(), Seeds.SPLIT_SITES));
        String disorder = AnionDisorder.apply(atoms, e, 0, o.disorder(), Seeds.stream(o.seed(), Seeds.ANION_DISORDER));

        Map<String, Integer> ec = atoms.counts(0), mc = atoms.counts(1);
        int fu = Stoichiometry.formulaUnits("electrolyte slab", ec, e.formulaUnit());
        int q = Stoichiometry.formalCharge("electrolyte slab", ec, e.formalCharges())
            + Stoichiometry.formalCharge("metal slab", mc, m.formalCharges());
        Stoichiometry.requireNeutral("interface", q);
        double across = minimumAcross(atoms, box);

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("interface", "Li(110) / " + e.name() + "(110), x [-110], y [001], z [110]");
        d.putAll(ArgyroditeBuilder.parameterDetails(o.electrolyte()));
        d.put("electrolyte", String.format(Locale.ROOT, "%d×%d×%d periods (%.4f × %.4f × %.4f Å), %d formula units, %d atoms",
            n1, n2, layers, pe[0], pe[1], pe[2], fu, ne));
        d.put("metal", String.format(Locale.ROOT, "bcc a = %.4f Å, %d×%d in-plane, %d (110) layers of %d atoms, %d atoms, formal charge 0",
            o.metalLattice(), match.m1(), match.m2(), o.metalLayers(), 2 * match.m1() * match.m2(), mc.get("Li")));
        d.put("metal strain", new double[] {match.strainX(), match.strainY()});
        d.put("area", lx * ly);
        d.put("separation", s);
        d.put("interfaces z", new double[] {0, eTop + s / 2});
        d.put("min across", across);
        d.put("seed", o.seed());
        if (moved > 0) d.put("Li 48h moved", moved);
        d.put("anion sites", disorder);
        var sys = atoms.toSystem(box);
        Map<String, Integer> charges = new LinkedHashMap<>(e.formalCharges());
        String title = String.format(Locale.ROOT, "Li(110) | %s(110) interface, %d electrolyte formula units + %d Li metal",
            e.name(), fu, mc.get("Li"));
        return new BuiltStructure(sys, StructureReport.of(title, sys, null, charges, q, d));
    }

    static double[] frame() {
        double[] ux = Geometry.unit(Geometry.toDouble(X)), uy = Geometry.unit(Geometry.toDouble(Y)), uz = Geometry.unit(Geometry.toDouble(Z));
        return new double[] {ux[0], ux[1], ux[2], uy[0], uy[1], uy[2], uz[0], uz[1], uz[2]};
    }

    /** Spacing of equally spaced atomic layers along the frame's z within one period. */
    private static double layerSpacing(Crystal c, double[] frame, double period) {
        java.util.TreeSet<Double> zs = new java.util.TreeSet<>();
        for (CrystalSite s : c.sites()) {
            double z = Geometry.apply(frame, c.cartesian(s.position()))[2];
            z -= Math.floor(z / period) * period;
            if (period - z < 1e-9) z = 0;
            Double near = zs.ceiling(z - 1e-9);
            if (near == null || near > z + 1e-9) zs.add(z);
        }
        return period / zs.size();
    }

    private static double minimumAcross(AtomList atoms, Box box) {
        double[] min = {Double.POSITIVE_INFINITY};
        PairSearch.visit(box, atoms.x, atoms.n, 6.0, (i, j, r) -> {
            if (atoms.part[i] != atoms.part[j] && r < min[0]) min[0] = r;
        });
        return min[0];
    }
}
