package io.ionstream.engine.learn.fit;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training configurations with their neighbour geometry worked out once: positions do not change
 * while coefficients are fitted, so each site's neighbours (every atom or periodic image strictly
 * closer than R_cut, as MLIP counts them) are stored as relative vectors, distances, the Chebyshev
 * basis Q_β(r) and Q'_β(r) without the model's scaling (which training may change), the neighbour's species and the index of the
 * atom it is an image of. Everything is in the configuration's file frame, the frame of its
 * reference forces and stress.
 */
final class TrainingSet {
    /** One configuration: reference data and flat neighbour arrays (site i owns rows off[i] .. off[i+1]). */
    static final class Config {
        final int atoms;
        final int[] type;
        final double energy;
        final double[] forces, stress;
        final int[] off;
        final double[] d, r, q, dq;
        final int[] nbType, nbOwner;

        Config(int atoms, int[] type, double energy, double[] forces, double[] stress, int[] off, double[] d, double[] r,
               double[] q, double[] dq, int[] nbType, int[] nbOwner) {
            this.atoms = atoms;
            this.type = type;
            this.energy = energy;
            this.forces = forces;
            this.stress = stress;
            this.off = off;
            this.d = d;
            this.r = r;
            this.q = q;
            this.dq = dq;
            this.nbType = nbType;
            this.nbOwner = nbOwner;
        }

        int neighbours() { return off[atoms]; }
    }

    final TrainingPlan plan;
    final List<Config> configs;
    final int totalAtoms;
    final double minDistance;

    private TrainingSet(TrainingPlan plan, List<Config> configs) {
        this.plan = plan;
        this.configs = configs;
        int n = 0;
        double dmin = Double.POSITIVE_INFINITY;
        for (Config c : configs) {
            n += c.atoms;
            for (int k = 0; k < c.neighbours(); k++) dmin = Math.min(dmin, c.r[k]);
        }
        totalAtoms = n;
        minDistance = dmin;
    }

    /**
     * The geometry of {@code cfgs} for a model with {@code plan}'s cut-offs and basis. Every
     * configuration needs an energy and forces; stress is optional.
     */
    static TrainingSet of(TrainingPlan plan, List<MlipConfiguration> cfgs, String source) {
        List<Config> out = new ArrayList<>(cfgs.size());
        for (int k = 0; k < cfgs.size(); k++) out.add(config(plan, cfgs.get(k), source + " configuration " + (k + 1)));
        return new TrainingSet(plan, out);
    }

