package io.ionstream.actors.catalog;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.structure.AnionConfiguration;
import io.ionstream.engine.structure.AnionDisorderSpec;
import io.ionstream.engine.structure.BuiltStructure;
import io.ionstream.engine.structure.LithiumSites;
import io.ionstream.engine.structure.StructurePresets;
import io.ionstream.engine.structure.StructureReport;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.proto.v1.Preset;
import io.ionstream.proto.v1.PresetStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the structure presets of a {@link PresetStructure} request: the engine's
 * {@link StructurePresets} plus {@code lj-argon-fcc} (the argon crystal the Lennard-Jones demo
 * melts). Sizes are estimated before anything is built, so an absurd request is refused with
 * RESOURCE_EXHAUSTED instead of exhausting the server.
 */
public final class PresetStructures {
    /** fcc argon at the reference liquid density, {@code supercell} n1,n2,n3 cubic cells (default 6³). */
    public static final String LJ_ARGON_FCC = "lj-argon-fcc";
    /** Number density used to estimate sizes given as lengths (Å⁻³; argyrodite ≈ 0.048, Li metal ≈ 0.046). */
    private static final double DENSITY = 0.06;
    private static final Map<String, Integer> UNIT_ATOMS = new ConcurrentHashMap<>();

    private PresetStructures() {}

    public static List<Preset> list() {
        List<Preset> out = new ArrayList<>();
        for (StructurePresets.Preset p : StructurePresets.Preset.values()) {
            out.add(Preset.newBuilder().setName(p.key()).setDescription(p.description()).build());
        }
        out.add(Preset.newBuilder().setName(LJ_ARGON_FCC)
            .setDescription("fcc argon for the Lennard-Jones potential lj-argon, a = 5.8 A (liquid density), supercell n1,n2,n3 (default 6,6,6)")
            .build());
        return out;
    }

    /** Builds the preset; {@code maxAtoms} bounds the estimated and the actual size. */
    public static BuiltStructure build(PresetStructure p, int maxAtoms) {
        String name = p.getName().strip();
        if (name.isEmpty()) throw ServiceException.invalid("preset.name is empty (presets: " + names() + ")");
        long estimate = estimate(p);
        if (estimate > maxAtoms) {
            throw ServiceException.exhausted(String.format(Locale.ROOT,
                "preset %s with these options would have about %d atoms; this server accepts at most %d (ionstream.limits.max-atoms)",
                name, estimate, maxAtoms));
        }
        BuiltStructure b;
        try {
            b = name.equals(LJ_ARGON_FCC) ? argon(p) : StructurePresets.build(name, settings(p));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("preset " + name + ": " + e.getMessage());
        }
        if (b.system().size() > maxAtoms) {
            throw ServiceException.exhausted("preset " + name + " built " + b.system().size() + " atoms; this server accepts at most "
                + maxAtoms + " (ionstream.limits.max-atoms)");
        }
        return b;
    }

    private static String names() {
        List<String> n = new ArrayList<>(StructurePresets.names());
        n.add(LJ_ARGON_FCC);
        return String.join(", ", n);
    }

    private static BuiltStructure argon(PresetStructure p) {
        int[] n = supercell(p, new int[] {6, 6, 6});
        double a = p.hasLattice() ? p.getLattice() : LjArgon.LIQUID_LATTICE;
        AtomSystem s = LjArgon.fcc(n[0], n[1], n[2], a);
        return new BuiltStructure(s, StructureReport.of("fcc argon " + n[0] + "x" + n[1] + "x" + n[2] + ", a = " + a + " A", s, null,
            Map.of("Ar", 0), 0, Map.of()));
    }

