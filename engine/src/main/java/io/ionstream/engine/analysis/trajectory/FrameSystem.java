package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.system.AtomSystem;

/** One trajectory frame as an {@link AtomSystem} (positions, types, ids; at rest), for per-frame observables. */
public final class FrameSystem {
    private FrameSystem() {}

    public static AtomSystem of(TrajectoryFrame f) {
        AtomSystem s = new AtomSystem(f.species(), f.box().copy(), f.atoms());
        double[] x = f.x();
        for (int i = 0; i < f.atoms(); i++) {
            int k = s.add(f.type()[i], x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            s.id()[k] = f.id()[i];
        }
        s.wrapAll(); // image counters keep unwrapped positions unwrapped
        return s;
    }
}
