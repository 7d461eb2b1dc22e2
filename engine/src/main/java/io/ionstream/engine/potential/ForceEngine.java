package io.ionstream.engine.potential;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.neighbor.PeriodicNeighborhood;
import io.ionstream.engine.system.AtomSystem;

/**
 * Evaluates a {@link ForceField} on a whole periodic {@link AtomSystem} in this thread: the
 * serial platform (OpenMM's System/Platform split: the same force field runs unchanged on the
 * subdomain actors). Forces land in {@code sys.f()}.
 */
public final class ForceEngine {
    private final AtomSystem sys;
    private final ForceField field;
    private final PeriodicNeighborhood neighborhood;
    private final ForceContext ctx = new ForceContext();
    private final ForceOutput out = new ForceOutput();
    private boolean perAtomEnergy;
    private long evaluations;

    /** Validates {@code sys} for {@code field} with the {@link SystemValidator#defaults()}. */
    public ForceEngine(AtomSystem sys, ForceField field, NeighborSettings settings) {
        this(sys, field, settings, SystemValidator.defaults());
    }

    /** Validates {@code sys} for {@code field} with the given validator (e.g. another minimum distance). */
    public ForceEngine(AtomSystem sys, ForceField field, NeighborSettings settings, SystemValidator validator) {
        double cutoff = field.cutoff() > 0 ? field.cutoff() : 1.0;
        validator.validate(sys, field, cutoff + settings.skin());
        this.sys = sys;
        this.field = field;
        this.neighborhood = new PeriodicNeighborhood(sys, cutoff, settings, field.needsHalfList(), field.needsFullList());
    }

    public AtomSystem system() { return sys; }
    public ForceField field() { return field; }
    public PeriodicNeighborhood neighborhood() { return neighborhood; }

    /** Also compute per-atom energies from the next evaluation on. */
    public void setPerAtomEnergy(boolean on) { perAtomEnergy = on; }

    /**
     * Updates neighbours (rebuilding if atoms moved far enough) and evaluates energy, forces and
     * virial. Returns true when the lists were rebuilt (atom order may have changed).
     */
    public boolean compute() {
        boolean rebuilt = neighborhood.update();
        int nall = neighborhood.nall();
        ctx.x = sys.x();
        ctx.type = sys.type();
        ctx.q = sys.q();
        ctx.nlocal = sys.size();
        ctx.nall = nall;
        ctx.box = sys.box();
        ctx.species = sys.species();
        ctx.half = neighborhood.half();
        ctx.full = neighborhood.full();
        out.reset(sys.f(), nall, perAtomEnergy);
        field.compute(ctx, out);
        neighborhood.reverse(out.f, out.eatom);
        evaluations++;
        return rebuilt;
    }

    /** Potential energy of the last evaluation (eV). */
    public double energy() { return out.energy; }

    /** Virial of the last evaluation (eV; xx, yy, zz, xy, xz, yz). Shared array: copy to keep. */
    public double[] virial() { return out.virial; }

    /** Per-atom energies of the local atoms (eV), or null when not requested. */
    public double[] perAtomEnergy() { return out.eatom; }

    public long evaluations() { return evaluations; }
}
