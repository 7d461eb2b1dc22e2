package io.ionstream.engine.analysis.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live MSD and RDF observables fed the LAMMPS liquid frames reproduce LAMMPS's computes. */
class LiveObservablesLammpsTest {
    private static final List<DumpFrame> FRAMES = LammpsDumpReader.readAll(SharedData.file("lammps-reference/lj_liquid_traj.dump"));

    private static AtomSystem system(DumpFrame f) {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Ar"), f.box(), f.atoms());
        double[] x = f.interleaved("xu", "yu", "zu");
        double[] id = f.column("id");
        for (int i = 0; i < f.atoms(); i++) {
            int k = s.add(0, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            s.id()[k] = (long) id[i];
        }
        s.wrapAll(); // image counters keep the unwrapped coordinates
        return s;
    }

    @Test
    void liveMsdWithCentreOfMassRemovedMatchesComputeMsdComYes() throws Exception {
        MsdObservable msd = new MsdObservable(new String[] {"Ar"}, null, MsdObservable.Drift.ALL_ATOMS);
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(msd));
        sampler.initialise(system(FRAMES.get(0)));
        List<String> rows = Files.readAllLines(SharedData.file("lammps-reference/lj_liquid_thermo.txt"));
        for (int f = 0; f < FRAMES.size(); f++) {
            AtomSystem s = system(FRAMES.get(f));
            double[] v = sampler.sample(s, 0, null, null, new GlobalFrame(FRAMES.get(f).timestep(), 0, s.box(), 0))[0];
            String[] ref = rows.get(1 + f).strip().split("\\s+");
            assertEquals(Long.parseLong(ref[0]), FRAMES.get(f).timestep());
            for (int c = 0; c < 4; c++) {
                double r = Double.parseDouble(ref[6 + c]);
                assertEquals(r, v[c], 1e-9 * Math.abs(r) + 1e-12, "c_msd[" + (c + 1) + "] at step " + ref[0]);
            }
        }
    }

    @Test
    void liveRdfAveragedOverFramesMatchesComputeRdf() throws Exception {
        RdfObservable rdf = new RdfObservable("*", "*", 8.0, 200);
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(rdf));
        double[] mean = new double[400];
        int frames = 0;
        for (int f = 1; f < FRAMES.size(); f++) { // fix ave/time 250 100 25000: steps 250 … 25000
            AtomSystem s = system(FRAMES.get(f));
            double[] g = sampler.sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0))[0];
            for (int k = 0; k < 400; k++) mean[k] += g[k];
            frames++;
        }
        List<String> rows = Files.readAllLines(SharedData.file("lammps-reference/lj_rdf.txt"));
        int checked = 0;
        for (String row : rows) {
            String[] f = row.strip().split("\\s+");
            if (row.startsWith("#") || f.length != 4) continue;
            int k = Integer.parseInt(f[0]) - 1;
            assertEquals(Double.parseDouble(f[1]), rdf.r(k), 1e-9, "bin centre " + k);
            double g = Double.parseDouble(f[2]), coord = Double.parseDouble(f[3]);
            // the file prints 6 significant digits (%g): half a unit of the last one
            assertEquals(g, mean[k] / frames, 5.000001e-6 * Math.abs(g) + 1e-300, "g(r) in bin " + k);
            assertEquals(coord, mean[200 + k] / frames, 5.000001e-6 * Math.abs(coord) + 1e-300, "coordination in bin " + k);
            checked++;
        }
        assertEquals(200, checked);
    }
}
