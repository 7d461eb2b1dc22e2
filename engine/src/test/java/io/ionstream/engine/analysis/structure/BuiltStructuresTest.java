package io.ionstream.engine.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.ObservableSampler;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.analysis.live.ReductionFraction;
import io.ionstream.engine.analysis.live.SerialView;
import io.ionstream.engine.structure.AnionDisorderSpec;
import io.ionstream.engine.structure.StructurePresets;
import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/**
 * The analyses on the project's own built structures: the pristine argyrodite is unreduced
 * (α = 0) and not crystalline in the antifluorite sense (its anions are not an fcc lattice), Li₂S
 * is fully crystalline, and the 4c cage centres are found whatever anion sits there.
 */
class BuiltStructuresTest {

    private static double[] reductionAndCrystallinity(AtomSystem s) {
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new ReductionFraction(), new CrystallinityObservable()));
        double[][] v = sampler.sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0));
        return new double[] {v[0][0], v[1][0]};
    }

    @Test
    void pristineArgyroditeIsUnreducedAndNotAntifluorite() {
        AtomSystem s = StructurePresets.build("li6ps5cl", StructurePresets.Settings.defaults().withSupercell(2, 2, 2)).system();
        double[] v = reductionAndCrystallinity(s);
        assertEquals(0.0, v[0], 0.0, "every P has its four S");
        assertEquals(0.0, v[1], 0.0, "argyrodite anions are not an fcc lattice");
    }

    @Test
    void builtLi2sIsFullyCrystalline() {
        AtomSystem s = StructurePresets.build("li2s", StructurePresets.Settings.defaults().withSupercell(3, 3, 3)).system();
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(new CrystallinityObservable()));
        assertEquals(1.0, sampler.sample(s, 0, null, null, new GlobalFrame(0, 0, s.box(), 0))[0][0], 0.0);
    }

    @Test
    void cageCentresInOrderedAndDisorderedArgyrodite() {
        for (double disorder : new double[] {0, 0.5}) {
            var settings = StructurePresets.Settings.defaults().withSupercell(2, 2, 2);
            if (disorder > 0) settings = settings.withDisorder(new AnionDisorderSpec.RandomFraction(disorder));
            AtomSystem s = StructurePresets.build("li6ps5cl", settings).system();
            long[] c = CageCentres.find(new SerialView().build(s, CageCentres.P_SHELL_RADIUS), "P", new String[] {"S", "Cl"});
            assertEquals(32, c.length, "4 cages per conventional cell, disorder " + disorder);
            int cl = 0;
            for (long id : c) if (s.species().symbol(s.type()[s.indexOfId(id)]).equals("Cl")) cl++;
            assertTrue(disorder == 0 ? cl == 0 : cl > 0, "Cl on 4c with disorder " + disorder + ": " + cl);
        }
    }
}
