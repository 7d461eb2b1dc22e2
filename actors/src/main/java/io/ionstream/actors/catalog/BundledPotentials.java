package io.ionstream.actors.catalog;

import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.potential.SystemSummary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The potentials that ship with the server, by name. A bundled potential states the species it
 * describes; a job whose structure has other species is refused naming both lists.
 */
public final class BundledPotentials {
    /** One bundled potential. */
    public record Bundled(String name, String description, List<String> species, double cutoff, Supplier<ForceField> field)
        implements ForceFieldFactory {
        @Override
        public ForceField create(SystemSummary system) {
            List<String> have = Arrays.asList(system.species().symbols());
            if (!species.containsAll(have)) {
                throw new IllegalArgumentException("bundled potential '" + name + "' describes " + String.join(", ", species)
                    + "; the structure has " + String.join(", ", have));
            }
            if (!have.equals(species.subList(0, have.size()))) {
                throw new IllegalArgumentException("bundled potential '" + name + "' needs the species in the order "
                    + String.join(", ", species) + "; the structure has " + String.join(", ", have));
            }
            return field.get();
        }

        @Override
        public String description() { return "bundled " + name + ": " + description; }
    }

    /** The argon Lennard-Jones liquid of the LAMMPS reference (ε 0.0104 eV, σ 3.405 Å, cut 8.5 Å). */
    public static final String LJ_ARGON = "lj-argon";

    /**
     * Li6PS5Cl, a level-10 MTP fitted to GFN1-xTB (CP2K) labels by this project's active learning
     * (potentials/lpscl-xtb-l10/README.md): constant-volume MD of ordered cells only.
     */
    public static final String LPSCL_XTB = "lpscl-xtb-l10";

    private static final Map<String, Bundled> ALL = new LinkedHashMap<>();

    static {
        add(new Bundled(LJ_ARGON, "Lennard-Jones argon, eps 0.0104 eV, sigma 3.405 A, cut-off 8.5 A (LAMMPS reference liquid)",
            List.of("Ar"), LjArgon.CUTOFF, () -> LjArgon.forceField(LjArgon.CUTOFF)));
        add(mtp(LPSCL_XTB, "lpscl-xtb-l10/lpscl-xtb.mtp", List.of("Li", "P", "S", "Cl"),
            "Li6PS5Cl MTP level 10 fitted to GFN1-xTB (not DFT), cut-off 5 A; constant volume, ordered cells; "
                + "not for NPT, disordered supercells, Li metal or interfaces"));
    }

    private static void add(Bundled b) { ALL.put(b.name(), b); }

    /**
     * An MTP shipped inside the jar (the build copies {@code potentials/<folder>/*.mtp} of the
     * repository to {@code io/ionstream/potentials/<folder>/}); read once, a fresh evaluator per run.
     */
    private static Bundled mtp(String name, String resource, List<String> species, String description) {
        String path = "/io/ionstream/potentials/" + resource;
        byte[] bytes;
        try (java.io.InputStream in = BundledPotentials.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("bundled potential " + name + ": " + path + " is missing from this build");
            bytes = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("bundled potential " + name + ": cannot read " + path, e);
        }
        PotentialFormat.Parsed parsed = new MtpFormat().read(resource, bytes, species);
        // an MTP force field does not depend on the system it is made for (the species were checked above)
        return new Bundled(name, description, species, parsed.cutoff(), () -> parsed.factory().create(null));
    }

    private BundledPotentials() {}

    public static Bundled get(String name) { return ALL.get(name); }

    public static List<Bundled> all() { return List.copyOf(ALL.values()); }

    public static List<String> names() { return List.copyOf(ALL.keySet()); }
}
