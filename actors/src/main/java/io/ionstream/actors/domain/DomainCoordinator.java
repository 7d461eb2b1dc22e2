package io.ionstream.actors.domain;

import io.ionstream.actors.domain.decomp.AtomBlock;
import io.ionstream.actors.domain.decomp.Decomposition;
import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.ObservableSet;
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

    private record SubdomainStopped(int index) implements Command {}

    private record StopGrace(int index) implements Command {}

    /** How long a stopped subdomain's own failure report may lag behind the notice that it stopped. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** How a job ended, sent to the job's owner. */
    public sealed interface Outcome {}

    public record Completed(DomainResult result) implements Outcome {}

    public record Aborted(String reason) implements Outcome {}

    /** Receives thermo samples (and live observables) as they are recorded, on the coordinator's thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void sample(ThermoSample s);

        default void observables(ObservableSample s) {}
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
    private final ObservableSet observables;
    private final List<ObservableSample> observed = new ArrayList<>();
    private GlobalFrame observedFrame;
    private double[] observedTotal;
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
        if (remote && !(job.model() instanceof ModelSpec)) {
            throw new IllegalArgumentException("a job on several nodes needs its model as a ModelSpec (potential file text); "
                + job.model().getClass().getName() + " only works in one process");
        }
        if (remote && job.observables() != null) {
            throw new IllegalArgumentException("live observables are supported for jobs in one process only");
        }
        this.observables = job.observables() == null ? null : job.observables().factory().get();
        this.summary = SystemSummary.of(sys);
        ForceField probe = job.model().forceField(summary);
        double radius = (probe.cutoff() > 0 ? probe.cutoff() : 1.0) + settings.skin();
        // the serial engine's checks, on the whole system: bad input fails here, naming the atom
        SystemValidator.defaults().validate(sys, probe, radius);
        this.grid = DomainGrid.choose(sys.box(), job.subdomains(), radius);
        this.initial = Decomposition.split(sys, grid);
        this.integrator = job.model().integrator();
        this.globals = new double[integrator.globalsLength()];
        this.shadow = new ShadowCell(sys);
        int n = grid.count();
        this.subdomains = new ActorRef[n];
        this.reports = new Report[n];
        this.partials = new GlobalPartial[n];
        this.finals = new FinalAtoms[n];
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
            .onMessage(SubdomainFailed.class, m -> abort("subdomain " + m.from() + ": " + m.message()))
            .onMessage(SubdomainStopped.class, m -> {
                // the stop notice can overtake the subdomain's SubdomainFailed: wait for it briefly
                if (!done) timers.startSingleTimer(new StopGrace(m.index()), STOP_GRACE);
                return this;
            })
            .onMessage(StopGrace.class, m -> abort("subdomain " + m.index()
                + " stopped unexpectedly (its node left the cluster?)"))
            .build();
    }

    private void placed(int i, ActorRef<SubdomainActor.Command> ref) {
        if (subdomains[i] != null) throw new IllegalStateException("subdomain " + i + " placed twice");
        subdomains[i] = ref;
        getContext().watchWith(ref, new SubdomainStopped(i));
        if (++placed < subdomains.length) return;
        List<ActorRef<SubdomainActor.Command>> peers = List.of(subdomains);
        for (int t = 0; t < subdomains.length; t++) {
            subdomains[t].tell(new SubdomainActor.Init(t, grid, summary, initial[t], job.model(), settings, job.observables(),
                peers, getContext().getSelf()));
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
            broadcast(new SubdomainActor.Advance(step, globals, true, true, sampled(step)));
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
        } else {
            shadow.afterForces(integrator, globals);
            integrator.reduce(total, globals);
        }
        // minimisers stop when converged, like MdRunner.runUntilConverged
        boolean finalStep = step == job.steps() || (step > 0 && integrator.converged(globals));
        record(finalStep);
        if (finalStep) {
            wallNanos = step > 0 ? System.nanoTime() - wallStart : 0;
            if (step > 0) shadow.finishStep(integrator, globals);
            observedFrame = frame();
            finishing = true;
            broadcast(new SubdomainActor.Finish(globals));
            return this;
        }
        int next = sinceBuild + 1;
        boolean rebuild = rebuildAllowed(next) && (!settings.check() || hint > 0.5 * settings.skin());
        if (step == 0) wallStart = System.nanoTime();
        else shadow.finishStep(integrator, globals);
        if (sampled(step)) observedFrame = frame();
        step++;
        shadow.snapshot();
        shadow.beforeForces(integrator, globals);
        broadcast(new SubdomainActor.Advance(step, globals, rebuild, false, sampled(step)));
        return this;
    }

    /** Whether the live observables are sampled at the end of step {@code n}. */
    private boolean sampled(long n) {
        return observables != null && (n % job.observables().every() == 0 || n == job.steps());
    }

    /** The end of the current step as the observables see it (after finishStep: cell, conserved quantity). */
    private GlobalFrame frame() {
        return new GlobalFrame(step, step * integrator.timestep(), shadow.box().copy(), integrator.extendedEnergy(globals));
    }

    /** Values of the observables of step {@code n} from the summed partials (subdomain index order). */
    private void finishObservables(long n, double[] totalPartial) {
        if (observedFrame == null || observedFrame.step() != n) {
            throw new IllegalStateException("internal error: observables of step " + n + " without their frame");
        }
        double[][] v = observables.finish(totalPartial, observedFrame);
        double[][] copy = new double[v.length][];
        for (int k = 0; k < v.length; k++) copy[k] = v[k].clone();
        ObservableSample sample = new ObservableSample(n, observedFrame.time(), observables, copy);
        observed.add(sample);
        if (listener != null) listener.observables(sample);
    }

    private boolean rebuildAllowed(int stepsSinceBuild) {
        return stepsSinceBuild >= settings.delay() && stepsSinceBuild % settings.every() == 0;
    }

    private void record(boolean finalStep) {
        if (step % job.thermoEvery() != 0 && !finalStep) return;
        double volume = shadow.box().volume();
        double pe = total.potentialEnergy, ke = total.kineticEnergy();
        last = new ThermoSample(step, step * integrator.timestep(), pe, ke, Thermo.temperature(total),
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
        if (finals[0].observed() >= 0) {
            int len = finals[0].observables().length;
            if (observedTotal == null || observedTotal.length != len) observedTotal = new double[len];
            for (FinalAtoms f : finals) for (int k = 0; k < len; k++) observedTotal[k] += f.observables()[k];
            finishObservables(finals[0].observed(), observedTotal);
        }
        AtomSystem out = Decomposition.gather(job.system(), finals[0].box(), parts);
        StepSums sums = new StepSums();
        sums.copyFrom(total);
        done = true;
        replyTo.tell(new Completed(new DomainResult(out, sums, last, List.copyOf(thermo), List.copyOf(observed), grid, step,
            rebuilds, redos,
            List.copyOf(stats), wallNanos)));
        broadcast(new SubdomainActor.Stop());
        return Behaviors.stopped();
    }

    private Behavior<Command> abort(String reason) {
        if (done) return this;
        done = true;
        replyTo.tell(new Aborted(reason));
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
