package io.ionstream.engine.potential;

import io.ionstream.engine.system.SpeciesTable;
import java.util.List;

/**
 * The sum of one or more {@link Potential} terms acting on a system (LAMMPS's
 * {@code hybrid/overlay} plus k-space). Runs the list-based terms, derives their virial from the
 * forces, then runs the terms that compute their own virial.
 */
public final class ForceField {
    private final List<Potential> terms;
    /** The terms as an array: the per-step loops must not allocate iterators. */
    private final Potential[] termArray;
    private final double cutoff;
    private final boolean half, full;

    public ForceField(List<Potential> terms) {
        if (terms.isEmpty()) throw new IllegalArgumentException("a force field needs at least one potential");
        this.terms = List.copyOf(terms);
        this.termArray = this.terms.toArray(new Potential[0]);
        double c = 0;
        boolean h = false, fl = false;
        for (Potential p : terms) {
            if (p.neighborMode() != NeighborMode.NONE) c = Math.max(c, p.cutoff());
            h |= p.neighborMode() == NeighborMode.HALF;
            fl |= p.neighborMode() == NeighborMode.FULL;
        }
        this.cutoff = c;
        this.half = h;
        this.full = fl;
    }

    public static ForceField of(Potential... terms) {
        return new ForceField(List.of(terms));
    }

    public List<Potential> terms() { return terms; }

    /** Largest cut-off among list-based terms (Å). */
    public double cutoff() { return cutoff; }

    public boolean needsHalfList() { return half; }

    public boolean needsFullList() { return full; }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Potential p : terms) {
            if (!sb.isEmpty()) sb.append(" + ");
            sb.append(p.name());
        }
        return sb.toString();
    }

    public void validate(SpeciesTable species) {
        for (Potential p : terms) p.validate(species);
    }

    /** Adds every term's energy, forces and virial for the context's atoms into {@code out}. */
    public void compute(ForceContext ctx, ForceOutput out) {
        boolean anyFdotr = false;
        for (Potential p : termArray) {
            if (p.virialFromForces()) {
                p.compute(ctx, out);
                anyFdotr = true;
            }
        }
        if (anyFdotr) ForceOutput.addFdotrVirial(ctx.x, out.f, ctx.nall, out.virial);
        for (Potential p : termArray) {
            if (!p.virialFromForces()) p.compute(ctx, out);
        }
    }
}
