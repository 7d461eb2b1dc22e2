package io.ionstream.engine.potential.kspace;

import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.GlobalSumTerm;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;

/**
 * The reciprocal-space part of an Ewald sum (LAMMPS {@code kspace_style ewald}), for any
 * triclinic cell:
 * E = qqr2e [Σ_{k in half space} (4π/V) exp(−k²/4α²)/k² |S(k)|² − α/√π Σ q² − π Q²/(2α²V)],
 * with the structure factor S(k) = Σ_j q_j exp(i k·r_j) and Q = Σ q (the last term is the
 * neutralising background of a charged cell). It computes its own virial
 * W_ab = Σ_k E_k (δ_ab − 2 (1/k² + 1/4α²) k_a k_b) + E_background δ_ab and per-atom energies split
 * as LAMMPS does. (LAMMPS omits the background term from the virial; for the neutral cells of
 * practice the two agree, for a charged cell ours is the derivative of the energy.)
 *
 * <p>k-vectors are all reciprocal lattice vectors inside the sphere |k|² ≤ k_max² where, as in
 * LAMMPS, k_max = max over dimensions of 2π k_d/L_d with k_d from
 * {@link EwaldParameters#kmax(double)}; they are rebuilt whenever the cell changes, α stays fixed.
 * For orthorhombic cells this includes every vector LAMMPS uses (LAMMPS additionally trims the
 * off-axis indices to k_d, which only drops terms below the requested accuracy).
 *
 * <p><b>Distributed use.</b> The sum over atoms in S(k) is global, so one evaluation is split in
 * three steps that a domain-decomposed run interleaves with one reduction:
 * <ol>
 *   <li>{@link #partialStructureFactors(ForceContext, double[])} on every subdomain: Re and Im
 *       of S(k) over its local atoms, plus Σq and Σq² (a vector of {@link #sumLength()} doubles);</li>
 *   <li>element-wise sum of those vectors over subdomains (the only communication);</li>
 *   <li>{@link #applyForces(ForceContext, double[], ForceOutput)} on every subdomain with the
 *       total, for its local atoms (forces, per-atom energies), and
 *       {@link #addEnergyAndVirial(double[], ForceOutput)} once, for the global energy and
 *       virial.</li>
 * </ol>
 * {@link #compute} does all three for the serial case. Between steps 1 and 3 a subdomain's atoms
 * must not move: step 1 caches their phase factors for step 3.
 */
public final class Ewald implements GlobalSumTerm {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final EwaldParameters params;
    private final double alpha;

    // k-vectors of the cell they were built for (lx, ly, lz, xy, xz, yz)
    private final double[] cell = new double[6];
    private boolean prepared;
    private double volume;
    private int nk;
    private final int[] nmax = new int[3];
    private int[] kidx = new int[0];     // n1 (≥ 0), n2, n3 per k-vector
    private double[] ug = new double[0]; // (4π/V) exp(−k²/4α²)/k²
    private double[] eg = new double[0]; // 2 ug k (Cartesian), 3 per k-vector
    private double[] vg = new double[0]; // δ_ab − 2(1/k² + 1/4α²) k_a k_b, 6 per k-vector

    // per-atom phase factors exp(i 2π m s_d) for m = 0..nmax[d]: [d][m * natoms + i]
    private final double[][] cs = new double[3][0];
    private final double[][] sn = new double[3][0];
    private int tableAtoms;
    private final double[] frac = new double[3];
    private double[] ekx = new double[0], eky = new double[0], ekz = new double[0], pe = new double[0];
    private double[] sums = new double[0];

    public Ewald(EwaldParameters params) {
        this.params = params;
        this.alpha = params.alpha();
    }

    public EwaldParameters parameters() { return params; }

    @Override public String name() { return "ewald"; }

    /** No pair list: the reciprocal sum covers the whole periodic system. */
    @Override public double cutoff() { return 0.0; }

    @Override public NeighborMode neighborMode() { return NeighborMode.NONE; }

    @Override public void validate(SpeciesTable species) {}

    /** Number of k-vectors for the cell of the last {@link #prepare}. */
    public int kVectorCount() { return nk; }

    /** Largest |index| along a, b, c for the cell of the last {@link #prepare} (a copy). */
    public int[] maxIndices() { return nmax.clone(); }

