package io.ionstream.engine.analysis.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.structure.TestStructures;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import org.junit.jupiter.api.Test;

class ObservablesTest {

    @Test
    void thermoMatchesTheRunnersOwnSums() {
        AtomSystem s = TestStructures.ljLiquid("Ar");
        Velocities.maxwellBoltzmann(s, 120, 5);
        MdRunner r = new MdRunner(s, ForceField.of(new LjCut(1, 8.5).coeff(0, 0, 0.0104, 3.405)), new VelocityVerlet(0.002),
            NeighborSettings.withSkin(1.0));
        r.forces().setPerAtomEnergy(true);
        r.run(5);
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new ThermoObservable(),
            new ZProfile(new String[] {"Ar"}, 4, true)));
        double[][] v = sampler.sample(r);
        assertEquals(r.temperature(), v[0][0], 1e-10 * r.temperature());
        assertEquals(r.pressure(), v[0][1], 1e-9 * Math.abs(r.pressure()));
        assertEquals(r.potentialEnergy(), v[0][8], 1e-12 * Math.abs(r.potentialEnergy()));
        assertEquals(r.kineticEnergy(), v[0][9], 1e-10 * r.kineticEnergy());
        assertEquals(r.conservedEnergy(), v[0][11], 1e-10 * Math.abs(r.conservedEnergy()));
        // the profile's bins hold every atom and their energies add up to the potential energy
        double n = 0, e = 0;
        for (int b = 0; b < 4; b++) {
            n += v[1][b];
            e += v[1][b] * v[1][8 + b];
        }
        assertEquals(s.size(), n, 0.0);
        assertEquals(r.potentialEnergy(), e, 1e-9 * Math.abs(e));
    }

    /** P with 4, 3, 2, 1, 0 S within 3 Å: α = (8·1 + 6·1 + 4·1 + 2·1 + 0) / (8·5). */
    @Test
    void reductionFractionCountsSulfurAroundPhosphorus() {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li", "P", "S"), Box.orthorhombic(60, 12, 12), 30);
        for (int p = 0; p < 5; p++) {
            double x0 = 6 + 12 * p;
            s.add(1, x0, 6, 6);
            int bonded = 4 - p;
            double[][] dirs = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
            for (int k = 0; k < 4; k++) {
                double r = k < bonded ? 2.05 : 3.4; // a broken bond leaves S beyond 3 Å
                double f = r / Math.sqrt(3);
                s.add(2, x0 + f * dirs[k][0], 6 + f * dirs[k][1], 6 + f * dirs[k][2]);
            }
        }
        ReductionFraction red = new ReductionFraction();
        double[][] v = new ObservableSampler(ObservableSet.of(red)).sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0));
        assertEquals((8 + 6 + 4 + 2) / 40.0, v[0][0], 1e-15);
        for (int k = 1; k <= 5; k++) assertEquals(1.0, v[0][k], 0.0);
    }

    @Test
    void cageJumpsNeedTheCaptureRadiusAndOccupancyIsCounted() {
        // two cages 8 Å apart along x, three Li each
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li", "S"), Box.orthorhombic(16, 12, 12), 8);
        s.add(1, 4, 6, 6);
        s.add(1, 12, 6, 6);
        for (int c = 0; c < 2; c++) {
            double x0 = 4 + 8 * c;
            s.add(0, x0 + 2.3, 6, 6);
            s.add(0, x0, 8.3, 6);
            s.add(0, x0, 6, 8.3);
        }
        long[] centres = {s.id()[0], s.id()[1]};
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new CageObservable(centres, "Li", 5.0, 2.6)));
        GlobalFrame g = new GlobalFrame(0, 0, s.box(), 0);
        double[] v = sampler.sample(s, 0, null, null, g)[0];
        assertEquals(0, v[0]);
        assertEquals(1.0, v[3 + 3], 0.0, "both cages hold three Li");
        // Li 2 (x = 6.3) moves to the midpoint: nearer cage 2 but not captured
        s.x()[3 * 2] = 8.3;
        v = sampler.sample(s, 0, null, null, g)[0];
        assertEquals(0, v[0], "no jump at the midpoint");
        s.x()[3 * 2] = 10.0; // 2 Å from centre 2: captured
        v = sampler.sample(s, 0, null, null, g)[0];
        assertEquals(1, v[0], "one inter-cage jump");
        assertEquals(0.5, v[3 + 2], 0.0);
        assertEquals(0.5, v[3 + 4], 0.0);
        assertEquals(3.0, v[2], 0.0);
    }

    @Test
    void missingInputsAreClearErrors() {
        AtomSystem s = TestStructures.antifluorite(2, 5.7, 0, 0, 0, 0, 1);
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new ZProfile(new String[] {"Li"}, 3, true)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> sampler.sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0)));
        assertTrue(e.getMessage().contains("per-atom energies"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObservableSampler(ObservableSet.of(
            new ZProfile(new String[] {"Na"}, 3, false))).sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0)));
    }

    /** Regions by the reference position, counts by the current one, drift removed by sums. */
    @Test
    void msdPerRegionWithDriftRemoval() {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li", "S"), Box.orthorhombic(20, 20, 40), 4);
        s.add(0, 5, 5, 1);   // GB region (plane at z = 0, slabs of 5 Å)
        s.add(0, 5, 5, 12);  // Far_GB
        s.add(1, 10, 10, 20);
        s.add(1, 10, 10, 30);
        SlabRegions regions = SlabRegions.grainBoundary(new double[] {0}, 5);
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(
            new MsdObservable(new String[] {"Li"}, regions, MsdObservable.Drift.FRAMEWORK)));
        GlobalFrame g = new GlobalFrame(0, 0, s.box(), 0);
        sampler.sample(s, 0, null, null, g);
        // framework drifts +1 along x; Li 1 moves (+1+3, 0, 0), Li 2 moves (+1, 0, +4): into the Bulk slab
        for (int i = 0; i < 4; i++) s.x()[3 * i] += 1;
        s.x()[0] += 3;
        s.x()[3 * 1 + 2] += 4;
        double[] v = sampler.sample(s, 0, null, null, g)[0];
        assertEquals(9.0 / 2, v[0], 1e-12, "x");
        assertEquals(16.0 / 2, v[2], 1e-12, "z");
        assertEquals(25.0 / 2, v[3], 1e-12, "total");
        assertEquals(8.0, v[4], 1e-12, "perp");
        assertEquals(4.5, v[5], 1e-12, "par");
        int gb = 7, far = 7 + 5 * 2, bulk = 7 + 5 * 3;
        assertEquals(9.0, v[gb], 1e-12, "GB total");
        assertEquals(1.0, v[gb + 3], 0.0, "one atom started in GB");
        assertEquals(1.0, v[gb + 4], 0.0, "one atom is in GB now");
        assertEquals(16.0, v[far], 1e-12, "Far_GB total");
        assertEquals(0.0, v[far + 4], 0.0, "it left Far_GB");
        assertEquals(1.0, v[bulk + 4], 0.0, "and is in Bulk now");
    }

    /**
     * In a running simulation the MSD reference lives in the system's per-atom array and follows
     * the atoms through the neighbour list's spatial sorting: the live MSD equals the one computed
     * by global id from the initial unwrapped positions.
     */
    @Test
    void referencePositionsTravelWithAtomsThroughSpatialSorting() {
        AtomSystem s = TestStructures.ljLiquid("Ar");
        Velocities.maxwellBoltzmann(s, 300, 9);
        MdRunner r = new MdRunner(s, ForceField.of(new LjCut(1, 8.5).coeff(0, 0, 0.0104, 3.405)), new VelocityVerlet(0.004),
            NeighborSettings.withSkin(0.5).sortEvery(1));
        java.util.Map<Long, double[]> start = new java.util.HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            double[] u = new double[3];
            s.unwrapped(i, u, 0);
            start.put(s.id()[i], u);
        }
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new MsdObservable(new String[] {"Ar"}, null,
            MsdObservable.Drift.NONE)));
        sampler.initialise(s);
        long[] before = s.id().clone();
        r.run(300);
        assertTrue(!java.util.Arrays.equals(before, java.util.Arrays.copyOf(s.id(), before.length)), "atoms were re-sorted");
        assertTrue(s.hasPerAtom(ObservableSet.STATE_ARRAY));
        double expected = 0;
        double[] u = new double[3];
        for (int i = 0; i < s.size(); i++) {
            s.unwrapped(i, u, 0);
            double[] u0 = start.get(s.id()[i]);
            for (int d = 0; d < 3; d++) expected += (u[d] - u0[d]) * (u[d] - u0[d]);
        }
        expected /= s.size();
        double[] v = sampler.sample(r)[0];
        assertTrue(expected > 1.0, "atoms moved: " + expected);
        assertEquals(expected, v[3], 1e-12 * expected);
    }
}