    static Config config(TrainingPlan plan, MlipConfiguration c, String where) {
        if (!c.hasEnergy()) throw new IllegalArgumentException(where + " (line " + c.line() + ") has no energy");
        if (c.forces() == null) throw new IllegalArgumentException(where + " (line " + c.line() + ") has no forces");
        AtomSystem sys = c.system();
        int n = sys.size();
        if (n == 0) throw new IllegalArgumentException(where + " has no atoms");
        int[] type = Arrays.copyOf(sys.type(), n);
        for (int t : type) {
            if (t >= plan.species) {
                throw new IllegalArgumentException(where + " has type " + t + " but the potential has " + plan.species + " species");
            }
        }
        double[] x = Arrays.copyOf(sys.x(), 3 * n);
        c.toFileFrame(x, n);
        double[][] lat = c.lattice();
        double rc = plan.maxDist, rc2 = rc * rc;
        int[] range = {0, 0, 0};
        if (lat != null) {
            double[][] recip = reciprocalRows(lat);
            for (int a = 0; a < 3; a++) {
                // planes of lattice direction a are 1/|b_a| apart; images up to rc away need ceil(rc·|b_a|) + 1
                double len = Math.sqrt(recip[a][0] * recip[a][0] + recip[a][1] * recip[a][1] + recip[a][2] * recip[a][2]);
                range[a] = (int) Math.ceil(rc * len) + 1;
            }
        }
        Grow g = new Grow(n * 32);
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double bx = x[3 * j] - x[3 * i], by = x[3 * j + 1] - x[3 * i + 1], bz = x[3 * j + 2] - x[3 * i + 2];
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int cc = -range[2]; cc <= range[2]; cc++) {
                            if (i == j && a == 0 && b == 0 && cc == 0) continue;
                            double dx = bx, dy = by, dz = bz;
                            if (lat != null) {
                                dx += a * lat[0][0] + b * lat[1][0] + cc * lat[2][0];
                                dy += a * lat[0][1] + b * lat[1][1] + cc * lat[2][1];
                                dz += a * lat[0][2] + b * lat[1][2] + cc * lat[2][2];
                            }
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 >= rc2) continue;
                            if (r2 == 0) {
                                throw new IllegalArgumentException(where + ": atoms " + (i + 1) + " and " + (j + 1)
                                    + " sit on the same point");
                            }
                            g.add(dx, dy, dz, Math.sqrt(r2), type[j], j);
                        }
                    }
                }
            }
            off[i + 1] = g.size;
        }
        int m = g.size;
        double[] q = new double[m * plan.basisSize], dq = new double[m * plan.basisSize];
        for (int k = 0; k < m; k++) chebyshev(plan, g.r[k], q, dq, k * plan.basisSize);
        double[] stress = c.plusStress() == null ? null : c.plusStress().clone();
        return new Config(n, type, c.energy(), Arrays.copyOf(c.forces(), 3 * n), stress, off, Arrays.copyOf(g.d, 3 * m),
            Arrays.copyOf(g.r, m), q, dq, Arrays.copyOf(g.t, m), Arrays.copyOf(g.o, m));
    }

    /** MLIP's RBChebyshev without its scaling s: T_β(ξ)·(R_cut − r)², ξ = (2r − (R_min + R_cut))/(R_cut − R_min), and d/dr. */
    static void chebyshev(TrainingPlan p, double r, double[] q, double[] dq, int o) {
        int R = p.basisSize;
        double rmin = p.minDist, rmax = p.maxDist, sc = 1.0;
        double inv = 1.0 / (rmax - rmin), mult = 2.0 * inv;
        double x = (2 * r - (rmin + rmax)) * inv, m = r - rmax;
        double qm2 = sc * (m * m), dm2 = sc * (2 * m);
        q[o] = qm2;
        dq[o] = dm2;
        if (R == 1) return;
        double qm1 = sc * (x * m * m), dm1 = sc * (mult * m * m + 2 * x * m);
        q[o + 1] = qm1;
        dq[o + 1] = dm1;
        for (int b = 2; b < R; b++) {
            double qb = 2 * x * qm1 - qm2, db = 2 * (mult * qm1 + x * dm1) - dm2;
            q[o + b] = qb;
            dq[o + b] = db;
            qm2 = qm1;
            qm1 = qb;
            dm2 = dm1;
            dm1 = db;
        }
    }

    private static double[][] reciprocalRows(double[][] l) {
        double det = l[0][0] * (l[1][1] * l[2][2] - l[1][2] * l[2][1]) - l[0][1] * (l[1][0] * l[2][2] - l[1][2] * l[2][0])
            + l[0][2] * (l[1][0] * l[2][1] - l[1][1] * l[2][0]);
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("the cell vectors are linearly dependent");
        double[][] b = new double[3][3];
        for (int a = 0; a < 3; a++) {
            double[] u = l[(a + 1) % 3], v = l[(a + 2) % 3];
            b[a][0] = (u[1] * v[2] - u[2] * v[1]) / det;
            b[a][1] = (u[2] * v[0] - u[0] * v[2]) / det;
            b[a][2] = (u[0] * v[1] - u[1] * v[0]) / det;
        }
        return b;
    }

    /** Growable neighbour columns. */
    private static final class Grow {
        double[] d, r;
        int[] t, o;
        int size;

        Grow(int cap) {
            d = new double[3 * cap];
            r = new double[cap];
            t = new int[cap];
            o = new int[cap];
        }

        void add(double dx, double dy, double dz, double rr, int type, int owner) {
            if (size == r.length) {
                int cap = r.length * 2;
                d = Arrays.copyOf(d, 3 * cap);
                r = Arrays.copyOf(r, cap);
                t = Arrays.copyOf(t, cap);
                o = Arrays.copyOf(o, cap);
            }
            d[3 * size] = dx;
            d[3 * size + 1] = dy;
            d[3 * size + 2] = dz;
            r[size] = rr;
            t[size] = type;
            o[size] = owner;
            size++;
        }
    }
}
