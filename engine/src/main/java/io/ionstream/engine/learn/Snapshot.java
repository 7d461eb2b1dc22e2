package io.ionstream.engine.learn;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.system.AtomSystem;
import java.util.Map;

/**
 * An engine {@link AtomSystem} as an unlabelled MLIP configuration: a copy of its atoms (types are
 * the system's type indices, which are the MLIP types when the system's species are in the
 * potential's order), its LAMMPS-aligned cell as the {@code Supercell}, no energy, forces or stress.
 */
public final class Snapshot {
    private Snapshot() {}

    public static MlipConfiguration of(AtomSystem sys) {
        return of(sys, Map.of());
    }

    /** The same, carrying {@code features} (e.g. where the snapshot came from). */
    public static MlipConfiguration of(AtomSystem sys, Map<String, String> features) {
        AtomSystem c = new AtomSystem(sys.species(), sys.box().copy(), Math.max(1, sys.size()));
        for (int i = 0; i < sys.size(); i++) {
            c.add(sys.type()[i], sys.x()[3 * i], sys.x()[3 * i + 1], sys.x()[3 * i + 2]);
            c.id()[i] = i + 1;
        }
        return new MlipConfiguration(c, null, c.box().latticeVectors(), Double.NaN, null, null, features, Map.of(), 0);
    }
}