    /** Length of the partial-sum vector for the cell of the last {@link #prepare}: 2 per k-vector + 2. */
    public int sumLength() { return 2 * nk + 2; }

    /**
     * Builds the k-vectors for {@code box} unless they are current; returns {@link #sumLength()}.
     * Allocates only when the number of vectors grows.
     */
    @Override
    public int prepare(Box box) {
        if (prepared && cell[0] == box.lx() && cell[1] == box.ly() && cell[2] == box.lz() && cell[3] == box.xy()
            && cell[4] == box.xz() && cell[5] == box.yz()) {
            return sumLength();
        }
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        cell[0] = lx; cell[1] = ly; cell[2] = lz; cell[3] = xy; cell[4] = xz; cell[5] = yz;
        volume = box.volume();
        double gx = TWO_PI / lx * params.kmax(lx), gy = TWO_PI / ly * params.kmax(ly), gz = TWO_PI / lz * params.kmax(lz);
        double gsqmx = Math.max(gx * gx, Math.max(gy * gy, gz * gz)) * 1.00001;
        // reciprocal vectors b_d = 2π (a_e × a_f)/V of a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz)
        double f = TWO_PI / volume;
        double[] b1 = {f * ly * lz, -f * xy * lz, f * (xy * yz - ly * xz)};
        double[] b2 = {0, f * lz * lx, -f * yz * lx};
        double[] b3 = {0, 0, f * lx * ly};
        // |n_d| = |k·a_d|/2π ≤ k_max |a_d|/2π
        double kmaxLen = Math.sqrt(gsqmx);
        nmax[0] = Math.max(1, (int) (kmaxLen * lx / TWO_PI));
        nmax[1] = Math.max(1, (int) (kmaxLen * Math.sqrt(xy * xy + ly * ly) / TWO_PI));
        nmax[2] = Math.max(1, (int) (kmaxLen * Math.sqrt(xz * xz + yz * yz + lz * lz) / TWO_PI));
        double inv4a2 = 0.25 / (alpha * alpha);
        double preu = 4.0 * Math.PI / volume;
        nk = 0;
        for (int n1 = 0; n1 <= nmax[0]; n1++) {
            for (int n2 = -nmax[1]; n2 <= nmax[1]; n2++) {
                for (int n3 = -nmax[2]; n3 <= nmax[2]; n3++) {
                    boolean upperHalf = n1 > 0 || (n1 == 0 && (n2 > 0 || (n2 == 0 && n3 > 0)));
                    if (!upperHalf) continue;
                    double kx = n1 * b1[0] + n2 * b2[0] + n3 * b3[0];
                    double ky = n1 * b1[1] + n2 * b2[1] + n3 * b3[1];
                    double kz = n1 * b1[2] + n2 * b2[2] + n3 * b3[2];
                    double ksq = kx * kx + ky * ky + kz * kz;
                    if (ksq > gsqmx) continue;
                    ensureKCapacity(nk + 1);
                    kidx[3 * nk] = n1; kidx[3 * nk + 1] = n2; kidx[3 * nk + 2] = n3;
                    double u = preu * Math.exp(-ksq * inv4a2) / ksq;
                    ug[nk] = u;
                    eg[3 * nk] = 2 * u * kx; eg[3 * nk + 1] = 2 * u * ky; eg[3 * nk + 2] = 2 * u * kz;
                    double vterm = -2.0 * (1.0 / ksq + inv4a2);
                    int v = 6 * nk;
                    vg[v] = 1.0 + vterm * kx * kx;
                    vg[v + 1] = 1.0 + vterm * ky * ky;
                    vg[v + 2] = 1.0 + vterm * kz * kz;
                    vg[v + 3] = vterm * kx * ky;
                    vg[v + 4] = vterm * kx * kz;
                    vg[v + 5] = vterm * ky * kz;
                    nk++;
                }
            }
        }
        prepared = true;
        return sumLength();
    }

