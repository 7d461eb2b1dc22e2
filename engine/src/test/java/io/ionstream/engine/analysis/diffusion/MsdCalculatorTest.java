package io.ionstream.engine.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.engine.io.TrajectoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MsdCalculatorTest {

    static Trajectory ljLiquid(DriftReference drift) {
        Path dump = SharedData.file("lammps-reference/lj_liquid_traj.dump");
        return new TrajectoryLoader().drift(drift).timestep(0.002)
            .load(List.of(new TrajectorySource(dump.toString(), () -> TrajectoryFiles.open(dump, new String[] {"Ar"}))));
    }

    /** LAMMPS compute msd com yes (single origin, centre of mass removed) on in.msd's NVE run. */
    @Test
    void singleOriginWithCentreOfMassRemovedMatchesLammps() throws Exception {
        Trajectory t = ljLiquid(DriftReference.ALL_ATOMS);
        Msd msd = MsdCalculator.singleOrigin(t, t.all(), true);
        List<String> rows = Files.readAllLines(SharedData.file("lammps-reference/lj_liquid_thermo.txt"));
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.strip().split("\\s+");
            long step = Long.parseLong(f[0]);
            int frame = (int) (step / 250);
            assertEquals(step * 0.002, msd.time()[frame], 1e-9);
            double[] ours = {msd.x()[frame], msd.y()[frame], msd.z()[frame], msd.total()[frame]};
            for (int c = 0; c < 4; c++) {
                double ref = Double.parseDouble(f[6 + c]);
                assertEquals(ref, ours[c], 1e-9 * Math.abs(ref) + 1e-12, "c_msd[" + (c + 1) + "] at step " + step);
            }
            checked++;
        }
        assertEquals(101, checked);
    }

    @Test
    void fftAllOriginsEqualsTheDirectSum() {
        Trajectory t = ljLiquid(DriftReference.ALL_ATOMS);
        int[] some = java.util.Arrays.copyOf(t.all(), 40);
        for (boolean drift : new boolean[] {false, true}) {
            Msd fast = MsdCalculator.allOrigins(t, some, drift);
            Msd slow = MsdCalculator.allOriginsDirect(t, some, drift);
            for (int m = 0; m < fast.lags(); m++) {
                assertEquals(slow.x()[m], fast.x()[m], 1e-10 * (1 + slow.x()[m]), "x at lag " + m);
                assertEquals(slow.y()[m], fast.y()[m], 1e-10 * (1 + slow.y()[m]), "y at lag " + m);
                assertEquals(slow.z()[m], fast.z()[m], 1e-10 * (1 + slow.z()[m]), "z at lag " + m);
            }
        }
    }

    @Test
    void allOriginsAtTheLastLagIsTheSingleOriginValue() {
        // with one origin left, both estimators see the same displacement
        Trajectory t = ljLiquid(DriftReference.ALL_ATOMS);
        Msd all = MsdCalculator.allOrigins(t, t.all(), true);
        Msd one = MsdCalculator.singleOrigin(t, t.all(), true);
        int last = t.frames() - 1;
        assertEquals(one.total()[last], all.total()[last], 1e-9 * one.total()[last]);
    }
}