    /** Atoms the request would build, from the unit (1×1×1) size and the repeats, or from lengths. */
    static long estimate(PresetStructure p) {
        String name = p.getName().strip();
        for (double v : p.getSizeList()) bounded("size", v, 5000);
        if (p.hasSpacing()) bounded("spacing", p.getSpacing(), 5000);
        if (p.hasArea()) bounded("area", p.getArea(), 1e8);
        if (p.hasMetalLayers() && p.getMetalLayers() > 100_000) {
            throw ServiceException.exhausted("preset " + name + ": metal_layers " + p.getMetalLayers() + " is absurd");
        }
        long byLength = 0;
        if (p.getSizeCount() == 2 || p.hasSpacing()) {
            double sx = p.getSizeCount() == 2 ? p.getSize(0) : 100, sy = p.getSizeCount() == 2 ? p.getSize(1) : 100;
            double sz = p.hasSpacing() ? 2 * p.getSpacing() : 150;
            byLength = (long) (DENSITY * sx * sy * sz);
        }
        if (p.hasArea()) byLength = Math.max(byLength, (long) (DENSITY * p.getArea() * 150));
        if (p.getSupercellCount() == 0) return byLength;
        long product = 1;
        for (int n : p.getSupercellList()) {
            if (n < 1) throw ServiceException.invalid("preset " + name + ": supercell entries must be >= 1, got " + n);
            product = Math.multiplyExact(product, n);
            if (product > Integer.MAX_VALUE) return Long.MAX_VALUE;
        }
        int unit = name.equals(LJ_ARGON_FCC) ? 4 : unitAtoms(name);
        return Math.max(byLength, product * unit);
    }

    private static void bounded(String what, double v, double max) {
        if (!Double.isFinite(v) || v <= 0) throw ServiceException.invalid("preset " + what + " must be positive and finite, got " + v);
        if (v > max) throw ServiceException.exhausted("preset " + what + " " + v + " is absurd (at most " + max + ")");
    }

    private static int unitAtoms(String name) {
        return UNIT_ATOMS.computeIfAbsent(name, k -> {
            try {
                return StructurePresets.build(k, StructurePresets.Settings.defaults().withSupercell(1, 1, 1)).system().size();
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalid("preset " + k + ": " + e.getMessage());
            }
        });
    }

    private static int[] supercell(PresetStructure p, int[] def) {
        if (p.getSupercellCount() == 0) return def;
        if (p.getSupercellCount() != 3) throw ServiceException.invalid("preset supercell needs three numbers, got " + p.getSupercellCount());
        return new int[] {p.getSupercell(0), p.getSupercell(1), p.getSupercell(2)};
    }

    /** The engine's settings for the request (the same options as {@code bin/ionstream build}). */
    static StructurePresets.Settings settings(PresetStructure p) {
        StructurePresets.Settings s = StructurePresets.Settings.defaults().withSeed(p.getSeed() == 0 ? 1 : p.getSeed());
        if (p.getSupercellCount() > 0) s = s.withSupercell(supercell(p, null));
        int disorder = (p.hasDisorder() ? 1 : 0) + (p.getConfiguration().isBlank() ? 0 : 1) + (p.getRandomStructureCount() > 0 ? 1 : 0);
        if (disorder > 1) throw ServiceException.invalid("give at most one of disorder, configuration, random_structure");
        if (p.hasDisorder()) s = s.withDisorder(new AnionDisorderSpec.RandomFraction(p.getDisorder()));
        if (!p.getConfiguration().isBlank()) s = s.withDisorder(new AnionDisorderSpec.Uniform(AnionConfiguration.of(p.getConfiguration())));
        if (p.getRandomStructureCount() > 0) {
            s = s.withDisorder(new AnionDisorderSpec.Mixed(p.getRandomStructureList().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        if (p.hasLattice()) s = s.withLattice(p.getLattice());
        if (!p.getLi().isBlank()) s = s.withLithium(LithiumSites.of(p.getLi()));
        if (!p.getVariant().isBlank()) {
            s = s.withComplement(switch (p.getVariant().strip().toLowerCase(Locale.ROOT)) {
                case "theta" -> false;
                case "complement" -> true;
                default -> throw ServiceException.invalid("preset variant must be theta or complement, got '" + p.getVariant() + "'");
            });
        }
        if (p.hasSpacing()) s = s.withSpacing(p.getSpacing());
        if (p.getSizeCount() > 0) s = s.withSize(p.getSizeList().stream().mapToDouble(Double::doubleValue).toArray());
        if (p.getShiftCount() > 0) s = s.withShift(p.getShiftList().stream().mapToDouble(Double::doubleValue).toArray());
        if (p.hasGap()) s = s.withGap(p.getGap());
        if (p.hasMinDistance()) s = s.withMinDistance(p.getMinDistance());
        if (p.hasMetalLattice()) s = s.withMetalLattice(p.getMetalLattice());
        if (p.hasMetalLayers()) s = s.withMetalLayers(p.getMetalLayers());
        if (p.hasSeparation()) s = s.withSeparation(p.getSeparation());
        if (p.hasArea()) s = s.withArea(p.getArea());
        return s;
    }
}
