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

    private static final Map<String, Bundled> ALL = new LinkedHashMap<>();

    static {
        add(new Bundled(LJ_ARGON, "Lennard-Jones argon, eps 0.0104 eV, sigma 3.405 A, cut-off 8.5 A (LAMMPS reference liquid)",
            List.of("Ar"), LjArgon.CUTOFF, () -> LjArgon.forceField(LjArgon.CUTOFF)));
    }

    private static void add(Bundled b) { ALL.put(b.name(), b); }

    private BundledPotentials() {}

    public static Bundled get(String name) { return ALL.get(name); }

    public static List<Bundled> all() { return List.copyOf(ALL.values()); }

    public static List<String> names() { return List.copyOf(ALL.keySet()); }
}
