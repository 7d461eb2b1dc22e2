package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.analysis.live.CageObservable;
import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.MsdObservable;
import io.ionstream.engine.analysis.live.ObservableSampler;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.analysis.live.RdfObservable;
import io.ionstream.engine.analysis.live.SlabRegions;
import io.ionstream.engine.analysis.live.ThermoObservable;
import io.ionstream.engine.analysis.live.ZProfile;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live observables of {@code engine.analysis.live} computed by the subdomains (partial sums
 * riding in their reports, per-atom state migrating with the atoms, neighbours from the halo,
 * per-atom energies folded back like forces) give the serial sampler's values.
 */
class LiveObservablesOnSubdomainsTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() { kit = ActorTestKit.create(); }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    private static Supplier<ObservableSet> observables(long[] centres, double lz) {
        return () -> ObservableSet.of(
            new ThermoObservable(),
            new MsdObservable(new String[] {"Kr"}, SlabRegions.grainBoundary(new double[] {0.25 * lz, 0.75 * lz}, 3.0),
                MsdObservable.Drift.FRAMEWORK),
            new ZProfile(new String[] {"Ar"}, 5, true),
            new RdfObservable("Ar", "Kr", 6.0, 30),
            new CrystallinityObservable(new String[] {"Ar", "Kr"}, 4.5),
            new CageObservable(centres, "Kr", 4.0, 2.0));
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8})
    void subdomainsGiveTheSerialSamplersValues(int subdomains) throws Exception {
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar", "Kr"), 4, 4, 4, 5.3, 0.1, 250, 31, null);
        List<Long> ar = new ArrayList<>();
        for (int i = 0; i < sys.size(); i++) if (sys.type()[i] == 0 && ar.size() < 20) ar.add(sys.id()[i]);
        long[] centres = ar.stream().mapToLong(Long::longValue).toArray();
        Supplier<ObservableSet> set = observables(centres, sys.box().lz());
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        Supplier<io.ionstream.engine.md.Integrator> nvt = () -> NoseHoover.nvt(0.005, Thermostat.at(250, 0.1));

        MdRunner serial = new MdRunner(sys.copy(), TestSystems.binaryLj(), nvt.get(), ns);
        serial.forces().setPerAtomEnergy(true);
        serial.setup();
        ObservableSampler sampler = new ObservableSampler(set.get());
        List<double[][]> expected = new ArrayList<>();
        for (int step = 0; step <= 60; step++) {
            if (step > 0) serial.step();
            if (step % 15 == 0) {
                double[][] v = sampler.sample(serial);
                double[][] copy = new double[v.length][];
                for (int k = 0; k < v.length; k++) copy[k] = v[k].clone();
                expected.add(copy);
            }
        }

        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::binaryLj, nvt), ns, 60, subdomains, 60,
            new ObservablePlan(set, 15));
        DomainResult r = DomainRun.run(kit.system(), job, List.of(), null, Duration.ofMinutes(2));
        assertEquals(expected.size(), r.observables().size(), "samples at steps 0, 15, 30, 45, 60");
        assertTrue(r.rebuilds() > 2, "atoms migrated with their observable state: " + r.rebuilds() + " rebuilds");
        for (int s = 0; s < expected.size(); s++) {
            ObservableSample got = r.observables().get(s);
            assertEquals(15L * s, got.step());
            for (int k = 0; k < expected.get(s).length; k++) {
                String name = got.set().observables().get(k).name();
                String[] names = got.set().observables().get(k).valueNames();
                for (int i = 0; i < expected.get(s)[k].length; i++) {
                    double want = expected.get(s)[k][i];
                    assertEquals(want, got.values()[k][i], 1e-8 * Math.abs(want) + 1e-9,
                        name + "." + names[i] + " at step " + got.step() + " on " + subdomains + " subdomains");
                }
            }
        }
        assertTrue(r.observables().get(4).value("msd", "msd_total_A2") > 0, "the Kr atoms moved");
        // at 250 K these LJ atoms melt: the observables see a crystal turn into a liquid
        double c0 = r.observables().get(0).value("crystallinity", "crystallinity");
        double c4 = r.observables().get(4).value("crystallinity", "crystallinity");
        assertTrue(c0 > 0.9 && c4 < c0, "crystallinity " + c0 + " -> " + c4);
    }
}
