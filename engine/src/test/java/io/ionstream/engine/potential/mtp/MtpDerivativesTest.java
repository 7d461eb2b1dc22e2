package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Forces against central finite differences of the energy, the virial against finite strains, and
 * MLIP's repulsive radial basis ({@code RBChebyshev_repuls}).
 */
class MtpDerivativesTest {
    static final NeighborSettings ONE_SHOT = new NeighborSettings(0.0, 1, 0, true, 0);

    static Path ref(String p) { return SharedData.file("mtp-reference/" + p); }

    static double energy(MtpPotential pot, AtomSystem sys) {
        ForceEngine e = new ForceEngine(sys.copy(), ForceField.of(pot), ONE_SHOT);
        e.compute();
        return e.energy();
    }

    /** Forces and virial (LAMMPS order) of one evaluation. */
    static double[][] forcesAndVirial(MtpPotential pot, AtomSystem sys) {
        AtomSystem s = sys.copy();
        ForceEngine e = new ForceEngine(s, ForceField.of(pot), ONE_SHOT);
        e.compute();
        return new double[][] {Arrays.copyOf(s.f(), 3 * s.size()), e.virial().clone()};
    }

    /** The system deformed by x_a += eps·x_b (cell and atoms); a ≤ b keeps the cell LAMMPS-aligned. */
    static AtomSystem strained(AtomSystem sys, int a, int b, double eps) {
        AtomSystem s = sys.copy();
        double[][] lat = s.box().latticeVectors();
        for (double[] v : lat) v[a] += eps * v[b];
        Box target = new Box(0, 0, 0, lat[0][0], lat[1][1], lat[2][2], lat[1][0], lat[2][0], lat[2][1]);
        s.box().deformTo(target, s.x(), s.size());
        return s;
    }

    static void checkForcesByFiniteDifferences(MtpPotential pot, AtomSystem sys, int[] atoms, double h, double tol) {
        double[] f = forcesAndVirial(pot, sys)[0];
        for (int i : atoms) {
            for (int d = 0; d < 3; d++) {
                AtomSystem p = sys.copy(), m = sys.copy();
                p.x()[3 * i + d] += h;
                m.x()[3 * i + d] -= h;
                double fd = -(energy(pot, p) - energy(pot, m)) / (2 * h);
                assertEquals(fd, f[3 * i + d], tol, "force component " + d + " of atom " + i);
            }
        }
    }

