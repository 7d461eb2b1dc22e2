package io.ionstream.engine.min;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.units.MetalUnits;
import java.util.Arrays;

/**
 * What the minimisers share: they are steppers with the {@link Integrator} phases (one force
 * evaluation per step, every global decision in {@link #reduce}, {@link #converged} ends the
 * run), the stopping rules of {@link MinimizeSettings}, the bookkeeping in {@code globals}
 * (stop reason, iterations, evaluations, energy, force norm) and the optional cell degree of
 * freedom Lz of {@link BoxRelax}.
 *
 * <p>The minimised quantity is H = E_pot + P·(V − V₀)/nktv2p (just E_pot without cell
 * relaxation); the generalised force on Lz at fixed fractional coordinates is
 * F_L = −∂H/∂Lz = W_zz/Lz − P·Lx·Ly (virial W in eV, P converted to eV/Å³), so the cell force
 * comes from the reduced virial and costs nothing extra. The first step of every minimiser only
 * evaluates (the sums of the setup evaluation lack the minimiser's own dot products).
 */
public abstract sealed class Minimizer implements Integrator permits Fire, ConjugateGradient {
    /** Relative energy floor of the etol test, as LAMMPS's EPS_ENERGY. */
    static final double EPS_ENERGY = 1.0e-8;

    static final int STOP = 0, ITER = 1, EVALS = 2, ENERGY = 3, FNORM = 4, BOX = 5, CENTER_Z = BOX + 9, VREF = CENTER_Z + 1,
        CELL_FORCE = VREF + 1, NATOMS = CELL_FORCE + 1;
    static final int BASE_LENGTH = NATOMS + 1;
    private static final int LZ = BOX + 5, XZ = BOX + 7, YZ = BOX + 8, ZLO = BOX + 2;

    protected final MinimizeSettings settings;
    protected final BoxRelax relax;
    private final Box cell = Box.orthorhombic(1, 1, 1);

    Minimizer(MinimizeSettings settings, BoxRelax relax) {
        if (settings == null) throw new IllegalArgumentException("minimiser settings must be given");
        this.settings = settings;
        this.relax = relax == null ? BoxRelax.none() : relax;
    }

    public MinimizeSettings settings() { return settings; }
    public BoxRelax relax() { return relax; }

    @Override public double timestep() { return 0.0; }

    @Override
    public boolean converged(double[] g) {
        return g[STOP] != StopReason.NONE.ordinal();
    }

    public StopReason stopReason(double[] g) { return StopReason.values()[(int) g[STOP]]; }
    /** Completed iterations (line searches for CG, moves for FIRE). */
    public long iterations(double[] g) { return (long) g[ITER]; }
    /** Force evaluations, including the first, evaluation-only step. */
    public long evaluations(double[] g) { return (long) g[EVALS]; }
    /** The minimised energy at the last evaluation (eV): E_pot, plus P·ΔV when the cell relaxes. */
    public double energy(double[] g) { return g[ENERGY]; }
    /** 2-norm of the global force vector at the last evaluation (eV/Å), cell force included. */
    public double forceNorm(double[] g) { return g[FNORM]; }
    /** Current cell length along z (Å), tracked when the cell relaxes. */
    public double cellLengthZ(double[] g) { return g[LZ]; }

    /** The P·(V − V₀) term (eV), so that potential energy plus this is what is minimised. */
    @Override
    public double extendedEnergy(double[] g) {
        if (!relax.z()) return 0.0;
        double v = g[BOX + 3] * g[BOX + 4] * g[LZ];
        return relax.pressure() * (v - g[VREF]) / MetalUnits.NKTV2P;
    }

