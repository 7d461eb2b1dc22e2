package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import java.nio.file.Path;

/**
 * A source of reference labels (energy, forces, stress) for configurations: DFT, a tight-binding
 * code, a user's script. Implementations run one calculation per call in the given work folder
 * (they may leave their files there for inspection) and either return a complete {@link Label}
 * or throw an {@link OracleException} saying why not; a failed calculation never yields numbers.
 */
public interface Oracle {
    /** One line naming the method and its settings, written into logs and provenance. */
    String describe();

    /**
     * Labels one configuration. Forces and PlusStress of the result are in the configuration's
     * file frame and atom order (as {@link MlipConfiguration#forces()} would hold them).
     *
     * @param workDir an empty or non-existent folder the oracle may use
     */
    Label label(MlipConfiguration configuration, Path workDir) throws OracleException;
}
