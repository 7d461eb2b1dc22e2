package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.analysis.live.LocalAtoms;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.neighbor.NeighborBuilder;
import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.neighbor.RebuildChecks;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.GlobalSumTerm;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.units.MetalUnits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numerics of one subdomain, without any messaging: it owns the atoms of one box of a
 * {@link DomainGrid} in an {@link AtomSystem} (ghost images received from the halo plans of its
 * partners are appended after them, as in the serial engine), runs the integrator phases on
 * them, evaluates the unchanged {@link ForceField} on locals + ghosts, and packs and unpacks
 * the blocks that the subdomain actor carries between subdomains:
 *
 * <ul>
 *   <li>rebuild: {@link #beginRebuild} wraps atoms and sorts out leavers into per-destination
 *       {@link AtomBlock}s; {@link #acceptMigrants} takes arrivals (called in sender order);
 *       {@link #planHalos} plans the halos for the new atom set;</li>
 *   <li>every step: {@link #packHalo} / {@link #unpackHalos} (positions forward),
 *       {@link #computeForces}, {@link #packReverse} / {@link #foldReverse} (ghost forces back to
 *       their owners), {@link #collectSums} and {@link #motionHint};</li>
 *   <li>with terms that sum over the whole system ({@link GlobalSumTerm}, the Ewald k-space):
 *       {@link #partialGlobalSums} once the atoms are final, {@link #applyGlobalSums} with the
 *       reduced totals.</li>
 * </ul>
 *
 * Everything that depends on the arrival order of messages takes its inputs in subdomain index
 * order, so results are reproducible whatever the scheduling.
 */
public final class Subdomain {
    /** Safety factor on the predicted motion of the next step (see {@link #motionHint}). */
    public static final double MOTION_SAFETY = 1.5;

    private final int index;
    private final DomainGrid grid;
    private final AtomSystem atoms;
    /** The terms evaluated on locals + ghosts (null when every term is a global sum). */
    private final ForceField local;
    /** Terms that need a sum over the whole system: one extra reduction per step. */
    private final GlobalSumTerm[] global;
    private final double[][] globalScratch;
    private final int[] globalLength;
    private final Integrator integrator;
    private final NeighborSettings settings;
    private final double radius, haloRadius, observableRadius;
    private final HaloGeometry geometry;
    private final HaloPlan plan;
    private int[] partners = new int[0];
    private final boolean[] allowed;
    private final AtomBlock[] outgoing;

    private final int[] ghostStart, ghostCount;
    private final int[] distinctFrom;
    private final int[][] expansionFrom;
    private int nghost;
    private final NeighborBuilder builder = new NeighborBuilder();
    private final NeighborList half, full;
    private final ForceContext ctx = new ForceContext();
    private final ForceOutput out = new ForceOutput();

    private double[] frac = new double[48];
    private double[] xhold = new double[0], xprev = new double[0];
    private boolean haveReference;
    private int builds;
    private final LocalSort sorter = new LocalSort();
    private int[] order = new int[16], owners = new int[16];
    private double[] permScratch = new double[48];
    private long[] permScratchLong = new long[16];

    private double maxDisplacement, maxMove;

    private final Snapshot snapshot = new Snapshot();
    private final LocalAtoms view = new LocalAtoms();
    private NeighborList observableList;

    public Subdomain(int index, DomainGrid grid, AtomSystem atoms, ForceField field, Integrator integrator,
                     NeighborSettings settings) {
        this(index, grid, atoms, field, integrator, settings, 0);
    }

    /**
     * A subdomain whose halo also covers {@code observableRadius} (Å): live observables that read
     * neighbours ({@link #sampleObservables}) need ghosts that far.
     */
    public Subdomain(int index, DomainGrid grid, AtomSystem atoms, ForceField field, Integrator integrator,
                     NeighborSettings settings, double observableRadius) {
        if (index < 0 || index >= grid.count()) throw new IllegalArgumentException("subdomain " + index + " outside grid " + grid);
        field.validate(atoms.species());
        this.index = index;
        this.grid = grid;
        this.atoms = atoms;
        List<Potential> locals = new ArrayList<>();
        List<GlobalSumTerm> sums = new ArrayList<>();
        for (Potential p : field.terms()) {
            if (p instanceof GlobalSumTerm g) sums.add(g);
            else locals.add(p);
        }
        this.local = locals.isEmpty() ? null : new ForceField(locals);
        this.global = sums.toArray(GlobalSumTerm[]::new);
        this.globalScratch = new double[global.length][0];
        this.globalLength = new int[global.length];
        this.integrator = integrator;
        this.settings = settings;
        double cutoff = field.cutoff() > 0 ? field.cutoff() : 1.0;
        this.radius = cutoff + settings.skin();
        this.haloRadius = Math.max(cutoff, observableRadius) + settings.skin();
        this.observableRadius = observableRadius;
        this.geometry = new HaloGeometry(grid);
        this.plan = new HaloPlan(grid, index);
        int n = grid.count();
        this.allowed = new boolean[n];
        this.outgoing = new AtomBlock[n];
        this.ghostStart = new int[n];
        this.ghostCount = new int[n];
        this.distinctFrom = new int[n];
        this.expansionFrom = new int[n][];
        this.half = field.needsHalfList() ? new NeighborList(true) : null;
        this.full = field.needsFullList() ? new NeighborList(false) : null;
    }

    public int index() { return index; }
    public DomainGrid grid() { return grid; }
    public AtomSystem atoms() { return atoms; }
    public Integrator integrator() { return integrator; }
    public NeighborSettings settings() { return settings; }
    /** List radius: cut-off plus skin (Å). */
    public double radius() { return radius; }

    /** Halo width: the larger of the cut-off and the observables' radius, plus the skin (Å). */
    public double haloRadius() { return haloRadius; }
    /** Subdomains this one exchanges halos and migrating atoms with, in index order (self excluded). */
    public int[] partners() { return partners; }
    public int builds() { return builds; }
    public int ghosts() { return nghost; }

    // ---------------------------------------------------------------- motion and rebuild policy

    /**
     * Measures how far the local atoms have moved: since the last list build (the serial
     * engine's rebuild criterion) and since the last force evaluation (the basis of the next
     * step's prediction). Call right after {@link Integrator#beforeForces}, before any wrap.
     */
    public void measureMotion() {
        maxDisplacement = 0;
        maxMove = 0;
        if (!haveReference) return;
        double[] x = atoms.x();
        double d2max = 0, m2max = 0;
        for (int k = 0, n3 = 3 * atoms.size(); k < n3; k += 3) {
            double x0 = x[k], x1 = x[k + 1], x2 = x[k + 2];
            double dx = x0 - xhold[k], dy = x1 - xhold[k + 1], dz = x2 - xhold[k + 2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > d2max) d2max = d2;
            double mx = x0 - xprev[k], my = x1 - xprev[k + 1], mz = x2 - xprev[k + 2];
            double m2 = mx * mx + my * my + mz * mz;
            if (m2 > m2max) m2max = m2;
            // the next step's move is measured from here (a rebuild, which wraps, sets it again)
            xprev[k] = x0;
            xprev[k + 1] = x1;
            xprev[k + 2] = x2;
        }
        maxDisplacement = Math.sqrt(d2max);
        maxMove = Math.sqrt(m2max);
    }

    /** Largest displacement of a local atom since the last list build, from {@link #measureMotion} (Å). */
    public double maxDisplacement() { return maxDisplacement; }

    /** Index of the first local atom that moved more than half the skin since the last build, or -1. */
    public int firstAtomBeyondHalfSkin() {
        if (!haveReference) return -1;
        double limit = 0.25 * settings.skin() * settings.skin();
        double[] x = atoms.x();
        for (int i = 0, n = atoms.size(); i < n; i++) {
            int k = 3 * i;
            double dx = x[k] - xhold[k], dy = x[k + 1] - xhold[k + 1], dz = x[k + 2] - xhold[k + 2];
            if (dx * dx + dy * dy + dz * dz > limit) return i;
        }
        return -1;
    }

    /**
     * Upper estimate of how far some local atom will have moved since the last build at the next
     * force evaluation: the displacement now plus {@link #MOTION_SAFETY} times the larger of the
     * kinematic step |v|dt + |a|dt²/2 (exact for velocity Verlet) and the last step's actual
     * move plus |a|dt² (which also covers thermostat scaling, barostat deformation and
     * minimiser steps). Call after {@link Integrator#afterForces}. The coordinator rebuilds
     * everywhere at the next step when the largest hint exceeds half the skin.
     */
    public double motionHint() {
        double dt = integrator.timestep();
        double[] v = atoms.v(), f = atoms.f(), mass = atoms.massByType();
        int[] type = atoms.type();
        double kin2 = 0, acc2 = 0;
        double half = 0.5 * dt * dt;
        for (int i = 0, n = atoms.size(); i < n; i++) {
            int k = 3 * i;
            double a = MetalUnits.FTM2V / mass[type[i]];
            double ax = a * f[k], ay = a * f[k + 1], az = a * f[k + 2];
            double sx = v[k] * dt + half * ax, sy = v[k + 1] * dt + half * ay, sz = v[k + 2] * dt + half * az;
            double s2 = sx * sx + sy * sy + sz * sz;
            if (s2 > kin2) kin2 = s2;
            double a2 = ax * ax + ay * ay + az * az;
            if (a2 > acc2) acc2 = a2;
        }
        double step = Math.max(Math.sqrt(kin2), maxMove + Math.sqrt(acc2) * dt * dt);
        return maxDisplacement + MOTION_SAFETY * step;
    }

    // ---------------------------------------------------------------- rebuild: wrap, migrate, plan

    /**
     * Starts a rebuild: checks positions, wraps local atoms into the cell, finds the partners for
     * the current cell, and moves every atom that now lies in another subdomain into the
     * outgoing block for that subdomain (read them with {@link #outgoing}).
     */
    public void beginRebuild() {
        int n = atoms.size();
        double[] x = atoms.x();
        RebuildChecks.requireFinite(x, atoms.id(), n);
        // lists are rebuilt whenever an atom moved half the skin; a whole halo width means a blow-up
        if (haveReference) RebuildChecks.requireMovedLessThan(radius, x, xhold, atoms.id(), n);
        atoms.wrapAll();
        Box box = atoms.box();
        geometry.update(box, haloRadius);
        partners = geometry.partners(index);
        Arrays.fill(allowed, false);
        allowed[index] = true;
        for (int t : partners) {
            allowed[t] = true;
            if (outgoing[t] == null) outgoing[t] = new AtomBlock(16);
            outgoing[t].clear(atoms);
        }
        ensureScratch(n);
        int keep = 0, leave = 0;
        // keepers first in their order, then leavers: order[] becomes the permutation
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 0);
            int owner = grid.ownerOf(frac[0], frac[1], frac[2]);
            owners[i] = owner;
            if (owner == index) {
                order[keep++] = i;
            } else {
                if (!allowed[owner]) {
                    throw new IllegalStateException("atom id " + atoms.id()[i] + " moved from subdomain " + index
                        + " to subdomain " + owner + ", further than the halo width " + haloRadius
                        + " Å since the last rebuild: the run is unstable (reduce the time step)");
                }
                outgoing[owner].append(atoms, i);
                leave++;
            }
        }
        if (leave > 0) {
            int k = keep;
            for (int i = 0; i < n; i++) {
                if (owners[i] != index) order[k++] = i;
            }
            atoms.permute(order, permScratch, permScratchLong);
            atoms.truncate(keep);
        }
    }

    /** Atoms leaving for partner {@code t} at this rebuild. */
    public AtomBlock outgoing(int t) {
        return outgoing[t];
    }

    /** Takes the atoms that arrived from one partner; call in increasing sender index. */
    public void acceptMigrants(AtomBlock block) {
        block.appendTo(atoms);
    }

    /**
     * Finishes a rebuild once every partner's migrants are in: sorts atoms spatially now and
     * then, and plans the halos for every partner and for this subdomain's own images.
     */
    public void planHalos() {
        int n = atoms.size();
        ensureScratch(n);
        if (settings.sortEvery() > 0 && builds % settings.sortEvery() == 0 && n > 1) {
            if (sorter.sort(atoms, grid, index, 0.5 * radius, order)) {
                atoms.permute(order, permScratch, permScratchLong);
            }
        }
        Box box = atoms.box();
        double[] x = atoms.x();
        for (int i = 0; i < n; i++) box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 3 * i);
        plan.build(geometry, frac, n, allowed);
    }

    /** Number of halo images this subdomain sends to {@code t} (its own images for t == index). */
    public int haloCount(int t) {
        return plan.count(t);
    }

    /**
     * Fills {@code block} with this step's halo for partner t: positions of the distinct atoms,
     * and at a rebuild ({@code properties}) their types and charges and the image expansion.
     */
    public void packHalo(int t, GhostBlock block, boolean properties) {
        int m = plan.count(t), u = plan.distinct(t);
        block.ensureCapacity(m, u);
        block.count = m;
        block.distinct = u;
        block.properties = properties;
        plan.packDistinctPositions(t, atoms.x(), block.x);
        if (properties) {
            plan.packDistinctInts(t, atoms.type(), block.type);
            plan.packDistinctDoubles(t, atoms.q(), block.q);
            plan.packDistinctLongs(t, atoms.id(), block.id);
            plan.packExpansion(t, block.expansion);
        }
    }

    /**
     * Writes all ghosts after the local atoms: the halos received from partners
     * ({@code fromPartner[t]}, null where nothing was sent) expanded into their images with the
     * serial ghost shell's arithmetic, and this subdomain's own periodic images, in subdomain
     * index order. At a rebuild the blocks fix the ghost layout and expansions until the next
     * one; between rebuilds their counts must match it.
     */
    public void unpackHalos(GhostBlock[] fromPartner, boolean rebuild) {
        int n = atoms.size();
        if (rebuild) {
            int start = 0;
            Arrays.fill(ghostCount, 0);
            for (int t = 0; t < grid.count(); t++) {
                int m = 0;
                if (t == index) {
                    m = plan.count(index);
                } else if (allowed[t] && fromPartner[t] != null) {
                    GhostBlock b = fromPartner[t];
                    if (!b.properties) throw new IllegalStateException("subdomain " + index + ": rebuild halo from " + t + " lacks its expansion");
                    m = b.count;
                    distinctFrom[t] = b.distinct;
                    if (expansionFrom[t] == null || expansionFrom[t].length < 4 * m) expansionFrom[t] = new int[4 * m + 16];
                    System.arraycopy(b.expansion, 0, expansionFrom[t], 0, 4 * m);
                }
                ghostStart[t] = start;
                ghostCount[t] = m;
                start += m;
            }
            nghost = start;
            atoms.ensureCapacity(n + nghost);
        }
        Box box = atoms.box();
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        double[] x = atoms.x();
        int[] type = atoms.type();
        double[] q = atoms.q();
        long[] id = atoms.id();
        for (int t = 0; t < grid.count(); t++) {
            int m = ghostCount[t];
            if (m == 0) continue;
            int o = n + ghostStart[t];
            if (t == index) {
                plan.packPositions(index, box, x, x, o);
                if (rebuild) {
                    plan.packInts(index, type, type, o);
                    plan.packDoubles(index, q, q, o);
                    plan.packLongs(index, id, id, o);
                }
                continue;
            }
            GhostBlock b = fromPartner[t];
            if (b == null || b.count != m || b.distinct != distinctFrom[t]) {
                throw new IllegalStateException("subdomain " + index + ": halo from " + t + " has "
                    + (b == null ? "no block" : b.count + " images of " + b.distinct + " atoms") + ", expected " + m
                    + " of " + distinctFrom[t]);
            }
            int[] e = expansionFrom[t];
            double[] bx = b.x;
            for (int k = 0; k < m; k++) {
                int src = 3 * e[4 * k], dst = 3 * (o + k);
                int na = e[4 * k + 1], nb = e[4 * k + 2], nc = e[4 * k + 3];
                x[dst] = bx[src] + na * lx + nb * xy + nc * xz;
                x[dst + 1] = bx[src + 1] + nb * ly + nc * yz;
                x[dst + 2] = bx[src + 2] + nc * lz;
            }
            if (rebuild) {
                for (int k = 0; k < m; k++) {
                    int u = e[4 * k];
                    type[o + k] = b.type[u];
                    q[o + k] = b.q[u];
                    id[o + k] = b.id[u];
                }
            }
        }
    }

    /** Ghost images received from partner t at the last rebuild (0 when t sends nothing). */
    public int ghostsFrom(int t) {
        return t == index ? 0 : ghostCount[t];
    }

    // ---------------------------------------------------------------- forces

    /**
     * Evaluates the force field on locals + ghosts (forces on ghosts stay in place until they are
     * packed for their owners); at a rebuild, builds the lists first and takes the current
     * positions as the new displacement reference.
     */
    public void computeForces(boolean rebuild) {
        computeForces(rebuild, false);
    }

    /** As {@link #computeForces(boolean)}, with per-atom energies when {@code perAtomEnergy} (sampling steps). */
    public void computeForces(boolean rebuild, boolean perAtomEnergy) {
        int n = atoms.size();
        int nall = n + nghost;
        double[] x = atoms.x();
        if (rebuild) {
            if (half != null) builder.build(half, x, n, nall, radius);
            if (full != null) builder.build(full, x, n, nall, radius);
            if (xhold.length < 3 * n) {
                xhold = new double[3 * n + 3 * (n >> 3) + 3];
                xprev = new double[xhold.length];
            }
            System.arraycopy(x, 0, xhold, 0, 3 * n);
            System.arraycopy(x, 0, xprev, 0, 3 * n);
            maxDisplacement = 0; // the new reference
            haveReference = true;
            builds++;
        }
        ctx.x = x;
        ctx.type = atoms.type();
        ctx.q = atoms.q();
        ctx.nlocal = n;
        ctx.nall = nall;
        ctx.box = atoms.box();
        ctx.species = atoms.species();
        ctx.half = half;
        ctx.full = full;
        out.reset(atoms.f(), nall, perAtomEnergy);
        if (local != null) local.compute(ctx, out);
    }

    // ---------------------------------------------------------------- live observables

    /**
     * Adds this subdomain's share of the observable groups in {@code mask} into {@code partial}
     * (cleared first; each group at its offset, zeros for the others), from the local atoms and
     * the ghosts of the last force evaluation, with the per-atom energies of that evaluation when
     * it computed them. {@code initState}: the stateful group's reference state (MSD origins,
     * cages) is taken now; otherwise the atoms carry it already (a continuation from a
     * checkpoint). Call at the end of a step (after {@code finishStep}); the per-atom state
     * lives in the system's extra array {@link ObservableSet#STATE_ARRAY}, so it migrates.
     * Local positions are as the last rebuild left them, within half a skin of the cell (the
     * ghosts are images of exactly these positions, so neighbour distances are exact).
     */
    public void sampleObservables(ObservableGroups groups, long mask, boolean initState, double[] partial) {
        int n = atoms.size();
        LocalAtoms v = view;
        v.nlocal = n;
        v.nall = n + nghost;
        v.x = atoms.x();
        v.type = atoms.type();
        v.id = atoms.id();
        v.image = atoms.image();
        v.v = atoms.v();
        v.eatom = out.eatom;
        v.potentialEnergy = out.energy;
        System.arraycopy(out.virial, 0, v.virial, 0, 6);
        v.box = atoms.box();
        v.species = atoms.species();
        v.massByType = atoms.massByType();
        double r = groups.neighborRadius(mask);
        if (r > observableRadius) {
            throw new IllegalStateException("the observables need neighbours within " + r + " Å but the halo was sized for "
                + observableRadius + " Å");
        }
        if (r > 0) {
            if (observableList == null) observableList = new NeighborList(false);
            builder.build(observableList, atoms.x(), n, n + nghost, r);
        }
        v.full = r > 0 ? observableList : null;
        Arrays.fill(partial, 0.0);
        for (int g = 0; g < groups.count(); g++) {
            if (!ObservableGroups.due(mask, g)) continue;
            ObservableSet set = groups.set(g);
            set.bindState(atoms, v);
            if (initState && g == groups.statefulGroup()) set.initState(v);
            double[] mine = groups.scratch(g);
            Arrays.fill(mine, 0.0);
            set.accumulate(v, mine);
            System.arraycopy(mine, 0, partial, groups.offset(g), mine.length);
        }
    }

    // ---------------------------------------------------------------- global sums

    /** True when some term needs the extra reduction round of {@link #partialGlobalSums}. */
    public boolean hasGlobalSums() {
        return global.length > 0;
    }

    /**
     * This subdomain's share of every global-sum term's partial sums, concatenated into
     * {@code out} (grown as needed and returned). Call once the step's local atoms are final.
     */
    public double[] partialGlobalSums(double[] out) {
        localContext();
        int len = 0;
        for (int g = 0; g < global.length; g++) {
            globalLength[g] = global[g].prepare(atoms.box());
            len += globalLength[g];
        }
        if (out == null || out.length != len) out = new double[len];
        int o = 0;
        for (int g = 0; g < global.length; g++) {
            double[] part = scratch(g);
            global[g].partialSums(ctx, part);
            System.arraycopy(part, 0, out, o, globalLength[g]);
            o += globalLength[g];
        }
        return out;
    }

    /**
     * Adds the global-sum terms' forces on the local atoms from the reduced {@code totals};
     * {@code owner} (exactly one subdomain) also adds their global energy and virial.
     */
    public void applyGlobalSums(double[] totals, boolean owner) {
        localContext();
        int o = 0;
        for (int g = 0; g < global.length; g++) {
            double[] part = scratch(g);
            if (o + globalLength[g] > totals.length) {
                throw new IllegalStateException("global sums of " + totals.length + " values, expected at least " + (o + globalLength[g]));
            }
            System.arraycopy(totals, o, part, 0, globalLength[g]);
            global[g].applyForces(ctx, part, out);
            if (owner) global[g].addEnergyAndVirial(part, out);
            o += globalLength[g];
        }
    }

    private double[] scratch(int g) {
        if (globalScratch[g].length < globalLength[g]) globalScratch[g] = new double[globalLength[g]];
        return globalScratch[g];
    }

    /** The force context over the local atoms only, as global-sum terms read it. */
    private void localContext() {
        ctx.x = atoms.x();
        ctx.type = atoms.type();
        ctx.q = atoms.q();
        ctx.nlocal = atoms.size();
        ctx.nall = atoms.size() + nghost;
        ctx.box = atoms.box();
        ctx.species = atoms.species();
    }

    /**
     * Sums the forces on the images received from partner t per distinct atom (in image order)
     * into {@code block} for their owner.
     */
    public void packReverse(int t, ForceBlock block) {
        int m = ghostCount[t], u = distinctFrom[t];
        block.ensureCapacity(u);
        block.count = u;
        double[] out = block.f, f = atoms.f();
        Arrays.fill(out, 0, 3 * u, 0.0);
        int[] e = expansionFrom[t];
        int o = 3 * (atoms.size() + ghostStart[t]);
        for (int k = 0; k < m; k++) {
            int d = 3 * e[4 * k], src = o + 3 * k;
            out[d] += f[src];
            out[d + 1] += f[src + 1];
            out[d + 2] += f[src + 2];
        }
        block.energies = this.out.eatom != null;
        if (block.energies) {
            block.ensureEnergyCapacity(u);
            Arrays.fill(block.e, 0, u, 0.0);
            int oe = atoms.size() + ghostStart[t];
            for (int k = 0; k < m; k++) block.e[e[4 * k]] += this.out.eatom[oe + k];
        }
    }

    /**
     * Adds the ghost forces returned by partners ({@code fromPartner[t]}, null where this
     * subdomain sent nothing) and those on its own images to the owning local atoms, in
     * subdomain index order.
     */
    public void foldReverse(ForceBlock[] fromPartner) {
        double[] f = atoms.f();
        int n = atoms.size();
        for (int t = 0; t < grid.count(); t++) {
            int m = plan.count(t);
            if (m == 0) continue;
            if (t == index) {
                plan.fold3(index, f, n + ghostStart[index], f);
                if (out.eatom != null) plan.fold(index, out.eatom, n + ghostStart[index], out.eatom);
                continue;
            }
            ForceBlock b = fromPartner[t];
            if (b == null || b.count != plan.distinct(t)) {
                throw new IllegalStateException("subdomain " + index + ": reverse forces from " + t + " hold "
                    + (b == null ? "nothing" : b.count + " atoms") + ", expected " + plan.distinct(t));
            }
            plan.foldDistinct(t, b.f, f);
            if (out.eatom != null) {
                if (!b.energies) throw new IllegalStateException("subdomain " + index + ": reverse block from " + t + " lacks per-atom energies");
                plan.foldDistinctScalars(t, b.e, out.eatom);
            }
        }
    }

    /** Potential energy of the last evaluation (this subdomain's share, eV). */
    public double energy() { return out.energy; }

    /** This subdomain's share of the virial (fdotr over locals + ghosts), LAMMPS order. */
    public double[] virial() { return out.virial; }

    /**
     * This step's partial sums: potential energy and virial of the last evaluation, then the
     * integrator's {@code afterForces} (second half kick, kinetic tensor).
     */
    public void collectSums(double[] globals, StepSums partial) {
        partial.clear();
        partial.potentialEnergy = out.energy;
        System.arraycopy(out.virial, 0, partial.virial, 0, 6);
        integrator.afterForces(atoms, globals, partial);
    }

    /** The sums of the initial evaluation, before the integrator is set up (as the serial MdRunner). */
    public void collectSetupSums(StepSums partial) {
        partial.clear();
        partial.potentialEnergy = out.energy;
        System.arraycopy(out.virial, 0, partial.virial, 0, 6);
        partial.addKinetic(atoms.v(), atoms.type(), atoms.massByType(), atoms.size());
    }

    // ---------------------------------------------------------------- step snapshot (redo)

    /** Saves the state that {@code beforeForces} and the force evaluation change, to redo the step. */
    public void snapshot() {
        snapshot.save(atoms);
    }

    /** Restores the last {@link #snapshot}. */
    public void restore() {
        snapshot.restore(atoms);
    }

    // ---------------------------------------------------------------- gather

    /** Fills {@code block} with every local atom. */
    public void export(AtomBlock block) {
        block.clear(atoms);
        block.ensureCapacity(atoms.size());
        for (int i = 0, n = atoms.size(); i < n; i++) block.append(atoms, i);
    }

    private void ensureScratch(int n) {
        if (order.length < n) {
            int c = n + (n >> 2) + 16;
            order = new int[c];
            owners = new int[c];
            permScratchLong = new long[c];
        }
        if (permScratch.length < 3 * n) permScratch = new double[3 * (n + (n >> 2) + 16)];
        if (frac.length < 3 * n) frac = new double[3 * (n + (n >> 2) + 16)];
    }

    /**
     * Positions, velocities, forces, extra per-atom arrays and cell as of the start of a step.
     * Image flags change only when a rebuild wraps atoms, and a redone step never follows a
     * rebuild within the step, so they need no copy.
     */
    private static final class Snapshot {
        private int n = -1;
        private double[] x = new double[0], v = new double[0], f = new double[0];
        private Box box;
        private String[] extraNames = new String[0];
        private double[][] extra = new double[0][];

        void save(AtomSystem s) {
            n = s.size();
            if (x.length < 3 * n) {
                int c = 3 * (n + (n >> 3) + 1);
                x = new double[c];
                v = new double[c];
                f = new double[c];
            }
            System.arraycopy(s.x(), 0, x, 0, 3 * n);
            System.arraycopy(s.v(), 0, v, 0, 3 * n);
            System.arraycopy(s.f(), 0, f, 0, 3 * n);
            if (box == null) box = s.box().copy();
            else box.setFrom(s.box());
            String[] names = s.perAtomNames();
            if (!Arrays.equals(names, extraNames)) {
                extraNames = names;
                extra = new double[names.length][0];
            }
            for (int e = 0; e < names.length; e++) {
                double[] a = s.perAtom(names[e]);
                int len = a.length / s.type().length * n;
                if (extra[e].length < len) extra[e] = new double[len + (len >> 3) + 1];
                System.arraycopy(a, 0, extra[e], 0, len);
            }
        }

        void restore(AtomSystem s) {
            if (n != s.size()) throw new IllegalStateException("no snapshot of the current atoms to restore");
            System.arraycopy(x, 0, s.x(), 0, 3 * n);
            System.arraycopy(v, 0, s.v(), 0, 3 * n);
            System.arraycopy(f, 0, s.f(), 0, 3 * n);
            s.box().setFrom(box);
            for (int e = 0; e < extraNames.length; e++) {
                double[] a = s.perAtom(extraNames[e]);
                System.arraycopy(extra[e], 0, a, 0, a.length / s.type().length * n);
            }
        }
    }
}
