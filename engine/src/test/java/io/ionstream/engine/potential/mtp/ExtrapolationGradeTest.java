package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MaxVol extrapolation grades against MLIP-3's {@code graded.cfg}, the active set's own rows, and
 * the MLIP-2 {@code .als} layout.
 */
class ExtrapolationGradeTest {
    static final MlipSpecies LI = MlipSpecies.named("Li");

    static Path dir() { return SharedData.file("mtp-reference/mlip3_Li_example"); }

    @Test
    void readsTheMlip3ActiveSet() {
        MtpReader.MtpFile file = MtpReader.read(dir().resolve("pot.almtp"));
        ActiveSet set = file.activeSet();
        assertNotNull(set, "pot.almtp carries an active set");
        assertEquals(ActiveSet.Format.MLIP3_MVS, set.format());
        assertEquals(file.model().coefficientCount(), set.size());
        assertTrue(set.gradesNeighborhoods() && !set.gradesEnergy(), "MLIP-3's default: neighbourhood selection");
        // A times the stored inverse transposed is the identity: the layout is read the right way round
        double[] a = set.matrix(), inv = set.storedInverse();
        int n = set.size();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += a[i * n + j] * inv[k * n + j];
                worst = Math.max(worst, Math.abs(s - (i == k ? 1 : 0)));
            }
        }
        assertTrue(worst < 1e-8, "A·invAᵀ deviates from I by " + worst);
    }

    @Test
    void neighbourhoodGradesMatchMlip3() {
        MtpPotential pot = MtpPotential.load(dir().resolve("pot.almtp"), LI);
        MtpEvaluator eval = new MtpEvaluator(pot);
        List<MlipConfiguration> graded = new MlipCfgReader(LI).readAll(dir().resolve("graded.cfg"));
        assertEquals(2, graded.size());
        for (int c = 0; c < graded.size(); c++) {
            MlipConfiguration cfg = graded.get(c);
            double[] want = cfg.atomColumns().get("nbh_grades");
            assertNotNull(want, "graded.cfg has an nbh_grades column");
            MtpEvaluator.Result r = eval.evaluate(cfg, true);
            // MLIP prints grades with 5 decimals and MV_grade with 6
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], r.grades()[i], 0.5e-5 * (1 + 1e-9), "cfg " + c + " atom " + cfg.system().id()[i]);
            }
            double mv = Double.parseDouble(cfg.features().get("MV_grade"));
            assertEquals(mv, r.configurationGrade(), 0.5e-6 * (1 + 1e-9), "cfg " + c + " MV_grade");
        }
    }

    @Test
    void activeSetRowsAreTheGradientsOfTheirNeighbourhoodsAndGradeOne() {
        MtpReader.MtpFile file = MtpReader.read(dir().resolve("pot.almtp"));
        ActiveSet set = file.activeSet();
        MtpPotential pot = new MtpPotential(file.model(), LI);
        pot.setActiveSet(set);
        MtpEvaluator eval = new MtpEvaluator(pot);
        List<MlipConfiguration> selected = new MlipCfgReader(LI).readAll(set.selectedConfigurationsText(), "pot.almtp");
        assertEquals(2, selected.size());
        int n = set.size(), checked = 0;
        double[] a = set.matrix();
        for (int row = 0; row < n; row++) {
            int c = set.configurationOf(row);
            if (c < 0) {
                // an initial row of MaxVol: a multiple of a unit vector
                int nonzero = 0;
                for (int j = 0; j < n; j++) if (a[row * n + j] != 0) nonzero++;
                assertEquals(1, nonzero, "initial row " + row);
                continue;
            }
            MlipConfiguration cfg = selected.get(c);
            int atoms = cfg.size();
            // MLIP-3 numbers a configuration's equations: energy, 3N forces, 9 stresses, then N sites
            int atom = set.equationOf(row) - (1 + 3 * atoms + 9);
            assertTrue(atom >= 0 && atom < atoms, "row " + row + " names equation " + set.equationOf(row));
            MtpEvaluator.Result r = eval.evaluate(cfg, true);
            double[] b = pot.siteEnergyGradient(atom);
            double scale = 0;
            for (int j = 0; j < n; j++) scale = Math.max(scale, Math.abs(a[row * n + j]));
            for (int j = 0; j < n; j++) {
                assertEquals(a[row * n + j], b[j], 1e-12 * scale, "active-set row " + row + ", coefficient " + j);
            }
            assertEquals(1.0, r.grades()[atom], 1e-8, "grade of the neighbourhood of active-set row " + row);
            checked++;
        }
        assertTrue(checked >= n / 2, "checked " + checked + " rows");
    }

    @Test
    void mlip2ActiveSetFileGivesTheSameGrades() throws Exception {
        byte[] almtp = Files.readAllBytes(dir().resolve("pot.almtp"));
        MtpReader.MtpFile three = MtpReader.read(almtp, "pot.almtp");
        ActiveSet set = three.activeSet();
        int n = set.size();
        // the .als layout: MTP text, "\n^", site/energy/force/stress weights, "\n#", A, invA, "\n", row links, cfgs
        String text = new String(almtp, 0, MtpReader.indexOf(almtp, "#MVS".getBytes(StandardCharsets.US_ASCII), 0),
            StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text.stripTrailing().getBytes(StandardCharsets.US_ASCII));
        out.write("\n^".getBytes(StandardCharsets.US_ASCII));
        out.write(doubles(new double[] {1, 0, 0, 0}));
        out.write("\n#".getBytes(StandardCharsets.US_ASCII));
        out.write(doubles(set.matrix()));
        out.write(doubles(set.storedInverse()));
        StringBuilder links = new StringBuilder("\n");
        for (int r = 0; r < n; r++) links.append(r).append(' ').append(Math.max(set.configurationOf(r), 0)).append('\n');
        links.append(set.selectedConfigurationsText());
        out.write(links.toString().getBytes(StandardCharsets.UTF_8));
        MtpReader.MtpFile two = MtpReader.read(out.toByteArray(), "synthetic.als");
        ActiveSet als = two.activeSet();
        assertEquals(ActiveSet.Format.MLIP2_ALS, als.format());
        assertEquals(three.model(), two.model());
        assertArrayEquals(set.matrix(), als.matrix());
        assertArrayEquals(set.storedInverse(), als.storedInverse());
        assertTrue(als.gradesNeighborhoods() && !als.gradesEnergy());

        MlipConfiguration cfg = new MlipCfgReader(LI).readAll(dir().resolve("train.cfg")).get(0);
        MtpPotential p3 = new MtpPotential(three.model(), LI), p2 = new MtpPotential(two.model(), LI);
        p3.setActiveSet(set);
        p2.setActiveSet(als);
        assertArrayEquals(new MtpEvaluator(p3).evaluate(cfg, true).grades(), new MtpEvaluator(p2).evaluate(cfg, true).grades());
    }

    @Test
    void energyOnlyActiveSetGradesTheConfigurationRow() {
        MtpReader.MtpFile file = MtpReader.read(dir().resolve("pot.almtp"));
        ActiveSet nbh = file.activeSet();
        int n = nbh.size();
        ActiveSet energy = new ActiveSet(ActiveSet.Format.MLIP3_MVS, 1.5, 0, 0, 0, 2, n, nbh.matrix(), nbh.storedInverse(),
            new int[n], new int[n], "");
        MtpPotential pot = new MtpPotential(file.model(), LI);
        pot.setActiveSet(nbh);
        MlipConfiguration cfg = new MlipCfgReader(LI).readAll(dir().resolve("train.cfg")).get(1);
        new MtpEvaluator(pot).evaluate(cfg, true);
        double[] sum = new double[n];
        for (int i = 0; i < cfg.size(); i++) {
            double[] b = pot.siteEnergyGradient(i);
            for (int j = 0; j < n; j++) sum[j] += b[j];
        }
        for (int j = 0; j < n; j++) sum[j] *= 1.5 / cfg.size();
        double expected = energy.grade(sum);
        pot.setActiveSet(energy);
        MtpEvaluator.Result r = new MtpEvaluator(pot).evaluate(cfg, true);
        assertEquals(expected, r.configurationGrade(), 1e-12 * expected);
        assertEquals(null, r.grades(), "an energy-only set grades configurations, not atoms");
    }

    @Test
    void fourSpeciesGradesEqualTheDefinitionOnFullRows() {
        // a random active set of full size for a 4-species potential: the blocked, species-sorted
        // grade kernel must agree with γ = max_k |(b·A⁻¹)_k| on the full-length rows
        MtpModel m = MtpReader.readModel(SharedData.file("mtp-reference/random4_argyrodite/random4_08.mtp"));
        int n = m.coefficientCount();
        java.util.Random rnd = new java.util.Random(3);
        double[] a = new double[n * n], inv = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        for (int i = 0; i < inv.length; i++) inv[i] = rnd.nextGaussian();
        ActiveSet set = ActiveSet.neighborhoods(n, a, inv);
        MlipSpecies sp = MlipSpecies.unnamed(4);
        MtpPotential pot = new MtpPotential(m, sp);
        pot.setActiveSet(set);
        MlipConfiguration cfg = new MlipCfgReader(sp).readAll(SharedData.file("mtp-reference/random4_argyrodite/lpscl_1x1x1.cfg")).get(0);
        MtpEvaluator.Result r = new MtpEvaluator(pot).evaluate(cfg, true);
        double max = 0;
        for (int i = 0; i < cfg.size(); i++) {
            double g = set.grade(pot.siteEnergyGradient(i));
            assertEquals(g, r.grades()[i], 1e-12 * g, "atom " + i + " (type " + cfg.system().type()[i] + ")");
            max = Math.max(max, g);
        }
        assertEquals(max, r.configurationGrade(), 1e-12 * max);
    }

    @Test
    void coefficientGradientIsTheDerivativeOfTheSiteEnergies() {
        // central differences in the coefficients of a 4-species potential, in MLIP's coefficient order
        MtpModel m = MtpReader.readModel(SharedData.file("mtp-reference/random4_argyrodite/random4_08.mtp"));
        int n = m.coefficientCount(), nr = m.radialCoeffCount(), c = m.speciesCount();
        MlipSpecies sp = MlipSpecies.unnamed(4);
        MlipConfiguration cfg = new MlipCfgReader(sp).readAll(SharedData.file("mtp-reference/random4_argyrodite/lpscl_1x1x1.cfg")).get(0);
        MtpPotential pot = new MtpPotential(m, sp);
        pot.setActiveSet(ActiveSet.neighborhoods(n, identity(n), identity(n)));
        double[] site = new MtpEvaluator(pot).evaluate(cfg, true).siteEnergies();
        int[] atoms = {0, 24, 28, 48}; // one of each species
        double[][] grad = new double[atoms.length][];
        for (int a = 0; a < atoms.length; a++) grad[a] = pot.siteEnergyGradient(atoms[a]);
        int per = nr / (c * c);
        int[] coeffs = {0, 5, per + 3, 2 * per + 1, 5 * per + 7, 10 * per + 2, 15 * per + per - 1, nr, nr + 2, nr + c, n - 1};
        for (int j : coeffs) {
            double h = 1e-6;
            double[] ep = perturbedSiteEnergies(m, sp, cfg, j, h), em = perturbedSiteEnergies(m, sp, cfg, j, -h);
            for (int a = 0; a < atoms.length; a++) {
                double fd = (ep[atoms[a]] - em[atoms[a]]) / (2 * h);
                assertEquals(fd, grad[a][j], 1e-6 * (1 + Math.abs(site[atoms[a]])), "dV(atom " + atoms[a] + ")/dθ_" + j);
            }
        }
    }

    static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        return a;
    }

    static double[] perturbedSiteEnergies(MtpModel m, MlipSpecies sp, MlipConfiguration cfg, int j, double h) {
        double[] r = m.radialCoeffs(), s = m.speciesCoeffs(), mc = m.momentCoeffs();
        int nr = r.length, c = s.length;
        if (j < nr) r[j] += h;
        else if (j < nr + c) s[j - nr] += h;
        else mc[j - nr - c] += h;
        return new MtpEvaluator(new MtpPotential(m.withCoefficients(r, s, mc), sp)).evaluate(cfg, false).siteEnergies();
    }

    @Test
    void forceSelectedActiveSetsAreRefused() {
        MtpReader.MtpFile file = MtpReader.read(dir().resolve("pot.almtp"));
        ActiveSet nbh = file.activeSet();
        int n = nbh.size();
        ActiveSet forces = new ActiveSet(ActiveSet.Format.MLIP3_MVS, 1, 0.01, 0, 0, 2, n, nbh.matrix(), nbh.storedInverse(),
            new int[n], new int[n], "");
        MtpPotential pot = new MtpPotential(file.model(), LI);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pot.setActiveSet(forces));
        assertTrue(e.getMessage().contains("force"), e.getMessage());
    }

    static byte[] doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) b.putDouble(d);
        return b.array();
    }
}
