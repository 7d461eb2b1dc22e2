package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import java.util.function.Supplier;

/**
 * Drives {@link Subdomain}s one after another with direct calls, in the order the actors
 * exchange their blocks: a test harness for the decomposition numerics without an actor system.
 */
final class InlineDomainRun {
    final AtomSystem original;
    final Subdomain[] subs;
    final DomainGrid grid;
    final Integrator integrator;
    final double[] globals;
    final StepSums total = new StepSums();
    final StepSums[] partial;
    final NeighborSettings settings;
    int rebuilds;
    boolean rebuildNext = true;

    InlineDomainRun(AtomSystem sys, DomainGrid grid, Supplier<ForceField> field, Supplier<Integrator> integrator,
                    NeighborSettings settings) {
        this.original = sys;
        this.grid = grid;
        this.settings = settings;
        this.integrator = integrator.get();
        this.globals = new double[this.integrator.globalsLength()];
        AtomBlock[] parts = Decomposition.split(sys, grid);
        subs = new Subdomain[grid.count()];
        partial = new StepSums[grid.count()];
        for (int s = 0; s < subs.length; s++) {
            subs[s] = new Subdomain(s, grid, Decomposition.subsystem(sys, parts[s]), field.get(), integrator.get(), settings);
            partial[s] = new StepSums();
        }
    }

    void setup() {
        forces(true);
        total.clear();
        for (int s = 0; s < subs.length; s++) {
            subs[s].collectSetupSums(partial[s]);
            total.add(partial[s]);
        }
        integrator.setup(total, original.copy(), globals);
        decide();
    }

    void step(boolean first) {
        for (Subdomain s : subs) {
            if (!first) s.integrator().finishStep(s.atoms(), globals);
            s.integrator().beforeForces(s.atoms(), globals);
            s.measureMotion();
        }
        boolean rebuild = rebuildNext;
        if (!rebuild) {
            for (Subdomain s : subs) {
                if (s.firstAtomBeyondHalfSkin() >= 0) throw new AssertionError("prediction missed a rebuild");
            }
        }
        forces(rebuild);
        total.clear();
        for (int s = 0; s < subs.length; s++) {
            subs[s].collectSums(globals, partial[s]);
            total.add(partial[s]);
        }
        integrator.reduce(total, globals);
        decide();
    }

    void finish() {
        for (Subdomain s : subs) s.integrator().finishStep(s.atoms(), globals);
    }

    private void decide() {
        double hint = 0;
        for (Subdomain s : subs) hint = Math.max(hint, s.motionHint());
        rebuildNext = hint > 0.5 * settings.skin();
    }

    void forces(boolean rebuild) {
        int n = subs.length;
        if (rebuild) {
            rebuilds++;
            for (Subdomain s : subs) s.beginRebuild();
            for (Subdomain s : subs) {
                for (int t : s.partners()) s.acceptMigrants(subs[t].outgoing(s.index()));
            }
            for (Subdomain s : subs) s.planHalos();
        }
        GhostBlock[][] halo = new GhostBlock[n][n]; // [receiver][sender]
        for (Subdomain s : subs) {
            for (int t : s.partners()) {
                GhostBlock b = new GhostBlock(4);
                s.packHalo(t, b, rebuild);
                halo[t][s.index()] = b;
            }
        }
        ForceBlock[][] back = new ForceBlock[n][n]; // [owner][computer]
        for (Subdomain s : subs) {
            s.unpackHalos(halo[s.index()], rebuild);
            s.computeForces(rebuild);
            for (int t : s.partners()) {
                if (s.ghostsFrom(t) == 0) continue;
                ForceBlock b = new ForceBlock(4);
                s.packReverse(t, b);
                back[t][s.index()] = b;
            }
        }
        for (Subdomain s : subs) s.foldReverse(back[s.index()]);
    }

    AtomSystem gather() {
        AtomBlock[] parts = new AtomBlock[subs.length];
        for (int s = 0; s < subs.length; s++) {
            parts[s] = new AtomBlock(4);
            subs[s].export(parts[s]);
        }
        return Decomposition.gather(original, subs[0].atoms().box(), parts);
    }

    double energy() {
        double e = 0;
        for (Subdomain s : subs) e += s.energy();
        return e;
    }

    double[] virial() {
        double[] w = new double[6];
        for (Subdomain s : subs) for (int k = 0; k < 6; k++) w[k] += s.virial()[k];
        return w;
    }
}
