package io.ionstream.engine.md;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.units.MetalUnits;
import java.util.Arrays;
import java.util.Locale;

/**
 * Nosé-Hoover chain dynamics in the NVT and NPT ensembles with the Martyna-Tuckerman-Klein
 * equations, following LAMMPS {@code fix nvt} / {@code fix npt} (Shinoda et al. 2004 splitting):
 * the same variables, masses, Trotter half-steps and their order, so a run compares with LAMMPS
 * step by step (see {@code NoseHooverLammpsTest}).
 *
 * <p><b>One reduction per step.</b> In LAMMPS the end of step n (half kick, barostat velocity
 * scaling, T and P, barostat force, thermostat chain, barostat chain) and the start of step
 * n + 1 (barostat chain, thermostat chain, P again, barostat force, barostat velocity scaling)
 * have no force evaluation between them, and every velocity change there is a linear scaling
 * (per Cartesian direction for the barostat). The kinetic-energy tensor after each scaling is
 * therefore the tensor before it times the scale factors, and {@link #reduce} does all of that
 * bookkeeping from the summed tensor alone. It writes into {@code globals} the per-direction
 * velocity scales for {@link #finishStep} (end of step n) and for {@link #beforeForces} (start of
 * step n + 1), the chain and barostat state, and the two cells of step n + 1 (after the first and
 * the second half-step box remap; atoms keep their fractional coordinates through
 * {@link Box#deformTo}). The local phases only scale, kick, deform and drift.
 *
 * <p>The target temperature and pressure ramp linearly from start to stop over
 * {@code rampSteps} steps after {@link #setup} (LAMMPS ramps over the length of a {@code run})
 * and stay at the stop values afterwards.
 *
 * <p>Differences from LAMMPS, on purpose, both in the reported thermostat/barostat energy only
 * (the dynamics is LAMMPS's): for {@code iso} the first barostat-chain variable enters the
 * energy with the kT its equation of motion uses (LAMMPS 2021 writes 3kT there but drives it
 * with kT, so its sum drifts by 2kT·η_p1; ours is conserved, see {@code NoseHooverEnsembleTest}),
 * and for {@code z} the constant strain-energy offset of LAMMPS's deviatoric terms is left out.
 */
public final class NoseHoover implements SplitReduction {
    private final double dt, dthalf, dt4, dt8;
    private final Thermostat thermostat;
    private final Barostat barostat;
    private final long rampSteps;
    private final int mt, mp;
    private final boolean[] pflag = new boolean[3];
    private final int pdim;
    private final boolean iso;
    private final double tFreq, pFreq;

    // globals layout
    private static final int STEP = 0, NATOMS = 1, TDOF = 2, TTARGET = 3, EXT = 4, MTK2 = 5, VOL0 = 6, PHYDRO = 7;
    private static final int START_SCALE = 8, END_SCALE = 11, OMEGA = 14, OMEGA_DOT = 17, OMEGA_MASS = 20;
    private static final int FIXED = 23, BOX_HALF = 26, BOX_NEW = BOX_HALF + BoxSlots.SIZE;
    private static final int CHAINS = BOX_NEW + BoxSlots.SIZE;
    private final int eta, etaDot, etaDotDot, etaMass, etap, etapDot, etapDotDot, etapMass, length;

    // scratch (an instance serves one thread: every subdomain builds its own)
    private final double[] kin = new double[6];
    private final double[] pCurrent = new double[3];
    private final double[] scale = new double[3];
    private final Box cell = Box.orthorhombic(1, 1, 1);

    private NoseHoover(double dt, Thermostat thermostat, Barostat barostat, long rampSteps) {
        Check.positive("time step", dt, "ps");
        if (thermostat == null) throw new IllegalArgumentException("Nosé-Hoover dynamics needs a thermostat");
        if (rampSteps < 0) throw new IllegalArgumentException("ramp length must be >= 0 steps, got " + rampSteps);
        boolean ramps = thermostat.tStart() != thermostat.tStop()
            || (barostat != null && barostat.pStart() != barostat.pStop());
        if (ramps && rampSteps == 0) {
            throw new IllegalArgumentException("a ramp (start != stop target) needs its length in steps (rampSteps > 0)");
        }
        this.dt = dt;
        this.dthalf = 0.5 * dt;
        this.dt4 = 0.25 * dt;
        this.dt8 = 0.125 * dt;
        this.thermostat = thermostat;
        this.barostat = barostat;
        this.rampSteps = rampSteps;
        this.mt = thermostat.chain();
        this.mp = barostat == null ? 0 : barostat.chain();
        this.tFreq = 1.0 / thermostat.tDamp();
        this.pFreq = barostat == null ? 0 : 1.0 / barostat.pDamp();
        this.iso = barostat != null && barostat.coupling() == Barostat.Coupling.ISO;
        if (barostat != null) {
            pflag[2] = true;
            if (iso) pflag[0] = pflag[1] = true;
        }
        this.pdim = (pflag[0] ? 1 : 0) + (pflag[1] ? 1 : 0) + (pflag[2] ? 1 : 0);
        int o = CHAINS;
        eta = o; o += mt;
        etaDot = o; o += mt;
        etaDotDot = o; o += mt;
        etaMass = o; o += mt;
        etap = o; o += mp;
        etapDot = o; o += mp;
        etapDotDot = o; o += mp;
        etapMass = o; o += mp;
        length = o;
    }

