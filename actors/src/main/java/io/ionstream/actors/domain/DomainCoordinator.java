package io.ionstream.actors.domain;

import io.ionstream.actors.domain.decomp.AtomBlock;
import io.ionstream.actors.domain.decomp.Decomposition;
import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.actors.domain.decomp.ObservableGroups;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.md.Thermo;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.potential.SystemValidator;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Runs one {@link DomainJob}: chooses the grid, places one {@link SubdomainActor} per subdomain
 * (as its own children, or through {@link SubdomainHost}s on cluster nodes), and drives the
 * steps. It is the only place where global decisions are made, once per step, from one small
 * {@link Report} per subdomain:
 *
 * <ul>
 *   <li>the partial {@link StepSums} are added in subdomain index order (reproducible), and the
 *       integrator's {@code reduce} turns them into the {@code globals} of the next step;</li>
 *   <li>the largest motion hint decides whether the next step rebuilds lists (with the serial
 *       engine's {@code every}/{@code delay}/{@code check} rules), so no second reduction per
 *       step is needed;</li>
 *   <li>a report that an atom moved beyond half the skin without a scheduled rebuild makes
 *       every subdomain redo the step from its snapshot with a rebuild, so a missed prediction
 *       costs time, never accuracy.</li>
 * </ul>
 *
 * Advance(n+1, globals, rebuild) goes back to every subdomain: one message each way per step.
 *
 * <p>A run may continue an earlier one ({@link DomainJob.Start}): step numbers and times are
 * then global, the integrator's state is restored over a fresh {@code setup}, and the
 * observables keep the per-atom state the atoms carry. At steps its cadences name, the
 * coordinator also assembles live observables and trajectory frames ({@link FramePart}s).
 *
 * <p>Subdomains placed on other nodes are watched, and so are their hosts: a node that leaves
 * (or a host that does not answer) ends the run with {@link Aborted#placementLost()}, which the
 * owner may retry from its last checkpoint on the nodes that remain; an error inside a
 * subdomain ends it with that error, not retried.
 */
public final class DomainCoordinator extends AbstractBehavior<DomainCoordinator.Command> {

    /** Messages the coordinator understands. */
    public sealed interface Command {}

    /**
     * A subdomain's partial sums and motion hint for one step; when {@code observed} ≥ 0 the
     * sums' {@code extra} holds its share of the live observables of that (earlier) step.
     */
    public record Report(long step, int from, StepSums sums, double hint, long violationId, double violationDistance,
                         boolean rebuilt, long observed) implements Command {}

    /** A subdomain's share of the global sums of one step (terms such as the Ewald k-space). */
    public record GlobalPartial(long step, int from, double[] sums) implements Command {}

    /**
     * A subdomain's atoms and timings at the end of the job, and its share of the observables of
     * the last step when {@code observed} ≥ 0.
     */
    public record FinalAtoms(int from, AtomBlock atoms, Box box, SubdomainStats stats, double[] observables, long observed)
        implements Command {}

    /** A subdomain hit an error (bad input, unstable run): the job ends with this message. */
    public record SubdomainFailed(int from, String message) implements Command {}

    /** A host spawned subdomain {@code index}. */
    public record Spawned(int index, ActorRef<SubdomainActor.Command> ref) implements Command {}

    /**
     * A subdomain's atoms at the end of a frame step (after its finishStep): {@code count}
     * positions, image counters and ids.
     */
    public record FramePart(long step, int from, int count, double[] x, int[] image, long[] id) implements Command {}

    private record SubdomainStopped(int index) implements Command {}

    private record StopGrace(int index) implements Command {}

    private record HostLost(String address) implements Command {}

    /** A member of the cluster changed status (Down, Leaving, Exiting, Removed: it will not serve this run). */
    private record NodeGone(org.apache.pekko.actor.Address address, String status) implements Command {}

    private record PlacementTimeout() implements Command {}

    /** How long a stopped subdomain's own failure report may lag behind the notice that it stopped. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** How long hosts may take to spawn every subdomain. */
    private static final Duration PLACEMENT_TIMEOUT = Duration.ofSeconds(30);

    /** How a job ended, sent to the job's owner. */
    public sealed interface Outcome {}

    public record Completed(DomainResult result) implements Outcome {}

    /**
     * The run ended without a result; {@code placementLost}: because a node or host went away
     * (the run itself was sound, and may be repeated on the nodes that remain).
     */
    public record Aborted(String reason, boolean placementLost) implements Outcome {
        public Aborted(String reason) {
            this(reason, false);
        }
    }

    /**
     * Receives what the run records, on the coordinator's thread (so it must return quickly):
     * thermo samples, live observables, frames, and the end of every step; it may ask the run
     * to stop at the end of the current step.
     */
    @FunctionalInterface
    public interface ProgressListener {
        void sample(ThermoSample s);

        default void observables(ObservableSample s) {}

        default void frame(FrameSample f) {}

        /** Global step {@code step} (≥ 1) has been reduced. */
        default void stepped(long step) {}

        /** Polled after every step: true ends the run there ({@link DomainResult#stopped()}). */
        default boolean stopRequested() { return false; }
    }

    /**
     * The coordinator of {@code job}; subdomains are spawned as children when {@code hosts} is
     * empty, otherwise on the hosts (subdomain i on host ⌊i·H/N⌋, so each host gets a slab of
     * consecutive subdomains).
     */
    public static Behavior<Command> create(DomainJob job, String jobName, List<ActorRef<SubdomainHost.Command>> hosts,
                                           ActorRef<Outcome> replyTo, ProgressListener listener) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            try {
                return new DomainCoordinator(ctx, timers, job, jobName, hosts, replyTo, listener);
            } catch (RuntimeException e) {
                replyTo.tell(new Aborted(e.getMessage() != null ? e.getMessage() : e.toString()));
                return Behaviors.stopped();
            }
        }));
    }

    private final TimerScheduler<Command> timers;
    private final DomainJob job;
    private final ActorRef<Outcome> replyTo;
    private final ProgressListener listener;
    private final DomainGrid grid;
    private final SystemSummary summary;
    private final AtomBlock[] initial;
    private final ActorRef<SubdomainActor.Command>[] subdomains;
    private int placed;
    private final Integrator integrator;
    private final double[] globals;
    private final ShadowCell shadow;
    private final DomainJob.Start start;
    private final ObservableGroups observables;
    private final List<ObservableSample> observed = new ArrayList<>();
    private boolean stateInitialised;
    /** What the current step records at its end (the same again when it is redone). */
    private long recordSample;
    private boolean recordInit, recordFrame;
    private GlobalFrame observedFrame;
    private long observedStep = -1, observedMask;
    private double[] observedTotal;
    private final long[] sortedIds;
    private final int[] sortedIndex;
    private FramePart[] frameParts;
    private int frameCount;
    private long frameStep = -1;
    private Box frameBox;
    private boolean stopped;
    private final java.util.Set<org.apache.pekko.actor.Address> hostNodes = new java.util.HashSet<>();
    private final NeighborSettings settings;
    private final Report[] reports;
    private int reportCount;
    private final GlobalPartial[] partials;
    private int partialCount;
    private double[] globalTotals;
    private final StepSums total = new StepSums();
    private long step;
    private int sinceBuild;
    private int rebuilds, redos;
    private final List<ThermoSample> thermo = new ArrayList<>();
    private ThermoSample last;
    private final FinalAtoms[] finals;
    private int finalCount;
    private long wallStart, wallNanos;
    private boolean finishing, done;

    @SuppressWarnings("unchecked")
    private DomainCoordinator(ActorContext<Command> ctx, TimerScheduler<Command> timers, DomainJob job, String jobName,
                              List<ActorRef<SubdomainHost.Command>> hosts, ActorRef<Outcome> replyTo,
                              ProgressListener listener) {
        super(ctx);
        this.timers = timers;
        this.job = job;
        this.replyTo = replyTo;
        this.listener = listener;
        this.settings = job.neighbors();
        AtomSystem sys = job.system();
        boolean remote = hosts.stream().anyMatch(h -> h.path().address().hasGlobalScope());
        if (remote && !(job.model() instanceof ModelSpec) && !(job.model() instanceof Portable)) {
            throw new IllegalArgumentException("a job on several nodes needs its model as a ModelSpec (potential file text) or a "
                + "Portable model; " + job.model().getClass().getName() + " only works in one process");
        }
        if (remote && job.observables() != null && !(job.observables().groups() instanceof Portable)) {
            throw new IllegalArgumentException("live observables on several nodes need a Portable observable source; "
                + job.observables().groups().getClass().getName() + " only works in one process");
        }
        this.start = job.start();
        this.stateInitialised = start.observablesInitialised();
        this.observables = job.observables() == null ? null : new ObservableGroups(job.observables().groups().create());
        this.summary = SystemSummary.of(sys);
        ForceField probe = job.model().forceField(summary);
        double radius = (probe.cutoff() > 0 ? probe.cutoff() : 1.0) + settings.skin();
        // the serial engine's checks, on the whole system: bad input fails here, naming the atom
        SystemValidator.defaults().validate(sys, probe, radius);
        this.grid = DomainGrid.choose(sys.box(), job.subdomains(), radius);
        this.initial = Decomposition.split(sys, grid);
        this.integrator = job.model().integrator();
        this.globals = new double[integrator.globalsLength()];
        double[] resume = start.globals();
        if (resume != null && resume.length != globals.length) {
            throw new IllegalArgumentException("the run continues from " + resume.length + " integrator values; "
                + integrator.name() + " keeps " + globals.length);
        }
        this.shadow = new ShadowCell(sys);
        if (job.frames() != null) {
            sortedIds = sys.id().clone();
            java.util.Arrays.sort(sortedIds, 0, sys.size());
            sortedIndex = new int[sys.size()];
            for (int i = 0; i < sys.size(); i++) sortedIndex[Arrays.binarySearch(sortedIds, 0, sys.size(), sys.id()[i])] = i;
        } else {
            sortedIds = null;
            sortedIndex = null;
        }
        int n = grid.count();
        this.subdomains = new ActorRef[n];
        this.reports = new Report[n];
        this.partials = new GlobalPartial[n];
        this.finals = new FinalAtoms[n];
        if (!hosts.isEmpty()) {
            for (ActorRef<SubdomainHost.Command> h : new java.util.LinkedHashSet<>(hosts)) {
                ctx.watchWith(h, new HostLost(h.path().address().toString()));
                if (h.path().address().hasGlobalScope()) hostNodes.add(h.path().address());
            }
            timers.startSingleTimer(new PlacementTimeout(), PLACEMENT_TIMEOUT);
            if (remote) watchMembers(ctx);
        }
        plan(0);
        for (int i = 0; i < n; i++) {
            if (hosts.isEmpty()) {
                ActorRef<SubdomainActor.Command> ref = ctx.spawn(SubdomainActor.create(), "subdomain-" + i, SubdomainActor.DISPATCHER);
                placed(i, ref);
            } else {
                hosts.get((int) ((long) i * hosts.size() / n))
                    .tell(new SubdomainHost.Spawn(jobName, i, ctx.getSelf()));
            }
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
            .onMessage(Spawned.class, m -> { placed(m.index(), m.ref()); return this; })
            .onMessage(Report.class, this::onReport)
            .onMessage(GlobalPartial.class, this::onGlobalPartial)
            .onMessage(FinalAtoms.class, this::onFinal)
            .onMessage(FramePart.class, this::onFramePart)
            .onMessage(SubdomainFailed.class, m -> abort("subdomain " + m.from() + ": " + m.message()))
            .onMessage(SubdomainStopped.class, m -> {
                // the stop notice can overtake the subdomain's SubdomainFailed: wait for it briefly
                if (!done) timers.startSingleTimer(new StopGrace(m.index()), STOP_GRACE);
                return this;
            })
            .onMessage(StopGrace.class, m -> lost("subdomain " + m.index()
                + " stopped unexpectedly (its node left the cluster?)"))
            .onMessage(HostLost.class, m -> lost("the subdomain host on " + m.address() + " went away (its node left the cluster)"))
            .onMessage(NodeGone.class, m -> !m.status().isEmpty() && hostNodes.contains(m.address())
                ? lost("cluster node " + m.address() + " is " + m.status() + "; its subdomains are lost")
                : this)
            .onSignal(org.apache.pekko.actor.typed.PostStop.class, sig -> {
                // stopped from outside (the owner gave up): subdomains on other nodes are not our children
                if (!done) for (ActorRef<SubdomainActor.Command> s : subdomains) if (s != null) s.tell(new SubdomainActor.Stop());
                return this;
            })
            .onMessage(PlacementTimeout.class, m -> placed < subdomains.length
                ? lost("only " + placed + " of " + subdomains.length + " subdomains were placed within " + PLACEMENT_TIMEOUT.toSeconds()
                    + " s (a host did not answer)")
                : this)
            .build();
    }

    /**
     * Follows the cluster membership: a node holding subdomains that is downed or leaves ends
     * the run at once, rather than when the failure detector and the removal catch up (the
     * death-watch of its actors and host covers the rest).
     */
    private static void watchMembers(ActorContext<Command> ctx) {
        ActorRef<org.apache.pekko.cluster.ClusterEvent.MemberEvent> events = ctx.messageAdapter(
            org.apache.pekko.cluster.ClusterEvent.MemberEvent.class, e -> {
                var m = e.member();
                var st = m.status();
                boolean gone = st == org.apache.pekko.cluster.MemberStatus.down() || st == org.apache.pekko.cluster.MemberStatus.leaving()
                    || st == org.apache.pekko.cluster.MemberStatus.exiting() || st == org.apache.pekko.cluster.MemberStatus.removed();
                return new NodeGone(m.address(), gone ? st.toString().toLowerCase(java.util.Locale.ROOT) : "");
            });
        org.apache.pekko.cluster.typed.Cluster.get(ctx.getSystem()).subscriptions()
            .tell(org.apache.pekko.cluster.typed.Subscribe.create(events, org.apache.pekko.cluster.ClusterEvent.MemberEvent.class));
    }

    /**
     * Decides what step {@code n} (local) records at its end: the due observable groups (the
     * stateful one initialises its per-atom state at its first sample unless the run continues
     * with it) and whether a frame is gathered.
     */
    private void plan(long n) {
        long global = start.step() + n;
        boolean last = n == job.steps();
        recordSample = observables == null ? 0 : job.observables().cadence().groupsDue(global, last);
        if (observables != null) recordSample &= observables.count() == 64 ? -1L : (1L << observables.count()) - 1;
        recordInit = false;
        int st = observables == null ? -1 : observables.statefulGroup();
        if (st >= 0 && ObservableGroups.due(recordSample, st) && !stateInitialised) {
            recordInit = true;
            stateInitialised = true;
        }
        recordFrame = job.frames() != null && job.frames().test(global);
    }

    private long global(long n) {
        return start.step() + n;
    }

    private double time(long n) {
        return start.time() + n * integrator.timestep();
    }

    private void placed(int i, ActorRef<SubdomainActor.Command> ref) {
        if (subdomains[i] != null) throw new IllegalStateException("subdomain " + i + " placed twice");
        subdomains[i] = ref;
        getContext().watchWith(ref, new SubdomainStopped(i));
        if (++placed < subdomains.length) return;
        List<ActorRef<SubdomainActor.Command>> peers = List.of(subdomains);
        timers.cancel(PlacementTimeout.class);
        ObservableSource source = job.observables() == null ? null : job.observables().groups();
        for (int t = 0; t < subdomains.length; t++) {
            subdomains[t].tell(new SubdomainActor.Init(t, grid, summary, initial[t], job.model(), settings, source,
                peers, getContext().getSelf(), recordSample, recordInit, recordFrame));
            initial[t] = null;
        }
    }

    /**
     * The extra reduction of global-sum terms: partial vectors are added in subdomain index
     * order and the totals go back to every subdomain, while they compute their pair forces.
     */
    private Behavior<Command> onGlobalPartial(GlobalPartial p) {
        if (p.step() != step || partials[p.from()] != null) {
            return abort("internal error: global sums of step " + p.step() + " from subdomain " + p.from() + " during step " + step);
        }
        partials[p.from()] = p;
        if (++partialCount < partials.length) return this;
        partialCount = 0;
        int len = partials[0].sums().length;
        if (globalTotals == null || globalTotals.length != len) globalTotals = new double[len];
        else Arrays.fill(globalTotals, 0.0);
        for (GlobalPartial q : partials) {
            if (q.sums().length != len) return abort("internal error: global sums of different lengths (" + len + ", " + q.sums().length + ")");
            for (int k = 0; k < len; k++) globalTotals[k] += q.sums()[k];
        }
        Arrays.fill(partials, null);
        broadcast(new SubdomainActor.GlobalTotals(step, globalTotals));
        return this;
    }

    private Behavior<Command> onReport(Report r) {
        if (r.step() != step || reports[r.from()] != null) {
            return abort("internal error: report of step " + r.step() + " from subdomain " + r.from() + " during step " + step);
        }
        reports[r.from()] = r;
        if (++reportCount < reports.length) return this;
        reportCount = 0;
        try {
            return stepComplete();
        } catch (RuntimeException e) {
            return abort(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private Behavior<Command> stepComplete() {
        boolean rebuilt = reports[0].rebuilt();
        double hint = 0;
        long violator = -1;
        double violation = 0;
        for (Report r : reports) {
            hint = Math.max(hint, r.hint());
            if (r.violationId() >= 0 && r.violationDistance() > violation) {
                violator = r.violationId();
                violation = r.violationDistance();
            }
        }
        if (step > 0 && !rebuilt && violator >= 0 && settings.check() && rebuildAllowed(sinceBuild + 1)) {
            // an atom outran the prediction: these forces may miss pairs; redo the step with a rebuild
            getContext().getLog().debug("step {}: atom id {} moved {} Å since the last build; redoing with a rebuild",
                step, violator, violation);
            Arrays.fill(reports, null);
            redos++;
            shadow.restore();
            shadow.beforeForces(integrator, globals);
            broadcast(new SubdomainActor.Advance(step, globals, true, true, recordSample, recordInit, recordFrame));
            return this;
        }
        total.clear();
        for (Report r : reports) total.add(r.sums());
        long carried = reports[0].observed();
        Arrays.fill(reports, null);
        if (carried >= 0) finishObservables(carried, total.extra);
        if (rebuilt) {
            rebuilds++;
            sinceBuild = 0;
        } else {
            sinceBuild++;
        }
        if (step == 0) {
            integrator.setup(total, job.system().copy(), globals);
            double[] resume = start.globals();
            // a continuation: the state of the run it continues, over a fresh setup (as the serial engine resumes)
            if (resume != null) System.arraycopy(resume, 0, globals, 0, globals.length);
        } else {
            shadow.afterForces(integrator, globals);
            integrator.reduce(total, globals);
            if (listener != null) listener.stepped(global(step));
        }
        // minimisers stop when converged, like MdRunner.runUntilConverged; the owner may stop the run
        boolean planned = step == job.steps() || (step > 0 && integrator.converged(globals));
        stopped = !planned && step > 0 && listener != null && listener.stopRequested();
        boolean finalStep = planned || stopped;
        record(finalStep);
        if (finalStep) {
            wallNanos = step > 0 ? System.nanoTime() - wallStart : 0;
            if (step > 0) shadow.finishStep(integrator, globals);
            endOfStep();
            finishing = true;
            broadcast(new SubdomainActor.Finish(globals));
            return this;
        }
        int next = sinceBuild + 1;
        boolean rebuild = rebuildAllowed(next) && (!settings.check() || hint > 0.5 * settings.skin());
        if (step == 0) wallStart = System.nanoTime();
        else shadow.finishStep(integrator, globals);
        endOfStep();
        step++;
        plan(step);
        shadow.snapshot();
        shadow.beforeForces(integrator, globals);
        broadcast(new SubdomainActor.Advance(step, globals, rebuild, false, recordSample, recordInit, recordFrame));
        return this;
    }

    /** After the current step's finishStep: remembers the frame of what it records (cell, conserved quantity). */
    private void endOfStep() {
        if (recordSample != 0) {
            observedFrame = new GlobalFrame(global(step), time(step), shadow.box().copy(), integrator.extendedEnergy(globals));
            observedStep = step;
            observedMask = recordSample;
        }
        if (recordFrame) {
            frameStep = step;
            frameBox = shadow.box().copy();
            if (frameParts == null) frameParts = new FramePart[subdomains.length];
        }
    }

    /** Values of the observables of (local) step {@code n} from the summed partials (subdomain index order). */
    private void finishObservables(long n, double[] totalPartial) {
        if (observedFrame == null || observedStep != n) {
            throw new IllegalStateException("internal error: observables of step " + n + " without their frame");
        }
        List<ObservableSample.Group> groups = new ArrayList<>();
        for (int g = 0; g < observables.count(); g++) {
            if (!ObservableGroups.due(observedMask, g)) continue;
            io.ionstream.engine.analysis.live.ObservableSet set = observables.set(g);
            double[] slice = Arrays.copyOfRange(totalPartial, observables.offset(g), observables.offset(g) + set.partialLength());
            double[][] v = set.finish(slice, observedFrame);
            double[][] copy = new double[v.length][];
            for (int k = 0; k < v.length; k++) copy[k] = v[k].clone();
            groups.add(new ObservableSample.Group(g, set, copy));
        }
        ObservableSample sample = new ObservableSample(observedFrame.step(), observedFrame.time(), groups);
        observed.add(sample);
        if (listener != null) listener.observables(sample);
    }

    /** A subdomain's positions for the frame of the step that just ended; the frame goes out when all are in. */
    private Behavior<Command> onFramePart(FramePart p) {
        if (frameParts == null || p.step() != frameStep || frameParts[p.from()] != null) {
            return abort("internal error: frame part of step " + p.step() + " from subdomain " + p.from());
        }
        frameParts[p.from()] = p;
        if (++frameCount < frameParts.length) return this;
        frameCount = 0;
        int n = job.system().size();
        double[] x = new double[3 * n];
        int[] image = new int[3 * n];
        int seen = 0;
        for (FramePart q : frameParts) {
            for (int k = 0; k < q.count(); k++) {
                int s = Arrays.binarySearch(sortedIds, 0, n, q.id()[k]);
                if (s < 0) return abort("internal error: subdomain " + q.from() + " returned unknown atom id " + q.id()[k]);
                int i = sortedIndex[s];
                System.arraycopy(q.x(), 3 * k, x, 3 * i, 3);
                System.arraycopy(q.image(), 3 * k, image, 3 * i, 3);
                seen++;
            }
        }
        Arrays.fill(frameParts, null);
        if (seen != n) return abort("internal error: a frame of " + seen + " atoms, the system has " + n);
        long s = frameStep;
        frameStep = -1;
        if (listener != null) {
            try {
                listener.frame(new FrameSample(global(s), time(s), frameBox, x, image));
            } catch (RuntimeException e) {
                return abort(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
        return this;
    }

    private boolean rebuildAllowed(int stepsSinceBuild) {
        return stepsSinceBuild >= settings.delay() && stepsSinceBuild % settings.every() == 0;
    }

    private void record(boolean finalStep) {
        if (step % job.thermoEvery() != 0 && !finalStep) return;
        double volume = shadow.box().volume();
        double pe = total.potentialEnergy, ke = total.kineticEnergy();
        last = new ThermoSample(global(step), time(step), pe, ke, Thermo.temperature(total),
            Thermo.pressure(total, volume), volume, pe + ke + integrator.extendedEnergy(globals));
        thermo.add(last);
        if (listener != null) listener.sample(last);
    }

    private void broadcast(SubdomainActor.Command m) {
        for (ActorRef<SubdomainActor.Command> s : subdomains) s.tell(m);
    }

    private Behavior<Command> onFinal(FinalAtoms m) {
        if (!finishing || finals[m.from()] != null) return abort("internal error: unexpected final atoms from " + m.from());
        finals[m.from()] = m;
        if (++finalCount < finals.length) return this;
        AtomBlock[] parts = new AtomBlock[finals.length];
        List<SubdomainStats> stats = new ArrayList<>();
        for (int i = 0; i < finals.length; i++) {
            parts[i] = finals[i].atoms();
            stats.add(finals[i].stats());
        }
        AtomSystem out;
        try {
            if (finals[0].observed() >= 0) {
                int len = finals[0].observables().length;
                if (observedTotal == null || observedTotal.length != len) observedTotal = new double[len];
                for (FinalAtoms f : finals) for (int k = 0; k < len; k++) observedTotal[k] += f.observables()[k];
                finishObservables(finals[0].observed(), observedTotal);
            }
            if (frameStep >= 0) return abort("internal error: the frame of step " + global(frameStep) + " is incomplete");
            out = Decomposition.gather(job.system(), finals[0].box(), parts);
        } catch (RuntimeException e) {
            return abort(e.getMessage() != null ? e.getMessage() : e.toString());
        }
        StepSums sums = new StepSums();
        sums.copyFrom(total);
        done = true;
        replyTo.tell(new Completed(new DomainResult(out, sums, last, List.copyOf(thermo), List.copyOf(observed), grid, step,
            rebuilds, redos, List.copyOf(stats), wallNanos, globals.clone(), stateInitialised, stopped)));
        broadcast(new SubdomainActor.Stop());
        return Behaviors.stopped();
    }

    private Behavior<Command> abort(String reason) {
        return end(new Aborted(reason, false));
    }

    /** The run cannot go on where it was placed; the owner may repeat it elsewhere. */
    private Behavior<Command> lost(String reason) {
        return end(new Aborted(reason, true));
    }

    private Behavior<Command> end(Aborted why) {
        if (done) return this;
        done = true;
        replyTo.tell(why);
        for (ActorRef<SubdomainActor.Command> s : subdomains) if (s != null) s.tell(new SubdomainActor.Stop());
        return Behaviors.stopped();
    }

    /**
     * The cell as the subdomains see it: the integrator's phases run on an atom-less copy of the
     * system, so barostat box changes are followed without asking any subdomain.
     */
    private static final class ShadowCell {
        private final AtomSystem empty;
        private final Box saved;
        private final StepSums scratch = new StepSums();

        ShadowCell(AtomSystem sys) {
            empty = new AtomSystem(sys.species(), sys.box().copy(), 1);
            saved = sys.box().copy();
        }

        Box box() { return empty.box(); }
        void snapshot() { saved.setFrom(empty.box()); }
        void restore() { empty.box().setFrom(saved); }
        void beforeForces(Integrator in, double[] g) { in.beforeForces(empty, g); }
        void afterForces(Integrator in, double[] g) { scratch.clear(); in.afterForces(empty, g, scratch); }
        void finishStep(Integrator in, double[] g) { in.finishStep(empty, g); }
    }
}
