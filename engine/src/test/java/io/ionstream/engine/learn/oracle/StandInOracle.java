package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpPotential;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in "DFT code" for the external-command protocol: reads {@code $IONSTREAM_INPUT},
 * evaluates a known MTP and writes {@code $IONSTREAM_OUTPUT}. Usage: {@code StandInOracle
 * potential.mtp}; species from {@code $IONSTREAM_SPECIES}.
 */
public final class StandInOracle {
    private StandInOracle() {}

    public static void main(String[] args) {
        MlipSpecies species = MlipSpecies.parse(System.getenv("IONSTREAM_SPECIES"));
        MtpPotential pot = MtpPotential.load(Path.of(args[0]), species);
        MlipConfiguration in = new MlipCfgReader(species).readAll(Path.of(System.getenv("IONSTREAM_INPUT"))).get(0);
        MtpEvaluator.Result r = new MtpEvaluator(pot).evaluate(in, false);
        MlipCfgWriter.writeAll(Path.of(System.getenv("IONSTREAM_OUTPUT")),
            List.of(in.withEnergyForcesStress(r.energy(), r.forces(), r.plusStress())));
    }
}
