package io.ionstream.actors.domain;

import io.ionstream.actors.domain.decomp.AtomBlock;
import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.actors.domain.decomp.ForceBlock;
import io.ionstream.actors.domain.decomp.GhostBlock;
import io.ionstream.actors.domain.decomp.ObservableGroups;
import io.ionstream.actors.domain.decomp.Subdomain;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.potential.SystemSummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One subdomain of a decomposed run: owns a {@link Subdomain} and moves its blocks between
 * partners. One step (n) goes:
 *
 * <pre>
 *   Advance(n, globals, rebuild) from the coordinator
 *     finishStep(n-1); snapshot; beforeForces(n)
 *     [rebuild] wrap, Migrants(n) to every partner, wait for every partner's Migrants(n),
 *               take arrivals in sender order, plan halos
 *     Halo(n) to partners (every partner at a rebuild, with types and charges; otherwise only
 *       where the plan is non-empty); wait for the halos this subdomain expects
 *     forces on locals + ghosts; Reverse(n) (ghost forces) to each partner that sent ghosts;
 *       wait for the reverse forces of every partner it sent ghosts to; fold them in index order
 *     afterForces(n); Report(n, partial sums, motion hint) to the coordinator
 * </pre>
 *
 * At the end of a step whose Advance asked for it (after its {@code finishStep}, i.e. when the
 * next Advance or Finish arrives) the subdomain adds its share of the due observable groups (it
 * rides in the next report) and sends its atoms' positions ({@link DomainCoordinator.FramePart})
 * for a trajectory frame.
 *
 * Messages from partners that arrive early (a partner may start step n before this subdomain
 * has seen Advance(n)) wait in per-sender slots; nothing is combined in arrival order. The
 * blocks in messages are owned by their sender and reused every step: the coordinator's step
 * barrier guarantees that a receiver has consumed a block before its sender refills it.
 * Exceptions end the subdomain after a {@link DomainCoordinator.SubdomainFailed} report.
 */
public final class SubdomainActor extends AbstractBehavior<SubdomainActor.Command> {

    /** Messages a subdomain understands. */
    public sealed interface Command {}

    /**
     * Everything a subdomain needs, sent once all subdomains exist (they all need each other's
     * refs); {@code observables} (may be null) makes its observable groups; {@code sample},
     * {@code initState} and {@code frame} say what to record at the end of step 0, as in
     * {@link Advance}.
     */
    public record Init(int index, DomainGrid grid, SystemSummary system, AtomBlock atoms, ModelFactory model,
                       NeighborSettings neighbors, ObservableSource observables, List<ActorRef<Command>> peers,
                       ActorRef<DomainCoordinator.Command> coordinator, long sample, boolean initState, boolean frame)
        implements Command {}

    /**
     * Start step {@code step} with the globals of the previous reduction; {@code rebuild}: rebuild
     * lists (migration, new plans) at this step; {@code redo}: the step is repeated from its
     * snapshot because an atom outran the prediction; {@code sample}: the observable groups
     * (bit mask) sampled at the end of this step (per-atom energies are computed);
     * {@code initState}: the per-atom state of the stateful group is initialised at that sample;
     * {@code frame}: the atoms' positions go to the coordinator at the end of this step.
     */
    public record Advance(long step, double[] globals, boolean rebuild, boolean redo, long sample, boolean initState,
                          boolean frame) implements Command {}

    /** Atoms that moved into the receiver's box, at a rebuild. */
    public record Migrants(long step, int from, AtomBlock atoms) implements Command {}

    /** Halo images from partner {@code from} for this step, in its plan order. */
    public record Halo(long step, int from, GhostBlock ghosts) implements Command {}

    /** Forces on the ghosts the receiver sent to {@code from}, in the receiver's plan order. */
    public record Reverse(long step, int from, ForceBlock forces) implements Command {}

    /** The reduced global sums of step {@code step} (terms such as the Ewald k-space). */
    public record GlobalTotals(long step, double[] totals) implements Command {}

    /** Apply the last step's globals and return all atoms. */
    public record Finish(double[] globals) implements Command {}

    /** End of the job. */
    public record Stop() implements Command {}

    public static Behavior<Command> create() {
        return Behaviors.setup(SubdomainActor::new);
    }

    /** Where subdomains run: their own dispatcher, one thread per core (see {@code reference.conf}). */
    public static final DispatcherSelector DISPATCHER = DispatcherSelector.fromConfig("ionstream.subdomain-dispatcher");