    /** NVT (LAMMPS {@code fix nvt temp Tstart Tstop Tdamp}); a ramp needs {@code rampSteps} > 0. */
    public static NoseHoover nvt(double dt, Thermostat thermostat, long rampSteps) {
        return new NoseHoover(dt, thermostat, null, rampSteps);
    }

    /** NVT at a constant temperature. */
    public static NoseHoover nvt(double dt, Thermostat thermostat) {
        return new NoseHoover(dt, thermostat, null, 0);
    }

    /** NPT (LAMMPS {@code fix npt temp ... iso|z ...}); a ramp needs {@code rampSteps} > 0. */
    public static NoseHoover npt(double dt, Thermostat thermostat, Barostat barostat, long rampSteps) {
        if (barostat == null) throw new IllegalArgumentException("NPT needs a barostat");
        return new NoseHoover(dt, thermostat, barostat, rampSteps);
    }

    public static NoseHoover npt(double dt, Thermostat thermostat, Barostat barostat) {
        return npt(dt, thermostat, barostat, 0);
    }

    public Thermostat thermostat() { return thermostat; }
    /** The barostat, or null for NVT. */
    public Barostat barostat() { return barostat; }
    public long rampSteps() { return rampSteps; }

    @Override public String name() { return barostat == null ? "nvt" : "npt/" + barostat.coupling().name().toLowerCase(); }
    @Override public double timestep() { return dt; }
    @Override public int globalsLength() { return length; }

    /** Current target temperature (K). */
    public double targetTemperature(double[] g) { return g[TTARGET]; }

    /** Current target (hydrostatic, or Pzz for {@code z}) pressure (bar). */
    public double targetPressure(double[] g) { return g[PHYDRO]; }

    @Override
    public double extendedEnergy(double[] g) { return g[EXT]; }

    // ---------------------------------------------------------------- setup and reduction

    @Override
    public void setup(StepSums total, AtomSystem sys, double[] g) {
        Arrays.fill(g, 0, length, 0.0);
        double natoms = total.atoms;
        double tdof = total.degreesOfFreedom();
        g[NATOMS] = natoms;
        g[TDOF] = tdof;
        g[STEP] = 0;
        g[TTARGET] = thermostat.target(0);
        double kt = MetalUnits.BOLTZ * g[TTARGET];
        setChainMasses(g, kt, tdof);
        for (int k = 1; k < mt; k++) g[etaDotDot + k] = -kt / g[etaMass + k];
        if (barostat != null) {
            Box b = sys.box();
            BoxSlots.store(b, g, BOX_NEW);
            BoxSlots.store(b, g, BOX_HALF);
            g[FIXED] = b.xlo() + 0.5 * b.lx();
            g[FIXED + 1] = b.ylo() + 0.5 * b.ly();
            g[FIXED + 2] = b.zlo() + 0.5 * b.lz();
            g[VOL0] = b.volume();
            g[PHYDRO] = barostat.target(0);
            for (int a = 0; a < 3; a++) if (pflag[a]) g[OMEGA_MASS + a] = (natoms + 1) * kt / (pFreq * pFreq);
            for (int k = 0; k < mp; k++) g[etapMass + k] = kt / (pFreq * pFreq);
            for (int k = 1; k < mp; k++) g[etapDotDot + k] = -kt / g[etapMass + k];
        }
        for (int a = 0; a < 3; a++) g[END_SCALE + a] = g[START_SCALE + a] = 1.0;
        g[EXT] = extended(g);
        reduceStartOfStep(total, g);
    }