    private void ensureKCapacity(int n) {
        if (ug.length >= n) return;
        int cap = Math.max(n, ug.length * 2 + 64);
        kidx = java.util.Arrays.copyOf(kidx, 3 * cap);
        ug = java.util.Arrays.copyOf(ug, cap);
        eg = java.util.Arrays.copyOf(eg, 3 * cap);
        vg = java.util.Arrays.copyOf(vg, 6 * cap);
    }

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        int len = prepare(ctx.box);
        if (sums.length < len) sums = new double[len];
        partialStructureFactors(ctx, sums);
        applyForces(ctx, sums, out);
        addEnergyAndVirial(sums, out);
    }

    /**
     * Step 1: writes Re S(k), Im S(k) over the context's local atoms for every k-vector (pairs at
     * 2k, 2k+1), then Σq and Σq², into {@code out[0 .. sumLength())}, and caches the atoms' phase
     * factors for {@link #applyForces}.
     */
    public void partialStructureFactors(ForceContext ctx, double[] out) {
        partialSums(ctx, out);
    }

    /** {@inheritDoc} Here: the partial structure factors, see {@link #partialStructureFactors}. */
    @Override
    public void partialSums(ForceContext ctx, double[] out) {
        int len = prepare(ctx.box);
        if (out.length < len) throw new IllegalArgumentException("ewald: partial sums need " + len + " doubles");
        int n = ctx.nlocal;
        fillPhaseTables(ctx);
        final double[] q = ctx.q;
        final double[] c0 = cs[0], s0 = sn[0], c1 = cs[1], s1 = sn[1], c2 = cs[2], s2 = sn[2];
        for (int k = 0; k < nk; k++) {
            int o1 = kidx[3 * k] * n, n2 = kidx[3 * k + 1], n3 = kidx[3 * k + 2];
            int o2 = Math.abs(n2) * n, o3 = Math.abs(n3) * n;
            double sg2 = n2 < 0 ? -1.0 : 1.0, sg3 = n3 < 0 ? -1.0 : 1.0;
            double re = 0, im = 0;
            for (int i = 0; i < n; i++) {
                double ca = c0[o1 + i], sa = s0[o1 + i];
                double cb = c1[o2 + i], sb = sg2 * s1[o2 + i];
                double cc = c2[o3 + i], sc = sg3 * s2[o3 + i];
                double cab = ca * cb - sa * sb, sab = sa * cb + ca * sb;
                double c = cab * cc - sab * sc, s = sab * cc + cab * sc;
                re += q[i] * c;
                im += q[i] * s;
            }
            out[2 * k] = re;
            out[2 * k + 1] = im;
        }
        double qsum = 0, qsq = 0;
        for (int i = 0; i < n; i++) {
            qsum += q[i];
            qsq += q[i] * q[i];
        }
        out[2 * nk] = qsum;
        out[2 * nk + 1] = qsq;
    }

    /**
     * Step 3 (every subdomain): adds the reciprocal-space forces on the context's local atoms,
     * and their per-atom energies when {@code out.eatom} is set (the self and background terms
     * included, as LAMMPS books them), from the global sums {@code totals}.
     */
    @Override
    public void applyForces(ForceContext ctx, double[] totals, ForceOutput out) {
        int n = ctx.nlocal;
        if (tableAtoms != n) throw new IllegalStateException("ewald: applyForces without partialStructureFactors");
        if (ekx.length < n) {
            ekx = new double[n + (n >> 3)];
            eky = new double[ekx.length];
            ekz = new double[ekx.length];
        }
        java.util.Arrays.fill(ekx, 0, n, 0.0);
        java.util.Arrays.fill(eky, 0, n, 0.0);
        java.util.Arrays.fill(ekz, 0, n, 0.0);
        final double[] eatom = out.eatom;
        if (eatom != null) {
            if (pe.length < n) pe = new double[n + (n >> 3)];
            java.util.Arrays.fill(pe, 0, n, 0.0);
        }
        final double[] c0 = cs[0], s0 = sn[0], c1 = cs[1], s1 = sn[1], c2 = cs[2], s2 = sn[2];
        final double[] ekx = this.ekx, eky = this.eky, ekz = this.ekz, pe = this.pe;
        for (int k = 0; k < nk; k++) {
            int o1 = kidx[3 * k] * n, n2 = kidx[3 * k + 1], n3 = kidx[3 * k + 2];
            int o2 = Math.abs(n2) * n, o3 = Math.abs(n3) * n;
            double sg2 = n2 < 0 ? -1.0 : 1.0, sg3 = n3 < 0 ? -1.0 : 1.0;
            double re = totals[2 * k], im = totals[2 * k + 1];
            double ex = eg[3 * k], ey = eg[3 * k + 1], ez = eg[3 * k + 2], u = ug[k];
            for (int i = 0; i < n; i++) {
                double ca = c0[o1 + i], sa = s0[o1 + i];
                double cb = c1[o2 + i], sb = sg2 * s1[o2 + i];
                double cc = c2[o3 + i], sc = sg3 * s2[o3 + i];
                double cab = ca * cb - sa * sb, sab = sa * cb + ca * sb;
                double c = cab * cc - sab * sc, s = sab * cc + cab * sc;
                double partial = s * re - c * im;
                ekx[i] += partial * ex;
                eky[i] += partial * ey;
                ekz[i] += partial * ez;
                if (eatom != null) pe[i] += u * (c * re + s * im);
            }
        }
        final double qscale = MetalUnits.QQR2E;
        final double[] q = ctx.q, f = out.f;
        for (int i = 0; i < n; i++) {
            double qi = qscale * q[i];
            f[3 * i] += qi * ekx[i];
            f[3 * i + 1] += qi * eky[i];
            f[3 * i + 2] += qi * ekz[i];
        }
        if (eatom != null) {
            double qsum = totals[2 * nk];
            double self = alpha / Math.sqrt(Math.PI), background = Math.PI * qsum / (2.0 * alpha * alpha * volume);
            for (int i = 0; i < n; i++) eatom[i] += qscale * (q[i] * pe[i] - self * q[i] * q[i] - background * q[i]);
        }
    }

    /** Step 3 (once globally): the reciprocal-space energy and virial from the global sums. */
    @Override
    public void addEnergyAndVirial(double[] totals, ForceOutput out) {
        double e = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int k = 0; k < nk; k++) {
            double re = totals[2 * k], im = totals[2 * k + 1];
            double uk = ug[k] * (re * re + im * im);
            e += uk;
            int v = 6 * k;
            vxx += uk * vg[v]; vyy += uk * vg[v + 1]; vzz += uk * vg[v + 2];
            vxy += uk * vg[v + 3]; vxz += uk * vg[v + 4]; vyz += uk * vg[v + 5];
        }
        double qsum = totals[2 * nk], qsq = totals[2 * nk + 1];
        double background = -Math.PI * qsum * qsum / (2.0 * alpha * alpha * volume);
        e += background - alpha * qsq / Math.sqrt(Math.PI);
        final double qscale = MetalUnits.QQR2E;
        out.energy += qscale * e;
        // the background energy scales as 1/V, so it adds itself to each diagonal virial component
        // (LAMMPS leaves it out of the virial, which only matters for a charged cell)
        vxx += background; vyy += background; vzz += background;
        double[] w = out.virial;
        w[0] += qscale * vxx; w[1] += qscale * vyy; w[2] += qscale * vzz;
        w[3] += qscale * vxy; w[4] += qscale * vxz; w[5] += qscale * vyz;
    }

    /** exp(i 2π m s_d) for every local atom, dimension d and 0 ≤ m ≤ nmax[d], by recurrence in m. */
    private void fillPhaseTables(ForceContext ctx) {
        int n = ctx.nlocal;
        for (int d = 0; d < 3; d++) {
            int need = (nmax[d] + 1) * n;
            if (cs[d].length < need) {
                cs[d] = new double[need + (need >> 3)];
                sn[d] = new double[cs[d].length];
            }
        }
        final double[] x = ctx.x;
        final Box box = ctx.box;
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 0);
            for (int d = 0; d < 3; d++) {
                double[] c = cs[d], s = sn[d];
                double theta = TWO_PI * frac[d];
                double c1 = Math.cos(theta), s1 = Math.sin(theta);
                c[i] = 1.0;
                s[i] = 0.0;
                if (nmax[d] >= 1) {
                    c[n + i] = c1;
                    s[n + i] = s1;
                }
                for (int m = 2, o = 2 * n + i; m <= nmax[d]; m++, o += n) {
                    c[o] = c[o - n] * c1 - s[o - n] * s1;
                    s[o] = s[o - n] * c1 + c[o - n] * s1;
                }
            }
        }
        tableAtoms = n;
    }
}