    private enum Phase { IDLE, MIGRATING, HALO, REVERSE }

    private Subdomain sub;
    private final List<Command> early = new ArrayList<>();
    private int index;
    private List<ActorRef<Command>> peers;
    private ActorRef<DomainCoordinator.Command> coordinator;
    private Integrator integrator;
    private double[] globals;
    private final StepSums partial = new StepSums();

    private long step = -1;
    private boolean rebuild, stepped;
    private Phase phase = Phase.IDLE;
    private Migrants[] migrantsIn;
    private Halo[] haloIn;
    private Reverse[] reverseIn;
    private GhostBlock[] haloBlocks;
    private ForceBlock[] reverseBlocks;
    private GhostBlock[] haloOut;
    private ForceBlock[] reverseOut;
    private double[] globalPartial;
    private ObservableGroups observables;
    private double[] observed;
    private long sampling;
    private boolean initState, frame;
    private long observedStep = -1;
    private static final double[] NO_EXTRA = new double[0];
    private GlobalTotals totals;
    private long violationId = -1;
    private double violationDistance;

    private long stepStart, waitStart, busyNanos, forceNanos, waitNanos, cpuNanos, steps, messages;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private SubdomainActor(ActorContext<Command> context) {
        super(context);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
            .onMessage(Init.class, this::guarded)
            .onMessage(Advance.class, this::guarded)
            .onMessage(Migrants.class, this::guarded)
            .onMessage(Halo.class, this::guarded)
            .onMessage(Reverse.class, this::guarded)
            .onMessage(GlobalTotals.class, this::guarded)
            .onMessage(Finish.class, this::guarded)
            .onMessage(Stop.class, m -> Behaviors.stopped())
            .build();
    }

    private Behavior<Command> guarded(Command m) {
        if (sub == null && !(m instanceof Init)) {
            early.add(m); // a partner was initialised first and already sent its step-0 migrants
            return this;
        }
        long cpu0 = THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : 0;
        try {
            return handle(m);
        } finally {
            if (THREAD_CPU) cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
        }
    }

    private Behavior<Command> handle(Command m) {
        try {
            switch (m) {
                case Init i -> {
                    onInit(i);
                    for (Command e : early) {
                        switch (e) {
                            case Migrants g -> store(g.from(), g.step(), migrantsIn, g);
                            case Halo h -> store(h.from(), h.step(), haloIn, h);
                            case Reverse r -> store(r.from(), r.step(), reverseIn, r);
                            default -> throw new IllegalStateException("subdomain " + index + " got " + e + " before Init");
                        }
                    }
                    early.clear();
                }
                case Advance a -> onAdvance(a);
                case Migrants g -> store(g.from(), g.step(), migrantsIn, g);
                case Halo h -> store(h.from(), h.step(), haloIn, h);
                case Reverse r -> store(r.from(), r.step(), reverseIn, r);
                case GlobalTotals g -> {
                    if (g.step() != step || totals != null) {
                        throw new IllegalStateException("subdomain " + index + " at step " + step + " got global sums of step " + g.step());
                    }
                    totals = g;
                }
                case Finish f -> onFinish(f);
                case Stop s -> { return Behaviors.stopped(); }
            }
            progress();
            return this;
        } catch (RuntimeException e) {
            String what = e.getMessage() != null ? e.getMessage() : e.toString();
            if (coordinator != null) coordinator.tell(new DomainCoordinator.SubdomainFailed(index, what));
            // the coordinator reports the message to the job's owner; the trace is for debugging
            getContext().getLog().debug("subdomain {} failed", index, e);
            return Behaviors.stopped();
        }
    }

    private void onInit(Init m) {
        if (sub != null) throw new IllegalStateException("subdomain " + m.index() + " initialised twice");
        index = m.index();
        coordinator = m.coordinator();
        peers = List.copyOf(m.peers());
        AtomSystem atoms = new AtomSystem(m.system().species(), m.system().box(), m.atoms().count + 16);
        m.atoms().appendTo(atoms);
        if (m.observables() != null) {
            observables = new ObservableGroups(m.observables().create());
            observed = new double[observables.partialLength()];
        }
        sub = new Subdomain(index, m.grid(), atoms, m.model().forceField(m.system()), m.model().integrator(), m.neighbors(),
            observables == null ? 0 : observables.neighborRadius());
        integrator = sub.integrator();
        globals = new double[integrator.globalsLength()];
        int n = m.grid().count();
        migrantsIn = new Migrants[n];
        haloIn = new Halo[n];
        reverseIn = new Reverse[n];
        haloBlocks = new GhostBlock[n];
        reverseBlocks = new ForceBlock[n];
        haloOut = new GhostBlock[n];
        reverseOut = new ForceBlock[n];
        // step 0: the setup evaluation, with a full rebuild (wrapping, no-op migration, first plans)
        step = 0;
        sampling = observables != null ? m.sample() : 0;
        initState = m.initState();
        frame = m.frame();
        stepStart = System.nanoTime();
        startRebuild();
    }