    /** Common initialisation; subclasses call it first from {@link #setup}. */
    void setupBase(StepSums total, AtomSystem sys, double[] g) {
        Arrays.fill(g, 0, globalsLength(), 0.0);
        Box b = sys.box();
        g[BOX] = b.xlo(); g[BOX + 1] = b.ylo(); g[ZLO] = b.zlo();
        g[BOX + 3] = b.lx(); g[BOX + 4] = b.ly(); g[LZ] = b.lz();
        g[BOX + 6] = b.xy(); g[XZ] = b.xz(); g[YZ] = b.yz();
        g[CENTER_Z] = b.zlo() + 0.5 * b.lz();
        g[VREF] = b.volume();
        g[NATOMS] = total.atoms;
        g[STOP] = StopReason.NONE.ordinal();
    }

    /** Generalised force on Lz (eV/Å) from the reduced virial; 0 without cell relaxation. */
    double cellForce(StepSums total, double[] g) {
        if (!relax.z()) return 0.0;
        return total.virial[2] / g[LZ] - relax.pressure() * g[BOX + 3] * g[BOX + 4] / MetalUnits.NKTV2P;
    }

    /** Sets the target cell length along z, keeping the centre and the tilt-to-length ratios. */
    void setCellLengthZ(double[] g, double lz) {
        if (!(lz > 0) || !Double.isFinite(lz)) {
            throw new IllegalStateException(name() + ": cell relaxation drove Lz to " + lz + " Å; the cell is unstable");
        }
        double f = lz / g[LZ];
        g[XZ] *= f;
        g[YZ] *= f;
        g[LZ] = lz;
        g[ZLO] = g[CENTER_Z] - 0.5 * lz;
    }

    /** Deforms the local atoms and cell to the cell in {@code globals} (no-op when unchanged). */
    void applyCell(AtomSystem local, double[] g) {
        if (!relax.z()) return;
        Box b = local.box();
        if (b.lz() == g[LZ] && b.zlo() == g[ZLO] && b.xz() == g[XZ] && b.yz() == g[YZ]) return;
        cell.set(g[BOX], g[BOX + 1], g[ZLO], g[BOX + 3], g[BOX + 4], g[LZ], g[BOX + 6], g[XZ], g[YZ]);
        b.deformTo(cell, local.x(), local.size());
    }

    /**
     * Records an evaluation (energy, force norm; counts it) and applies the stopping rules that
     * hold at every evaluation; returns true when the run must stop now.
     */
    boolean record(StepSums total, double[] g, double fnormSq) {
        double e = total.potentialEnergy + extendedEnergy(g);
        if (!Double.isFinite(e) || !Double.isFinite(fnormSq)) {
            throw new IllegalStateException(name() + ": non-finite energy or forces after " + (long) g[EVALS]
                + " evaluations (atoms on top of each other?)");
        }
        g[EVALS] += 1;
        g[ENERGY] = e;
        g[FNORM] = Math.sqrt(fnormSq);
        if (settings.ftol() > 0 && g[FNORM] < settings.ftol()) return stop(g, StopReason.FORCE);
        if (g[EVALS] >= settings.maxEvaluations()) return stop(g, StopReason.MAX_EVALUATIONS);
        return false;
    }

    /**
     * Counts an iteration and applies the rules that hold at its end: the energy change since
     * {@code ePrevious} (when {@code testEnergy}) and the iteration limit.
     */
    boolean iterationDone(double[] g, double ePrevious, boolean testEnergy) {
        g[ITER] += 1;
        double e = g[ENERGY];
        if (testEnergy && settings.etol() > 0
            && Math.abs(e - ePrevious) < settings.etol() * 0.5 * (Math.abs(e) + Math.abs(ePrevious) + EPS_ENERGY)) {
            return stop(g, StopReason.ENERGY);
        }
        if (g[ITER] >= settings.maxIterations()) return stop(g, StopReason.MAX_ITERATIONS);
        return false;
    }

    boolean stop(double[] g, StopReason reason) {
        g[STOP] = reason.ordinal();
        return true;
    }

    /** Adds 1 per local atom to the atom count (minimisers report no kinetic energy). */
    static void countAtoms(AtomSystem local, StepSums partial) {
        partial.atoms += local.size();
    }
}
