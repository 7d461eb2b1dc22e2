package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The same infinite crystal described by a different cell (a triclinic cell spanning the same
 * lattice, a rotated frame, fractional coordinates) must give the same energies, site energies,
 * forces and virial: checks triclinic cells, images in cells smaller than twice the cut-off and
 * the frame handling of MLIP cells against the cubic description verified by the golden files.
 */
class MtpCellDescriptionTest {
    static final MlipSpecies SP = MlipSpecies.unnamed(4);

    static MlipConfiguration cubic() {
        return new MlipCfgReader(SP).readAll(SharedData.file("mtp-reference/random4_argyrodite/lpscl_1x1x1.cfg")).get(0);
    }

    static String cfgText(double[][] lattice, double[] pos, int[] type, boolean direct) {
        StringBuilder sb = new StringBuilder("BEGIN_CFG\n Size\n ").append(type.length).append("\n Supercell\n");
        for (double[] v : lattice) sb.append(String.format(Locale.ROOT, " %.17g %.17g %.17g%n", v[0], v[1], v[2]));
        sb.append(direct ? " AtomData: id type direct_x direct_y direct_z\n" : " AtomData: id type cartes_x cartes_y cartes_z\n");
        for (int i = 0; i < type.length; i++) {
            sb.append(String.format(Locale.ROOT, " %d %d %.17g %.17g %.17g%n", i + 1, type[i], pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]));
        }
        return sb.append("END_CFG\n").toString();
    }

    static MtpEvaluator.Result eval(MlipConfiguration c) {
        MtpModel m = MtpReader.readModel(SharedData.file("mtp-reference/random4_argyrodite/random4_16.mtp"));
        return new MtpEvaluator(new MtpPotential(m, SP)).evaluate(c, false);
    }

    static void assertSame(MtpEvaluator.Result want, MtpEvaluator.Result got, double[] rot, String what) {
        double tol = 1e-10;
        assertEquals(want.energy(), got.energy(), tol * Math.abs(want.energy()), what + " energy");
        double se = MtpGoldenTest.maxAbs(want.siteEnergies()), f = MtpGoldenTest.maxAbs(want.forces()), w = MtpGoldenTest.maxAbs(want.plusStress());
        for (int i = 0; i < want.siteEnergies().length; i++) {
            assertEquals(want.siteEnergies()[i], got.siteEnergies()[i], tol * se, what + " site energy " + i);
            double[] fw = rotate(rot, want.forces(), i);
            for (int d = 0; d < 3; d++) assertEquals(fw[d], got.forces()[3 * i + d], tol * f, what + " force " + i + "/" + d);
        }
        double[][] ww = rotateTensor(rot, want.plusStress());
        double[][] wg = tensor(got.plusStress());
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) assertEquals(ww[a][b], wg[a][b], tol * w, what + " stress " + a + b);
    }

    @Test
    void sameCrystalInASkewedCell() {
        MlipConfiguration c = cubic();
        double[][] l = c.lattice();
        // a' = a, b' = a + b, c' = b + c spans the same lattice (unimodular), strongly skewed
        double[][] skew = {l[0].clone(), add(l[0], l[1]), add(l[1], l[2])};
        double[] x = java.util.Arrays.copyOf(c.system().x(), 3 * c.size());
        int[] t = java.util.Arrays.copyOf(c.system().type(), c.size());
        MlipConfiguration s = new MlipCfgReader(SP).readAll(cfgText(skew, x, t, false), "skewed").get(0);
        assertNull(s.rotation(), "this skewed cell is already LAMMPS-aligned");
        assertSame(eval(c), eval(s), null, "skewed cell");
    }

    @Test
    void sameCrystalInARotatedFrameAndInFractionalCoordinates() {
        MlipConfiguration c = cubic();
        double[][] l = c.lattice();
        double[][] skew = {add(l[0], l[2]), add(l[1], l[0]), l[2].clone()};
        double[] q = rotation(0.3, -1.1, 0.7);
        double[][] rl = new double[3][];
        for (int k = 0; k < 3; k++) rl[k] = apply(q, skew[k]);
        int n = c.size();
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) System.arraycopy(apply(q, new double[] {c.system().x()[3 * i], c.system().x()[3 * i + 1],
            c.system().x()[3 * i + 2]}), 0, x, 3 * i, 3);
        int[] t = java.util.Arrays.copyOf(c.system().type(), n);
        MlipConfiguration r = new MlipCfgReader(SP).readAll(cfgText(rl, x, t, false), "rotated").get(0);
        assertNotNull(r.rotation(), "a rotated cell needs a frame change");
        MtpEvaluator.Result want = eval(c);
        assertSame(want, eval(r), q, "rotated skewed cell");

        // fractional coordinates of the same rotated cell
        double[] frac = fractional(rl, x);
        MlipConfiguration d = new MlipCfgReader(SP).readAll(cfgText(rl, frac, t, true), "direct").get(0);
        assertSame(want, eval(d), q, "fractional coordinates");
    }

    @Test
    void perfectBccLithiumInPrimitiveConventionalAndSuperCells() {
        // one atom in a primitive cell far narrower than the cut-off (all neighbours are its own
        // images), two in the conventional cube, 128 in a 4x4x4 supercell: the same crystal
        MtpModel m = MtpReader.readModel(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
        MlipSpecies li = MlipSpecies.named("Li");
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(m, li));
        double a = 3.44;
        double[][] prim = {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}};
        MtpEvaluator.Result p = eval.evaluate(new MlipCfgReader(li).readAll(cfgText(prim, new double[3], new int[1], false), "prim").get(0), false);
        MtpEvaluator.Result c = eval.evaluate(new MlipCfgReader(li).readAll(cfgText(new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}},
            new double[] {0, 0, 0, a / 2, a / 2, a / 2}, new int[2], false), "cube").get(0), false);
        int k = 4, n = 2 * k * k * k;
        double[] x = new double[3 * n];
        int at = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                for (int l = 0; l < k; l++)
                    for (int b = 0; b < 2; b++) {
                        x[3 * at] = (i + 0.5 * b) * a;
                        x[3 * at + 1] = (j + 0.5 * b) * a;
                        x[3 * at + 2] = (l + 0.5 * b) * a;
                        at++;
                    }
        MtpEvaluator.Result s = eval.evaluate(new MlipCfgReader(li).readAll(cfgText(new double[][] {{k * a, 0, 0}, {0, k * a, 0},
            {0, 0, k * a}}, x, new int[n], false), "super").get(0), false);
        double e = p.energy();
        assertEquals(e, c.energy() / 2, 1e-12 * Math.abs(e), "conventional cell, per atom");
        assertEquals(e, s.energy() / n, 1e-12 * Math.abs(e), "supercell, per atom");
        for (MtpEvaluator.Result r : new MtpEvaluator.Result[] {p, c, s}) {
            for (double f : r.forces()) assertEquals(0, f, 1e-10, "a perfect bcc crystal has no forces");
        }
        // the pressure is the same: trace of the virial per atom
        double wp = p.plusStress()[0] + p.plusStress()[1] + p.plusStress()[2];
        double ws = s.plusStress()[0] + s.plusStress()[1] + s.plusStress()[2];
        assertEquals(wp, ws / n, 1e-10 * Math.abs(wp), "virial per atom");
        assertEquals(s.plusStress()[0], s.plusStress()[1], 1e-10 * Math.abs(wp), "cubic symmetry");
    }

    static double[] fractional(double[][] lat, double[] x) {
        double[][] inv = invert(lat);
        double[] s = new double[x.length];
        for (int i = 0; i < x.length / 3; i++)
            for (int k = 0; k < 3; k++) s[3 * i + k] = x[3 * i] * inv[0][k] + x[3 * i + 1] * inv[1][k] + x[3 * i + 2] * inv[2][k];
        return s;
    }

    static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                r[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
            }
        return r;
    }

    static double[] add(double[] a, double[] b) { return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    static double[] rotation(double ax, double ay, double az) {
        double[] rx = {1, 0, 0, 0, Math.cos(ax), -Math.sin(ax), 0, Math.sin(ax), Math.cos(ax)};
        double[] ry = {Math.cos(ay), 0, Math.sin(ay), 0, 1, 0, -Math.sin(ay), 0, Math.cos(ay)};
        double[] rz = {Math.cos(az), -Math.sin(az), 0, Math.sin(az), Math.cos(az), 0, 0, 0, 1};
        return mul(rz, mul(ry, rx));
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return c;
    }

    static double[] apply(double[] q, double[] v) {
        return new double[] {q[0] * v[0] + q[1] * v[1] + q[2] * v[2], q[3] * v[0] + q[4] * v[1] + q[5] * v[2],
            q[6] * v[0] + q[7] * v[1] + q[8] * v[2]};
    }

    static double[] rotate(double[] q, double[] f, int i) {
        double[] v = {f[3 * i], f[3 * i + 1], f[3 * i + 2]};
        return q == null ? v : apply(q, v);
    }

    static double[][] tensor(double[] s) {
        // MLIP order xx yy zz yz xz xy
        return new double[][] {{s[0], s[5], s[4]}, {s[5], s[1], s[3]}, {s[4], s[3], s[2]}};
    }

    static double[][] rotateTensor(double[] q, double[] s) {
        double[][] w = tensor(s);
        if (q == null) return w;
        double[][] o = new double[3][3];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                for (int c = 0; c < 3; c++)
                    for (int d = 0; d < 3; d++) o[a][b] += q[3 * a + c] * w[c][d] * q[3 * b + d];
        return o;
    }
}
