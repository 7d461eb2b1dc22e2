package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The named structures of the seeds (what {@code bin/ionstream build <preset>} builds), with
 * their defaults and the settings that may override them.
 */
public final class StructurePresets {
    private StructurePresets() {}

    /**
     * Overrides of a preset's defaults; null means "the preset's default". Not every setting
     * applies to every preset ({@link #build} rejects one that does not, naming it).
     *
     * @param supercell    bulk: n1, n2, n3; grain boundary: nx, ny (CSL periods in plane), nz (per grain);
     *                     interface: electrolyte n1, n2, layers
     * @param complement   grain boundary: true for the 180°−θ (Σ3) / 90°−θ (Σ5) variant (grain 2 inverted)
     * @param spacing      grain boundary: minimum boundary spacing (Å), sets nz
     * @param size         grain boundary: in-plane size targets (Å), set nx and ny to the nearest number of CSL periods
     * @param shift        grain boundary: rigid in-plane shift of grain 2 (Å)
     * @param gap          grain boundary: fixed grain separation (Å) instead of the automatic one
     * @param minDistance  grain boundary: minimum interatomic distance (Å)
     * @param area         interface: largest in-plane area (Å²); the electrolyte repeats within it with the
     *                     least metal strain are searched ({@link LateralMatch#search})
     */
    public record Settings(int[] supercell, AnionDisorderSpec disorder, long seed, Double lattice, LithiumSites lithium,
                           Boolean complement, Double spacing, double[] size, double[] shift, Double gap,
                           Double minDistance, Double metalLattice, Integer metalLayers, Double separation, Double area) {
        public static Settings defaults() {
            return new Settings(null, null, 1L, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Settings withSupercell(int... n) { return new Settings(n, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withDisorder(AnionDisorderSpec v) { return new Settings(supercell, v, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withSeed(long v) { return new Settings(supercell, disorder, v, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withLattice(Double v) { return new Settings(supercell, disorder, seed, v, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withLithium(LithiumSites v) { return new Settings(supercell, disorder, seed, lattice, v, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withComplement(Boolean v) { return new Settings(supercell, disorder, seed, lattice, lithium, v, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withSpacing(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, v, size, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withSize(double[] v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, v, shift, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withShift(double[] v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, v, gap, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withGap(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, v, minDistance, metalLattice, metalLayers, separation, area); }
        public Settings withMinDistance(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, v, metalLattice, metalLayers, separation, area); }
        public Settings withMetalLattice(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, v, metalLayers, separation, area); }
        public Settings withMetalLayers(Integer v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, v, separation, area); }
        public Settings withSeparation(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, v, area); }
        public Settings withArea(Double v) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, size, shift, gap, minDistance, metalLattice, metalLayers, separation, v); }
    }

    private enum Kind { ARGYRODITE, GRAIN_BOUNDARY, INTERFACE, CRYSTAL }

    /** Every preset: name, kind, one-line description. */
    public enum Preset {
        LI6PS5CL("li6ps5cl", Kind.ARGYRODITE, "Li6PS5Cl, F-43m conventional cell (52 atoms), supercells, anion disorder"),
        LI6PS5BR("li6ps5br", Kind.ARGYRODITE, "Li6PS5Br, as li6ps5cl"),
        LI6PS5I("li6ps5i", Kind.ARGYRODITE, "Li6PS5I, as li6ps5cl"),
        GB_SIGMA3_112("gb-sigma3-112", Kind.GRAIN_BOUNDARY, "Li6PS5Cl Sigma3(1-12)[110] tilt bicrystal, 70.53°, 3×7×(2×6) CSL cells (seed 001 Table II: 19 656 atoms)"),
        GB_SIGMA3_111("gb-sigma3-111", Kind.GRAIN_BOUNDARY, "Li6PS5Cl Sigma3(-111)[110] tilt bicrystal, 109.47°, 4×7×(2×4) CSL cells (Table II: 17 472 atoms)"),
        GB_SIGMA5_001("gb-sigma5-001", Kind.GRAIN_BOUNDARY, "Li6PS5Cl Sigma5(001)[001] twist bicrystal, 3×3×(2×7) CSL cells (Table II: 16 380 atoms; default: the 53.13° variant)"),
        GB_SIGMA5_021("gb-sigma5-021", Kind.GRAIN_BOUNDARY, "Li6PS5Cl Sigma5[100](021) tilt bicrystal, 53.13°, 3×3×(2×3) CSL cells (Kim et al.: 30×68×135 Å)"),
        INTERFACE_MODEL_I("interface-model-I", Kind.INTERFACE, "Li(110)/Li6PS5Cl(110) sandwich like seed 004's model I: 288 f.u. + 4212 Li"),
        INTERFACE_MODEL_II("interface-model-II", Kind.INTERFACE, "Li(110)/Li6PS5Cl(110) sandwich like seed 004's model II: 1152 f.u. + 16 848 Li"),
        LI_BCC("li-bcc", Kind.CRYSTAL, "bcc Li, a = 3.510 Å"),
        LI2S("li2s", Kind.CRYSTAL, "antifluorite Li2S, a = 5.708 Å"),
        LICL("licl", Kind.CRYSTAL, "rock-salt LiCl, a = 5.130 Å"),
        LI3P("li3p", Kind.CRYSTAL, "Li3P, P6_3/mmc (Na3As type), a = 4.264 Å, c = 7.579 Å");

        private final String key;
        private final Kind kind;
        private final String description;

        Preset(String key, Kind kind, String description) {
            this.key = key;
            this.kind = kind;
            this.description = description;
        }

        public String key() { return key; }
        public String description() { return description; }

        public static Preset of(String key) {
            for (Preset p : values()) if (p.key.equalsIgnoreCase(key.strip())) return p;
            throw new IllegalArgumentException("unknown structure preset '" + key + "' (one of " + String.join(", ", names()) + ")");
        }
    }

    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Preset p : Preset.values()) n.add(p.key);
        return n;
    }

    public static BuiltStructure build(String name, Settings s) {
        Preset p = Preset.of(name);
        return switch (p.kind) {
            case ARGYRODITE -> argyrodite(p, s);
            case GRAIN_BOUNDARY -> grainBoundary(p, s);
            case INTERFACE -> interfaceModel(p, s);
            case CRYSTAL -> crystal(p, s);
        };
    }

    private static BuiltStructure argyrodite(Preset p, Settings s) {
        reject(p, "grain-boundary variant", s.complement(), "boundary spacing", s.spacing(), "in-plane size", s.size(), "grain shift", s.shift(),
            "grain gap", s.gap(), "minimum distance", s.minDistance(), "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(),
            "separation", s.separation(), "interface area", s.area());
        Halide h = switch (p) { case LI6PS5BR -> Halide.BR; case LI6PS5I -> Halide.I; default -> Halide.CL; };
        int[] n = s.supercell() != null ? three(s.supercell(), "supercell") : new int[] {1, 1, 1};
        var o = new ArgyroditeBuilder.Options(parameters(h, s), n, s.disorder() != null ? s.disorder() : new AnionDisorderSpec.Ordered(),
            s.seed(), ArgyroditeBuilder.MIN_LI_LI);
        return ArgyroditeBuilder.build(o);
    }

    private static BuiltStructure grainBoundary(Preset p, Settings s) {
        reject(p, "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(), "separation", s.separation(), "interface area", s.area());
        GrainBoundarySpec spec;
        int[] repeats;
        boolean complement;
        switch (p) {
            case GB_SIGMA3_112 -> { spec = GrainBoundarySpec.sigma3Tilt112(); repeats = new int[] {3, 7, 6}; complement = false; }
            case GB_SIGMA3_111 -> { spec = GrainBoundarySpec.sigma3Tilt111(); repeats = new int[] {4, 7, 4}; complement = false; }
            // Table II's 16 380 atoms come out with no atom removed only for the 53.13° variant
            case GB_SIGMA5_001 -> { spec = GrainBoundarySpec.sigma5Twist001(); repeats = new int[] {3, 3, 7}; complement = true; }
            default -> { spec = GrainBoundarySpec.sigma5Tilt021(); repeats = new int[] {3, 3, 3}; complement = false; }
        }
        Crystal crystal = Argyrodite.crystal(parameters(Halide.CL, s));
        if (s.supercell() != null) repeats = three(s.supercell(), "supercell");
        CslCell cell = CslCell.of(crystal, spec);
        if (s.spacing() != null) repeats[2] = cell.periodsForSpacing(s.spacing());
        if (s.size() != null) {
            if (s.size().length != 2) throw new IllegalArgumentException("in-plane size needs x and y (Å)");
            repeats[0] = cell.periodsForSize(0, s.size()[0]);
            repeats[1] = cell.periodsForSize(1, s.size()[1]);
        }
        var o = GrainBoundaryBuilder.Options.of(spec, repeats)
            .inverted(s.complement() != null ? s.complement() : complement)
            .withSeed(s.seed());
        if (s.shift() != null) o = o.shifted(s.shift()[0], s.shift()[1]);
        if (s.gap() != null) o = o.withGap(s.gap());
        if (s.minDistance() != null) o = o.withMinDistance(s.minDistance());
        if (s.disorder() != null) o = o.withDisorder(s.disorder());
        return GrainBoundaryBuilder.build(crystal, o);
    }

    private static BuiltStructure interfaceModel(Preset p, Settings s) {
        reject(p, "grain-boundary variant", s.complement(), "boundary spacing", s.spacing(), "in-plane size", s.size(), "grain shift", s.shift(),
            "grain gap", s.gap(), "minimum distance", s.minDistance());
        int[] n = p == Preset.INTERFACE_MODEL_I ? new int[] {6, 3, 8} : new int[] {12, 6, 8};
        if (s.supercell() != null) n = three(s.supercell(), "supercell");
        if (s.area() != null) {
            ArgyroditeParameters e = parameters(Halide.CL, s);
            double a = e.lattice(), am = s.metalLattice() != null ? s.metalLattice() : InterfaceBuilder.METAL_LATTICE;
            LateralMatch m = LateralMatch.search(a / Math.sqrt(2), a, am * Math.sqrt(2), am, s.area());
            n = new int[] {m.n1(), m.n2(), n[2]};
        }
        var o = InterfaceBuilder.Options.of(n[0], n[1], n[2], s.metalLayers() != null ? s.metalLayers() : 26)
            .withElectrolyte(parameters(Halide.CL, s)).withSeed(s.seed());
        if (s.metalLattice() != null) o = o.withMetalLattice(s.metalLattice());
        if (s.separation() != null) o = o.withSeparation(s.separation());
        if (s.disorder() != null) o = o.withDisorder(s.disorder());
        return InterfaceBuilder.build(o);
    }

    private static BuiltStructure crystal(Preset p, Settings s) {
        reject(p, "anion disorder", s.disorder(), "Li site model", s.lithium(), "grain-boundary variant", s.complement(),
            "boundary spacing", s.spacing(), "in-plane size", s.size(), "grain shift", s.shift(), "grain gap", s.gap(),
            "minimum distance", s.minDistance(), "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(),
            "separation", s.separation(), "interface area", s.area());
        Crystal c = switch (p) {
            case LI_BCC -> ReferenceCrystals.bccLithium(s.lattice() != null ? s.lattice() : ReferenceCrystals.LI_BCC_A);
            case LI2S -> ReferenceCrystals.lithiumSulfide(s.lattice() != null ? s.lattice() : ReferenceCrystals.LI2S_A);
            case LICL -> ReferenceCrystals.lithiumChloride(s.lattice() != null ? s.lattice() : ReferenceCrystals.LICL_A);
            default -> {
                double a = s.lattice() != null ? s.lattice() : ReferenceCrystals.LI3P_A;
                yield ReferenceCrystals.lithiumPhosphide(a, a * ReferenceCrystals.LI3P_C / ReferenceCrystals.LI3P_A, ReferenceCrystals.LI3P_Z);
            }
        };
        int[] n = s.supercell() != null ? three(s.supercell(), "supercell") : new int[] {1, 1, 1};
        return CrystalBuilder.supercell(c, n[0], n[1], n[2]);
    }

    private static ArgyroditeParameters parameters(Halide h, Settings s) {
        ArgyroditeParameters a = ArgyroditeParameters.defaults(h);
        if (s.lattice() != null) a = a.withLattice(s.lattice());
        if (s.lithium() != null) a = a.withLithium(s.lithium());
        return a;
    }

    private static int[] three(int[] n, String what) {
        if (n.length != 3) throw new IllegalArgumentException(what + " needs three numbers, got " + n.length);
        for (int v : n) if (v < 1) throw new IllegalArgumentException(what + " entries must be positive, got " + v);
        return n.clone();
    }

    private static void reject(Preset p, Object... nameValue) {
        for (int k = 0; k < nameValue.length; k += 2) {
            if (nameValue[k + 1] != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s does not apply to preset %s", nameValue[k], p.key));
            }
        }
    }
}