    @Override
    public void reduceEndOfStep(StepSums total, double[] g) {
        double[] k = total.mvv;
        double tdof = g[TDOF];
        if (!Double.isFinite(k[0] + k[1] + k[2]) || !Double.isFinite(total.potentialEnergy)
            || !Double.isFinite(total.virial[0] + total.virial[1] + total.virial[2])) {
            throw new IllegalStateException(name() + ": non-finite kinetic energy, potential energy or virial at step "
                + (long) g[STEP] + ": the run is unstable (time step too large, or atoms on top of each other)");
        }
        for (int a = 0; a < 3; a++) scale[a] = 1.0;
        if (barostat != null) {
            barostatVelocityScale(g, scale);
            scaleTensor(k, scale[0], scale[1], scale[2]);
            double volume = BoxSlots.volume(g, BOX_NEW);
            currentPressure(k, total.virial, volume);
            omegaDot(g, k, volume);
        }
        double fEta = thermostatChain(g, k[0] + k[1] + k[2], tdof);
        scaleTensor(k, fEta, fEta, fEta);
        if (barostat != null && mp > 0) barostatChain(g);
        for (int a = 0; a < 3; a++) g[END_SCALE + a] = scale[a] * fEta;
        g[EXT] = extended(g);
    }

    @Override
    public void reduceStartOfStep(StepSums total, double[] g) {
        System.arraycopy(total.mvv, 0, kin, 0, 6);
        long step = (long) g[STEP] + 1;
        double delta = rampSteps > 0 ? Math.min(1.0, (double) step / rampSteps) : 0.0;
        if (barostat != null && mp > 0) barostatChain(g);
        g[TTARGET] = thermostat.target(delta);
        double fEta = thermostatChain(g, kin[0] + kin[1] + kin[2], g[TDOF]);
        scaleTensor(kin, fEta, fEta, fEta);
        for (int a = 0; a < 3; a++) scale[a] = 1.0;
        if (barostat != null) {
            double volume = BoxSlots.volume(g, BOX_NEW);
            currentPressure(kin, total.virial, volume);
            g[PHYDRO] = barostat.target(delta);
            omegaDot(g, kin, volume);
            barostatVelocityScale(g, scale);
            double l0 = g[BOX_NEW + BoxSlots.LX + 2], x0 = g[BOX_NEW + BoxSlots.LX];
            remap(g, BOX_NEW, BOX_HALF);
            remap(g, BOX_HALF, BOX_NEW);
            checkCellChange(g, x0, l0);
        }
        for (int a = 0; a < 3; a++) g[START_SCALE + a] = fEta * scale[a];
        g[STEP] = step;
    }

    @Override
    public void scaleEndOfStepVelocities(double factor, double[] g) {
        for (int a = 0; a < 3; a++) g[END_SCALE + a] *= factor;
    }

    /** exp(-dt/2 (ω̇_a + mtk2)) per direction: LAMMPS's two quarter-step factors of nh_v_press. */
    private void barostatVelocityScale(double[] g, double[] out) {
        for (int a = 0; a < 3; a++) {
            double f = Math.exp(-dt4 * (g[OMEGA_DOT + a] + g[MTK2]));
            out[a] = f * f;
        }
    }

    /** The pressure the barostat couples to (bar): scalar for ISO, Pzz for Z, into {@link #pCurrent}. */
    private void currentPressure(double[] k, double[] virial, double volume) {
        if (iso) {
            double p = (k[0] + k[1] + k[2] + virial[0] + virial[1] + virial[2]) / (3.0 * volume) * MetalUnits.NKTV2P;
            pCurrent[0] = pCurrent[1] = pCurrent[2] = p;
        } else {
            for (int a = 0; a < 3; a++) pCurrent[a] = (k[a] + virial[a]) / volume * MetalUnits.NKTV2P;
        }
    }