    static void checkVirialByFiniteStrain(MtpPotential pot, AtomSystem sys, double eps, double tol) {
        double[] w = forcesAndVirial(pot, sys)[1];
        // LAMMPS order xx, yy, zz, xy, xz, yz; W_ab = −dE/dε for x_a += ε x_b (symmetric W)
        int[][] comp = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int k = 0; k < 6; k++) {
            double fd = -(energy(pot, strained(sys, comp[k][0], comp[k][1], eps))
                - energy(pot, strained(sys, comp[k][0], comp[k][1], -eps))) / (2 * eps);
            assertEquals(fd, w[k], tol, "virial component " + k);
        }
    }

    @Test
    void realLithiumPotentialForcesAndVirialAreDerivativesOfTheEnergy() {
        MtpPotential pot = MtpPotential.load(ref("mlip3_Li_example/pot.almtp"), MlipSpecies.named("Li"));
        AtomSystem sys = new MlipCfgReader(MlipSpecies.named("Li")).readAll(ref("mlip3_Li_example/train.cfg")).get(0).system();
        checkForcesByFiniteDifferences(pot, sys, new int[] {0, 17, 101}, 1e-5, 1e-7);
        checkVirialByFiniteStrain(pot, sys, 1e-6, 1e-5);
    }

    @Test
    void fourSpeciesLevel16InATriclinicCellSmallerThanTwiceTheCutoff() {
        MtpModel m = MtpReader.readModel(ref("random4_argyrodite/random4_16.mtp"));
        MtpPotential pot = new MtpPotential(m, MlipSpecies.unnamed(4));
        AtomSystem cubic = new MlipCfgReader(MlipSpecies.unnamed(4)).readAll(ref("random4_argyrodite/lpscl_1x1x1.cfg")).get(0).system();
        // shear the whole crystal (cell and atoms) into a triclinic cell, perturb, then differentiate
        AtomSystem sys = strained(strained(cubic, 0, 1, 0.13), 1, 2, -0.08);
        java.util.Random rnd = new java.util.Random(5);
        for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.05 * rnd.nextGaussian();
        assertTrue(sys.box().minPerpendicularWidth() < 2 * m.maxDist(), "the cell must be smaller than twice the cut-off");
        double[][] fw = forcesAndVirial(pot, sys);
        double fScale = 0, wScale = 0;
        for (double v : fw[0]) fScale = Math.max(fScale, Math.abs(v));
        for (double v : fw[1]) wScale = Math.max(wScale, Math.abs(v));
        checkForcesByFiniteDifferences(pot, sys, new int[] {0, 30, 51}, 1e-4, 1e-7 * fScale);
        checkVirialByFiniteStrain(pot, sys, 1e-5, 1e-7 * wScale);
    }

    @Test
    void repulsiveBasisEqualsChebyshevAboveRminAndAddsMlipsPairTermBelow() {
        MtpModel cheb = MtpReader.readModel(ref("random4_argyrodite/random4_08.mtp"));
        MtpModel rep = cheb.toBuilder().basisType(RadialBasisType.CHEBYSHEV_REPULSIVE).build();
        MlipSpecies sp = MlipSpecies.unnamed(4);
        MlipConfiguration cfg = new MlipCfgReader(sp).readAll(ref("random4_argyrodite/lpscl_1x1x1.cfg")).get(0);
        // every distance in the reference cell is above R_min: both bases give identical numbers
        MtpEvaluator.Result a = new MtpEvaluator(new MtpPotential(cheb, sp)).evaluate(cfg, false);
        MtpEvaluator.Result b = new MtpEvaluator(new MtpPotential(rep, sp)).evaluate(cfg, false);
        assertTrue(minDistance(cfg.system(), cheb.maxDist()) > cheb.minDist());
        assertEquals(a.energy(), b.energy(), 0.0);
        assertTrue(Arrays.equals(a.forces(), b.forces()) && Arrays.equals(a.plusStress(), b.plusStress()));

        // compressed below R_min: with zero moment coefficients the energy is the species terms plus
        // 1e4·(exp(−10(r−1)) − exp(−10(R_min−1))) for every ordered pair closer than R_min
        AtomSystem squeezed = strained(strained(strained(cfg.system(), 0, 0, -0.12), 1, 1, -0.1), 2, 2, -0.11);
        double rmin = rep.minDist();
        assertTrue(minDistance(squeezed, rep.maxDist()) < rmin, "some pairs must come closer than R_min");
        double[] zeros = new double[rep.scalarMoments()];
        MtpModel pairOnly = rep.withCoefficients(rep.radialCoeffs(), rep.speciesCoeffs(), zeros);
        double expected = 0;
        for (int i = 0; i < squeezed.size(); i++) expected += rep.speciesCoeffs()[squeezed.type()[i]];
        for (double r : pairDistances(squeezed, rep.maxDist())) {
            if (r < rmin) expected += 1e4 * (Math.exp(-10 * (r - 1)) - Math.exp(-10 * (rmin - 1)));
        }
        MtpPotential pairPot = new MtpPotential(pairOnly, sp);
        double e = energy(pairPot, squeezed);
        assertEquals(expected, e, 1e-10 * Math.abs(expected));

        // and the full repulsive potential is still exactly differentiable there
        MtpPotential full = new MtpPotential(rep, sp);
        double[][] fw = forcesAndVirial(full, squeezed);
        double fScale = 0, wScale = 0;
        for (double v : fw[0]) fScale = Math.max(fScale, Math.abs(v));
        for (double v : fw[1]) wScale = Math.max(wScale, Math.abs(v));
        checkForcesByFiniteDifferences(full, squeezed, new int[] {0, 24, 28, 48}, 1e-5, 1e-6 * fScale);
        checkVirialByFiniteStrain(full, squeezed, 1e-6, 1e-6 * wScale);
    }

    /** Every ordered pair distance below {@code rc}, images included (brute force over images). */
    static double[] pairDistances(AtomSystem s, double rc) {
        double[][] lat = s.box().latticeVectors();
        int n = s.size();
        int k = (int) Math.ceil(rc / s.box().minPerpendicularWidth()) + 1;
        java.util.List<Double> out = new java.util.ArrayList<>();
        double[] x = s.x();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int a = -k; a <= k; a++)
                    for (int b = -k; b <= k; b++)
                        for (int c = -k; c <= k; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) continue;
                            double dx = x[3 * j] - x[3 * i] + a * lat[0][0] + b * lat[1][0] + c * lat[2][0];
                            double dy = x[3 * j + 1] - x[3 * i + 1] + b * lat[1][1] + c * lat[2][1];
                            double dz = x[3 * j + 2] - x[3 * i + 2] + c * lat[2][2];
                            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                            if (r < rc) out.add(r);
                        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double minDistance(AtomSystem s, double rc) {
        return Arrays.stream(pairDistances(s, rc)).min().orElse(Double.POSITIVE_INFINITY);
    }
}