    private void onAdvance(Advance m) {
        if (phase != Phase.IDLE) throw new IllegalStateException("subdomain " + index + ": Advance(" + m.step() + ") during step " + step);
        stepStart = System.nanoTime();
        // the timings describe the steps, not the set-up (lists, first forces), as the run's wall time does
        if (!stepped) busyNanos = forceNanos = waitNanos = cpuNanos = 0;
        System.arraycopy(m.globals(), 0, globals, 0, globals.length);
        AtomSystem atoms = sub.atoms();
        if (m.redo()) {
            sub.restore();
        } else {
            if (stepped) integrator.finishStep(atoms, globals);
            recordIfDue();
            sub.snapshot();
        }
        step = m.step();
        rebuild = m.rebuild();
        sampling = observables != null ? m.sample() : 0;
        initState = m.initState();
        frame = m.frame();
        integrator.beforeForces(atoms, globals);
        sub.measureMotion();
        violationId = -1;
        if (rebuild) {
            startRebuild();
        } else {
            if (sub.maxDisplacement() > 0.5 * sub.settings().skin()) {
                int i = sub.firstAtomBeyondHalfSkin();
                if (i >= 0) {
                    violationId = atoms.id()[i];
                    violationDistance = sub.maxDisplacement();
                }
            }
            sendGlobalPartial();
            sendHalos(false);
        }
    }

    private void startRebuild() {
        rebuild = true;
        sub.beginRebuild();
        for (int t : sub.partners()) {
            peers.get(t).tell(new Migrants(step, index, sub.outgoing(t)));
            messages++;
        }
        phase = Phase.MIGRATING;
        waitStart = System.nanoTime();
    }

    /** The step's atoms are final: their share of the global sums goes to the coordinator now, ahead of the halos. */
    private void sendGlobalPartial() {
        if (!sub.hasGlobalSums()) return;
        globalPartial = sub.partialGlobalSums(globalPartial);
        coordinator.tell(new DomainCoordinator.GlobalPartial(step, index, globalPartial));
    }

    private void sendHalos(boolean properties) {
        for (int t : sub.partners()) {
            if (!properties && sub.haloCount(t) == 0) continue;
            if (haloOut[t] == null) haloOut[t] = new GhostBlock(sub.haloCount(t));
            sub.packHalo(t, haloOut[t], properties);
            peers.get(t).tell(new Halo(step, index, haloOut[t]));
            messages++;
        }
        phase = Phase.HALO;
        waitStart = System.nanoTime();
    }

    private <M extends Command> void store(int from, long msgStep, M[] slots, M msg) {
        if (msgStep != step && msgStep != step + 1) {
            throw new IllegalStateException("subdomain " + index + " at step " + step + " got a message of step " + msgStep
                + " from " + from);
        }
        if (slots[from] != null) {
            throw new IllegalStateException("subdomain " + index + ": two " + msg.getClass().getSimpleName()
                + " messages from " + from + " for step " + msgStep);
        }
        slots[from] = msg;
    }

    private boolean present(Command[] slots, int t) {
        Command c = slots[t];
        long s = switch (c) {
            case null -> -1;
            case Migrants g -> g.step();
            case Halo h -> h.step();
            case Reverse r -> r.step();
            default -> -1;
        };
        return s == step;
    }

