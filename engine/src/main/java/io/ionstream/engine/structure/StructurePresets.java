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
     * @param shift        grain boundary: rigid in-plane shift of grain 2 (Å)
     * @param gap          grain boundary: fixed grain separation (Å) instead of the automatic one
     * @param minDistance  grain boundary: minimum interatomic distance (Å)
     */
    public record Settings(int[] supercell, AnionDisorderSpec disorder, long seed, Double lattice, LithiumSites lithium,
                           Boolean complement, Double spacing, double[] shift, Double gap, Double minDistance,
                           Double metalLattice, Integer metalLayers, Double separation) {
        public static Settings defaults() {
            return new Settings(null, null, 1L, null, null, null, null, null, null, null, null, null, null);
        }

        public Settings withSupercell(int... n) { return new Settings(n, disorder, seed, lattice, lithium, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withDisorder(AnionDisorderSpec d) { return new Settings(supercell, d, seed, lattice, lithium, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withSeed(long s) { return new Settings(supercell, disorder, s, lattice, lithium, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withLattice(Double a) { return new Settings(supercell, disorder, seed, a, lithium, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withLithium(LithiumSites l) { return new Settings(supercell, disorder, seed, lattice, l, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withComplement(Boolean c) { return new Settings(supercell, disorder, seed, lattice, lithium, c, spacing, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withSpacing(Double s) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, s, shift, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withShift(double[] s) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, s, gap, minDistance, metalLattice, metalLayers, separation); }
        public Settings withGap(Double g) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, shift, g, minDistance, metalLattice, metalLayers, separation); }
        public Settings withMinDistance(Double d) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, shift, gap, d, metalLattice, metalLayers, separation); }
        public Settings withMetalLattice(Double a) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, shift, gap, minDistance, a, metalLayers, separation); }
        public Settings withMetalLayers(Integer n) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, shift, gap, minDistance, metalLattice, n, separation); }
        public Settings withSeparation(Double s) { return new Settings(supercell, disorder, seed, lattice, lithium, complement, spacing, shift, gap, minDistance, metalLattice, metalLayers, s); }
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
        reject(p, "grain-boundary variant", s.complement(), "boundary spacing", s.spacing(), "grain shift", s.shift(), "grain gap", s.gap(),
            "minimum distance", s.minDistance(), "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(), "separation", s.separation());
        Halide h = switch (p) { case LI6PS5BR -> Halide.BR; case LI6PS5I -> Halide.I; default -> Halide.CL; };
        int[] n = s.supercell() != null ? three(s.supercell(), "supercell") : new int[] {1, 1, 1};
        var o = new ArgyroditeBuilder.Options(parameters(h, s), n, s.disorder() != null ? s.disorder() : new AnionDisorderSpec.Ordered(),
            s.seed(), ArgyroditeBuilder.MIN_LI_LI);
        return ArgyroditeBuilder.build(o);
    }

    private static BuiltStructure grainBoundary(Preset p, Settings s) {
        reject(p, "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(), "separation", s.separation());
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
        if (s.spacing() != null) repeats[2] = CslCell.of(crystal, spec).periodsForSpacing(s.spacing());
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
        reject(p, "grain-boundary variant", s.complement(), "boundary spacing", s.spacing(), "grain shift", s.shift(), "grain gap", s.gap(),
            "minimum distance", s.minDistance());
        int[] n = p == Preset.INTERFACE_MODEL_I ? new int[] {6, 3, 8} : new int[] {12, 6, 8};
        if (s.supercell() != null) n = three(s.supercell(), "supercell");
        var o = InterfaceBuilder.Options.of(n[0], n[1], n[2], s.metalLayers() != null ? s.metalLayers() : 26)
            .withElectrolyte(parameters(Halide.CL, s)).withSeed(s.seed());
        if (s.metalLattice() != null) o = o.withMetalLattice(s.metalLattice());
        if (s.separation() != null) o = o.withSeparation(s.separation());
        if (s.disorder() != null) o = o.withDisorder(s.disorder());
        return InterfaceBuilder.build(o);
    }

    private static BuiltStructure crystal(Preset p, Settings s) {
        reject(p, "anion disorder", s.disorder(), "Li site model", s.lithium(), "grain-boundary variant", s.complement(),
            "boundary spacing", s.spacing(), "grain shift", s.shift(), "grain gap", s.gap(), "minimum distance", s.minDistance(),
            "metal lattice", s.metalLattice(), "metal layers", s.metalLayers(), "separation", s.separation());
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