    /** Half-step update of the barostat velocities from the pressure difference and the MTK term. */
    private void omegaDot(double[] g, double[] k, double volume) {
        double natoms = g[NATOMS];
        double mtk1;
        if (iso) {
            mtk1 = (k[0] + k[1] + k[2]) / (pdim * natoms);
        } else {
            mtk1 = 0;
            for (int a = 0; a < 3; a++) if (pflag[a]) mtk1 += k[a];
            mtk1 /= pdim * natoms;
        }
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            if (!pflag[a]) continue;
            double w = g[OMEGA_MASS + a];
            double force = (pCurrent[a] - g[PHYDRO]) * volume / (w * MetalUnits.NKTV2P) + mtk1 / w;
            g[OMEGA_DOT + a] += force * dthalf;
            sum += g[OMEGA_DOT + a];
        }
        g[MTK2] = sum / (pdim * natoms);
    }

    /**
     * Half-step update of the particle thermostat chain given the current kinetic energy
     * Σ m v² (eV, doubled KE); returns the velocity scale factor.
     */
    private double thermostatChain(double[] g, double mvv, double tdof) {
        double kt = MetalUnits.BOLTZ * g[TTARGET];
        double keTarget = tdof * kt;
        setChainMasses(g, kt, tdof);
        double q0 = g[etaMass];
        g[etaDotDot] = (mvv - keTarget) / q0;
        for (int k = mt - 1; k > 0; k--) {
            double ef = Math.exp(-dt8 * chainDot(g, etaDot, mt, k + 1));
            g[etaDot + k] = (g[etaDot + k] * ef + g[etaDotDot + k] * dt4) * ef;
        }
        double ef = Math.exp(-dt8 * chainDot(g, etaDot, mt, 1));
        g[etaDot] = (g[etaDot] * ef + g[etaDotDot] * dt4) * ef;
        double factor = Math.exp(-dthalf * g[etaDot]);
        mvv *= factor * factor;
        g[etaDotDot] = (mvv - keTarget) / q0;
        for (int k = 0; k < mt; k++) g[eta + k] += dthalf * g[etaDot + k];
        g[etaDot] = (g[etaDot] * ef + g[etaDotDot] * dt4) * ef;
        for (int k = 1; k < mt; k++) {
            double e = Math.exp(-dt8 * chainDot(g, etaDot, mt, k + 1));
            g[etaDot + k] *= e;
            double prev = g[etaDot + k - 1];
            g[etaDotDot + k] = (g[etaMass + k - 1] * prev * prev - kt) / g[etaMass + k];
            g[etaDot + k] = (g[etaDot + k] + g[etaDotDot + k] * dt4) * e;
        }
        return factor;
    }

    /** Half-step update of the barostat's thermostat chain; scales the barostat velocities. */
    private void barostatChain(double[] g) {
        double kt = MetalUnits.BOLTZ * g[TTARGET];
        double lkt = iso ? kt : pdim * kt;
        double q0 = g[etapMass];
        g[etapDotDot] = (barostatKinetic(g) - lkt) / q0;
        for (int k = mp - 1; k > 0; k--) {
            double ef = Math.exp(-dt8 * chainDot(g, etapDot, mp, k + 1));
            g[etapDot + k] = (g[etapDot + k] * ef + g[etapDotDot + k] * dt4) * ef;
        }
        double ef = Math.exp(-dt8 * chainDot(g, etapDot, mp, 1));
        g[etapDot] = (g[etapDot] * ef + g[etapDotDot] * dt4) * ef;
        for (int k = 0; k < mp; k++) g[etap + k] += dthalf * g[etapDot + k];
        double factor = Math.exp(-dthalf * g[etapDot]);
        for (int a = 0; a < 3; a++) if (pflag[a]) g[OMEGA_DOT + a] *= factor;
        g[etapDotDot] = (barostatKinetic(g) - lkt) / q0;
        g[etapDot] = (g[etapDot] * ef + g[etapDotDot] * dt4) * ef;
        for (int k = 1; k < mp; k++) {
            double e = Math.exp(-dt8 * chainDot(g, etapDot, mp, k + 1));
            g[etapDot + k] *= e;
            double prev = g[etapDot + k - 1];
            g[etapDotDot + k] = (g[etapMass + k - 1] * prev * prev - kt) / g[etapMass + k];
            g[etapDot + k] = (g[etapDot + k] + g[etapDotDot + k] * dt4) * e;
        }
    }

    private double barostatKinetic(double[] g) {
        double ke = 0;
        for (int a = 0; a < 3; a++) if (pflag[a]) ke += g[OMEGA_MASS + a] * g[OMEGA_DOT + a] * g[OMEGA_DOT + a];
        return ke;
    }

    /** Chain velocity k, zero past the end of the chain. */
    private static double chainDot(double[] g, int off, int len, int k) {
        return k < len ? g[off + k] : 0.0;
    }

    private void setChainMasses(double[] g, double kt, double tdof) {
        g[etaMass] = tdof * kt / (tFreq * tFreq);
        for (int k = 1; k < mt; k++) g[etaMass + k] = kt / (tFreq * tFreq);
    }

    /**
     * Half-step box remap: each coupled length scales by exp(dt/2 · ω̇) about the fixed point
     * (the initial centre), tilts follow the length they lean along (LAMMPS's default tilt
     * scaling).
     */
    private void remap(double[] g, int from, int to) {
        if (from != to) BoxSlots.copy(g, from, to);
        for (int a = 0; a < 3; a++) {
            g[OMEGA + a] += dthalf * g[OMEGA_DOT + a];
            if (!pflag[a]) continue;
            double f = Math.exp(dthalf * g[OMEGA_DOT + a]);
            double lo = g[to + BoxSlots.XLO + a];
            g[to + BoxSlots.XLO + a] = (lo - g[FIXED + a]) * f + g[FIXED + a];
            g[to + BoxSlots.LX + a] *= f;
            if (a == 1) g[to + BoxSlots.XY] *= f;
            if (a == 2) {
                g[to + BoxSlots.XZ] *= f;
                g[to + BoxSlots.YZ] *= f;
            }
        }
    }

    /** A cell length that changes by more than 5 % in one step means the barostat has run away. */
    private void checkCellChange(double[] g, double lx0, double lz0) {
        double rz = g[BOX_NEW + BoxSlots.LX + 2] / lz0, rx = g[BOX_NEW + BoxSlots.LX] / lx0;
        if (rz > 0.95 && rz < 1.05 && rx > 0.95 && rx < 1.05) return;
        throw new IllegalStateException(String.format(Locale.ROOT,
            "%s: the cell changed by a factor %.4g (Lx) / %.4g (Lz) in one step at step %d (pressure %.6g bar, target %.6g bar): "
                + "the barostat is unstable; increase Pdamp or start closer to equilibrium",
            name(), rx, rz, (long) g[STEP], pCurrent[2], g[PHYDRO]));
    }

    /** Thermostat and barostat energy (eV), LAMMPS's fix energy. */
    private double extended(double[] g) {
        double kt = MetalUnits.BOLTZ * g[TTARGET];
        double e = g[TDOF] * kt * g[eta] + 0.5 * g[etaMass] * g[etaDot] * g[etaDot];
        for (int k = 1; k < mt; k++) e += kt * g[eta + k] + 0.5 * g[etaMass + k] * g[etaDot + k] * g[etaDot + k];
        if (barostat != null) {
            double volume = BoxSlots.volume(g, BOX_NEW);
            for (int a = 0; a < 3; a++) {
                if (!pflag[a]) continue;
                e += 0.5 * g[OMEGA_MASS + a] * g[OMEGA_DOT + a] * g[OMEGA_DOT + a]
                    + g[PHYDRO] * (volume - g[VOL0]) / (pdim * MetalUnits.NKTV2P);
            }
            if (mp > 0) {
                double lkt = iso ? kt : pdim * kt;
                e += lkt * g[etap] + 0.5 * g[etapMass] * g[etapDot] * g[etapDot];
                for (int k = 1; k < mp; k++) e += kt * g[etap + k] + 0.5 * g[etapMass + k] * g[etapDot + k] * g[etapDot + k];
            }
        }
        return e;
    }

    private static void scaleTensor(double[] k, double sx, double sy, double sz) {
        k[0] *= sx * sx; k[1] *= sy * sy; k[2] *= sz * sz;
        k[3] *= sx * sy; k[4] *= sx * sz; k[5] *= sy * sz;
    }

    // ---------------------------------------------------------------- local phases

    @Override
    public void beforeForces(AtomSystem local, double[] g) {
        scaleVelocities(local, g[START_SCALE], g[START_SCALE + 1], g[START_SCALE + 2]);
        VelocityVerlet.kick(local, dthalf);
        if (barostat != null) {
            BoxSlots.load(g, BOX_HALF, cell);
            local.box().deformTo(cell, local.x(), local.size());
            VelocityVerlet.drift(local, dt);
            BoxSlots.load(g, BOX_NEW, cell);
            local.box().deformTo(cell, local.x(), local.size());
        } else {
            VelocityVerlet.drift(local, dt);
        }
    }

    @Override
    public void afterForces(AtomSystem local, double[] g, StepSums partial) {
        VelocityVerlet.kick(local, dthalf);
        partial.addKinetic(local.v(), local.type(), local.massByType(), local.size());
    }

    @Override
    public void finishStep(AtomSystem local, double[] g) {
        scaleVelocities(local, g[END_SCALE], g[END_SCALE + 1], g[END_SCALE + 2]);
    }

    /** v_a *= s_a for the local atoms. */
    static void scaleVelocities(AtomSystem s, double sx, double sy, double sz) {
        if (sx == 1.0 && sy == 1.0 && sz == 1.0) return;
        double[] v = s.v();
        for (int k = 0, n3 = 3 * s.size(); k < n3; k += 3) {
            v[k] *= sx;
            v[k + 1] *= sy;
            v[k + 2] *= sz;
        }
    }
}