    private void progress() {
        while (true) {
            switch (phase) {
                case IDLE -> { return; }
                case MIGRATING -> {
                    for (int t : sub.partners()) if (!present(migrantsIn, t)) return;
                    waitNanos += System.nanoTime() - waitStart;
                    for (int t : sub.partners()) {
                        sub.acceptMigrants(migrantsIn[t].atoms());
                        migrantsIn[t] = null;
                    }
                    checkNoStray(migrantsIn);
                    sub.planHalos();
                    sendGlobalPartial();
                    sendHalos(true);
                }
                case HALO -> {
                    for (int t : sub.partners()) {
                        if ((rebuild || sub.ghostsFrom(t) > 0) && !present(haloIn, t)) return;
                    }
                    waitNanos += System.nanoTime() - waitStart;
                    for (int t = 0; t < haloIn.length; t++) {
                        haloBlocks[t] = haloIn[t] != null && haloIn[t].step() == step ? haloIn[t].ghosts() : null;
                        if (haloBlocks[t] != null) haloIn[t] = null;
                    }
                    sub.unpackHalos(haloBlocks, rebuild);
                    long t0 = System.nanoTime();
                    sub.computeForces(rebuild, sampling != 0);
                    forceNanos += System.nanoTime() - t0;
                    for (int t : sub.partners()) {
                        if (sub.ghostsFrom(t) == 0) continue;
                        if (reverseOut[t] == null) reverseOut[t] = new ForceBlock(sub.ghostsFrom(t));
                        sub.packReverse(t, reverseOut[t]);
                        peers.get(t).tell(new Reverse(step, index, reverseOut[t]));
                        messages++;
                    }
                    phase = Phase.REVERSE;
                    waitStart = System.nanoTime();
                }
                case REVERSE -> {
                    for (int t : sub.partners()) {
                        if (sub.haloCount(t) > 0 && !present(reverseIn, t)) return;
                    }
                    if (sub.hasGlobalSums() && totals == null) return;
                    waitNanos += System.nanoTime() - waitStart;
                    for (int t = 0; t < reverseIn.length; t++) {
                        reverseBlocks[t] = reverseIn[t] != null && reverseIn[t].step() == step ? reverseIn[t].forces() : null;
                        if (reverseBlocks[t] != null) reverseIn[t] = null;
                    }
                    sub.foldReverse(reverseBlocks);
                    if (sub.hasGlobalSums()) {
                        sub.applyGlobalSums(totals.totals(), index == 0);
                        totals = null;
                    }
                    report();
                }
            }
        }
    }

    private void checkNoStray(Command[] slots) {
        for (int t = 0; t < slots.length; t++) {
            if (present(slots, t)) {
                throw new IllegalStateException("subdomain " + index + " got a message of step " + step + " from " + t
                    + ", which is not one of its partners");
            }
        }
    }

    private void report() {
        partial.extra = NO_EXTRA;
        if (step == 0) {
            sub.collectSetupSums(partial);
        } else {
            sub.collectSums(globals, partial);
            stepped = true;
            steps++;
        }
        // the observables of the previous sampled step ride in this report
        long carried = -1;
        if (observedStep >= 0 && observedStep == step - 1) {
            partial.extra = observed;
            carried = observedStep;
        }
        double hint = sub.motionHint();
        phase = Phase.IDLE;
        busyNanos += System.nanoTime() - stepStart;
        coordinator.tell(new DomainCoordinator.Report(step, index, partial, hint, violationId, violationDistance, rebuild, carried));
    }

    /**
     * At the end of a step (after its finishStep): this subdomain's share of the due observable
     * groups, which its next report (or its final atoms) carries to the coordinator, and its
     * atoms' positions for a frame.
     */
    private void recordIfDue() {
        if (sampling != 0) {
            sub.sampleObservables(observables, sampling, initState, observed);
            observedStep = step;
            sampling = 0;
        }
        if (frame) {
            AtomSystem a = sub.atoms();
            int n = a.size();
            coordinator.tell(new DomainCoordinator.FramePart(step, index, n, java.util.Arrays.copyOf(a.x(), 3 * n),
                java.util.Arrays.copyOf(a.image(), 3 * n), java.util.Arrays.copyOf(a.id(), n)));
            frame = false;
        }
    }

    private void onFinish(Finish m) {
        if (phase != Phase.IDLE) throw new IllegalStateException("subdomain " + index + ": Finish during step " + step);
        System.arraycopy(m.globals(), 0, globals, 0, globals.length);
        if (stepped) integrator.finishStep(sub.atoms(), globals);
        recordIfDue();
        boolean last = observables != null && observedStep == step;
        AtomBlock all = new AtomBlock(sub.atoms().size());
        sub.export(all);
        SubdomainStats stats = new SubdomainStats(index, steps, busyNanos, forceNanos, waitNanos, cpuNanos, sub.atoms().size(),
            sub.ghosts(), sub.builds(), messages);
        coordinator.tell(new DomainCoordinator.FinalAtoms(index, all, sub.atoms().box().copy(), stats,
            last ? observed : NO_EXTRA, last ? step : -1));
    }
}
