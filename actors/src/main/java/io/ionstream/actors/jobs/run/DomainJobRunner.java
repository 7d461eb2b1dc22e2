package io.ionstream.actors.jobs.run;

import io.ionstream.actors.cluster.ClusterPlacement;
import io.ionstream.actors.domain.DomainCoordinator;
import io.ionstream.actors.domain.DomainJob;
import io.ionstream.actors.domain.DomainResult;
import io.ionstream.actors.domain.DomainRun;
import io.ionstream.actors.domain.FrameSample;
import io.ionstream.actors.domain.ObservableSample;
import io.ionstream.actors.domain.ThermoSample;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.min.Minimizer;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.MinimizeStage;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.protocol.VelocityStage;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on the domain-decomposed actor layer with the decomposition their spec asks for
 * ({@code subdomains}, spread over {@code nodes} cluster nodes by a {@link ClusterPlacement}),
 * in segments exactly as {@link SerialJobRunner} does: each segment starts from a
 * {@link Snapshot} (atoms in canonical order, a fresh decomposition, forced list rebuild, fresh
 * force fields), continues the integrator from the snapshot's {@code globals} and the
 * observables from the per-atom state the atoms carry, runs on the coordinator to the next
 * checkpoint step or the end of its stage, and gathers the next snapshot there, which is
 * reported as the checkpoint. A job resumed from a checkpoint file therefore repeats the
 * uninterrupted decomposed run bit for bit (with the same subdomain count; placement on nodes
 * does not change a bit).
 *
 * <p>If a node goes away during a segment, the segment is repeated from its starting snapshot
 * (the last checkpoint) on the nodes that remain; samples and frames the first attempt already
 * published are not published again (the repeat produces them identically), so watchers see
 * neither gaps nor duplicates. Errors of the simulation itself end the job.
 *
 * <p>Plans without {@link JobPlan#models()} (made by hand rather than by the planner) and, when
 * {@code serialForOneSubdomain}, jobs on one subdomain and one node run on the serial engine.
 */
public final class DomainJobRunner implements JobRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DomainJobRunner.class);
    /** Placement losses in a row one segment survives before the job fails. */
    static final int MAX_ATTEMPTS = 6;
    private static final Duration NO_TIMEOUT = Duration.ofDays(3650);

    private final ClusterPlacement placement;
    private final boolean serialForOneSubdomain;
    private final Duration retryPause;
    private final SerialJobRunner serial = new SerialJobRunner();

    /**
     * A runner placing jobs with {@code placement}; {@code serialForOneSubdomain}: jobs on one
     * subdomain and one node run on the serial engine; {@code retryPause}: wait before a segment
     * is repeated after a node loss (the cluster settles its membership meanwhile).
     */
    public DomainJobRunner(ClusterPlacement placement, boolean serialForOneSubdomain, Duration retryPause) {
        this.placement = placement;
        this.serialForOneSubdomain = serialForOneSubdomain;
        this.retryPause = retryPause;
    }

    /**
     * The runner the {@code ionstream.runner} and {@code ionstream.cluster} settings of
     * {@code root} describe (this process joins the configured cluster now).
     */
    public static DomainJobRunner fromConfig(com.typesafe.config.Config root) {
        com.typesafe.config.Config c = root.getConfig("ionstream.runner");
        String single = c.getString("single-subdomain");
        if (!single.equals("serial") && !single.equals("actors")) {
            throw new IllegalArgumentException("ionstream.runner.single-subdomain must be serial or actors, got '" + single + "'");
        }
        return new DomainJobRunner(ClusterPlacement.fromConfig(root), single.equals("serial"), c.getDuration("retry-pause"));
    }

    public ClusterPlacement placement() { return placement; }

    private boolean serially(JobPlan plan) {
        return plan.models() == null || (serialForOneSubdomain && plan.subdomains() == 1 && plan.nodes() == 1);
    }

    @Override
    public String description(JobPlan plan) {
        if (serially(plan)) return "serial engine";
        return "actors: " + plan.subdomains() + (plan.subdomains() == 1 ? " subdomain" : " subdomains") + " on "
            + placement.describe(plan.nodes());
    }

    @Override
    public RunOutcome run(JobPlan plan, Snapshot from, RunListener listener, BooleanSupplier cancelled) {
        if (serially(plan)) return serial.run(plan, from, listener, cancelled);
        return new Run(plan, listener, cancelled, from).execute(from);
    }

    @Override
    public void close() {
        placement.close();
    }

    /**
     * One run of a job: the counters that move from segment to segment, and the coordinator's
     * listener of the current segment (called on the coordinator's thread while the MD thread
     * waits for the segment).
     */
    private final class Run implements DomainCoordinator.ProgressListener {
        private final JobPlan plan;
        private final RunListener listener;
        private final BooleanSupplier cancelled;
        private final List<StageResult> results;
        private final long startNanos = System.nanoTime();
        private final double wallBefore;
        /** Samples and frames of the current attempt (they restart from the snapshot when a segment is repeated). */
        private long samples, frames;
        /** What the listener has seen: nothing below these is published again. */
        private long publishedSamples, publishedFrames, progressed;
        private String stage;
        private List<List<ObservablePlan.Entry>> groups;
        private RuntimeException failure;

        Run(JobPlan plan, RunListener listener, BooleanSupplier cancelled, Snapshot from) {
            this.plan = plan;
            this.listener = listener;
            this.cancelled = cancelled;
            this.results = new ArrayList<>(from.stages());
            this.samples = from.samples();
            this.frames = from.frames();
            this.publishedSamples = from.samples();
            this.publishedFrames = from.frames();
            this.progressed = from.step();
            this.wallBefore = from.wallSeconds();
            this.groups = ObservableGrouping.groups(plan.observables());
        }

        RunOutcome execute(Snapshot state) {
            boolean first = true;
            while (state.stageIndex() < plan.stages().size()) {
                int index = state.stageIndex();
                Stage stage = plan.stages().get(index);
                if (first || state.atStageStart()) listener.stageStarted(index, stage.name(), stage.plannedSteps());
                first = false;
                Segment seg = switch (stage) {
                    case VelocityStage v -> new Segment(velocities(state, v), false);
                    case MdStage md -> mdSegment(state, md);
                    case MinimizeStage m -> minimize(state, m);
                    default -> throw new IllegalArgumentException("stage '" + stage.name() + "' of type "
                        + stage.getClass().getSimpleName() + " cannot run in a job");
                };
                state = seg.end();
                if (seg.stopped()) return new RunOutcome.Cancelled(state);
                listener.checkpoint(state);
            }
            return new RunOutcome.Completed(state);
        }

        private record Segment(Snapshot end, boolean stopped) {}

        private Snapshot velocities(Snapshot s, VelocityStage v) {
            AtomSystem sys = s.atoms().toSystem();
            Velocities.maxwellBoltzmann(sys, v.temperature(), v.seed());
            StageResult r = StageResult.newBuilder().setName(v.name()).setSteps(0)
                .setTemperatureK(Velocities.temperature(sys)).setVolumeA3(sys.box().volume()).build();
            return finishStage(sys, s, r, s.step(), s.time(), s.observablesInitialised());
        }

        private Segment mdSegment(Snapshot s, MdStage md) {
            long every = plan.checkpointEvery();
            long end = Math.min(md.plannedSteps(), s.stageStep() + (every - s.step() % every));
            Outcome o = segment(s, md.name(), end - s.stageStep(), true);
            if (o == null) return new Segment(s, true);
            DomainResult r = o.result();
            long k = s.stageStep() + r.steps(), step = s.step() + r.steps();
            double time = s.time() + r.steps() * md.integrator().timestep();
            if (r.stopped()) {
                return new Segment(snapshot(r.system(), s.stageIndex(), k, step, time, r.globals(), r.observablesInitialised()), true);
            }
            if (k == md.plannedSteps()) {
                return new Segment(finishStage(r.system(), s, thermoResult(md.name(), md.plannedSteps(), r.last(), null), step, time,
                    r.observablesInitialised()), false);
            }
            return new Segment(snapshot(r.system(), s.stageIndex(), k, step, time, r.globals(), r.observablesInitialised()), false);
        }

        /**
         * A minimisation runs as one segment from a fresh minimiser (as on the serial engine: no
         * checkpoints inside it, nothing recorded before its first step).
         */
        private Segment minimize(Snapshot s, MinimizeStage m) {
            Outcome o = segment(s, m.name(), m.plannedSteps(), false);
            if (o == null) return new Segment(s, true);
            DomainResult r = o.result();
            long k = r.steps(), step = s.step() + r.steps();
            if (r.stopped()) return new Segment(snapshot(r.system(), s.stageIndex(), k, step, s.time(), null, r.observablesInitialised()), true);
            Minimizer minimizer = (Minimizer) o.model().integrator();
            StageResult res = thermoResult(m.name(), k, r.last(), minimizer.stopReason(r.globals()).text());
            return new Segment(finishStage(r.system(), s, res, step, s.time(), r.observablesInitialised()), false);
        }

        private record Outcome(DomainResult result, StageModel model) {}

        /**
         * Runs (at most) {@code steps} steps of the current stage from {@code s} on the actor
         * layer and returns the result, repeating the segment from {@code s} if a node goes away;
         * null when the job was cancelled while no segment could run. {@code recordsStart}: the
         * stage records samples and frames at the job's step 0 (MD stages, as on the serial engine).
         */
        private Outcome segment(Snapshot s, String stageName, long steps, boolean recordsStart) {
            StageModel model = plan.models().stage(s.stageIndex());
            stage = stageName;
            long first = s.step();
            boolean jobStart = recordsStart && s.step() == 0 && s.stageStep() == 0;
            // the integrator continues from the snapshot's globals (none at a stage start: a fresh setup)
            DomainJob.Start start = new DomainJob.Start(s.step(), s.time(), s.globals(), s.observablesInitialised());
            io.ionstream.actors.domain.ObservablePlan observables = groups.isEmpty() ? null
                : new io.ionstream.actors.domain.ObservablePlan(model, (step, last) -> due(step, stageName, first, jobStart));
            long fe = plan.frameEvery();
            LongPredicate frames = fe == 0 ? null : step -> step % fe == 0 && (step != first || jobStart);
            DomainJob job = new DomainJob(s.atoms().toSystem(), model, plan.neighbors(), steps, plan.subdomains(), Integer.MAX_VALUE,
                observables, start, frames);
            for (int attempt = 1; ; attempt++) {
                this.samples = s.samples();
                this.frames = s.frames();
                failure = null;
                try {
                    ClusterPlacement.Target t = placement.target(plan.nodes());
                    DomainResult r = DomainRun.run(t.system(), job, t.hosts(), this, NO_TIMEOUT);
                    if (failure != null) throw failure;
                    return new Outcome(r, model);
                } catch (DomainRun.DomainRunException e) {
                    if (failure != null) throw failure;
                    if (!e.placementLost()) throw new IllegalStateException(e.getMessage(), e);
                    if (cancelled.getAsBoolean()) return null;
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new IllegalStateException(e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                    }
                    LOG.warn("{}; repeating the segment of stage '{}' from the checkpoint at step {} on the nodes that remain",
                        e.getMessage(), stageName, s.step());
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(retryPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to repeat a segment");
            }
        }

        /** The groups due at the end of global step {@code step}: as on the serial engine, the segment's first step only at the job's start. */
        private long due(long step, String stageName, long first, boolean jobStart) {
            if (step == first && !jobStart) return 0;
            long mask = 0;
            for (int g = 0; g < groups.size(); g++) if (groups.get(g).get(0).due(step, stageName)) mask |= 1L << g;
            return mask;
        }

        // ------------------------------------------------------------ the coordinator's listener

        @Override
        public void sample(ThermoSample s) {}

        @Override
        public void observables(ObservableSample o) {
            if (failure != null) return;
            Sample.Builder b = Sample.newBuilder().setSequence(samples).setStep(o.step()).setTimePs(o.time()).setStage(stage);
            for (ObservableSample.Group g : o.groups()) {
                List<ObservablePlan.Entry> entries = groups.get(g.index());
                for (int k = 0; k < entries.size(); k++) {
                    ObservableValues.Builder ov = ObservableValues.newBuilder().setName(entries.get(k).name());
                    double[] v = g.values()[k];
                    for (int i = 0; i < v.length; i++) {
                        if (!Double.isFinite(v[i])) {
                            failure = new IllegalStateException("the simulation became unstable at step " + o.step() + ": "
                                + entries.get(k).name() + " value " + i + " is " + v[i]);
                            return;
                        }
                        ov.addValues(v[i]);
                    }
                    b.addObservables(ov);
                }
            }
            long seq = samples++;
            if (seq < publishedSamples) return; // a repeated segment: already published, identically
            Instant now = Instant.now();
            b.setProducedUnixNanos(now.getEpochSecond() * 1_000_000_000L + now.getNano());
            publishedSamples = seq + 1;
            listener.sample(b.build());
        }

        @Override
        public void frame(FrameSample f) {
            long index = frames++;
            if (index < publishedFrames) return;
            int n = f.x().length / 3;
            double[] pos = f.x().clone();
            int[] img = f.image().clone();
            Box b = f.box();
            for (int k = 0; k < n; k++) b.wrap(pos, img, k);
            Frame.Builder fb = Frame.newBuilder().setIndex(index).setStep(f.step()).setTimePs(f.time()).setCell(SerialJobRunner.cell(b));
            for (double p : pos) fb.addPositions(p);
            for (int m : img) fb.addImages(m);
            publishedFrames = index + 1;
            listener.frame(fb.build());
        }

        @Override
        public void stepped(long step) {
            if (step <= progressed) return;
            progressed = step;
            listener.progress(step);
        }

        @Override
        public boolean stopRequested() {
            return failure != null || cancelled.getAsBoolean();
        }

        // ------------------------------------------------------------ snapshots

        private Snapshot finishStage(AtomSystem sys, Snapshot s, StageResult r, long step, double time, boolean observablesInitialised) {
            results.add(r);
            listener.stageFinished(r);
            return new Snapshot(AtomState.capture(sys), s.stageIndex() + 1, 0, step, time, null, observablesInitialised, samples,
                frames, wall(), results);
        }

        private Snapshot snapshot(AtomSystem sys, int stageIndex, long stageStep, long step, double time, double[] globals,
                                  boolean observablesInitialised) {
            return new Snapshot(AtomState.capture(sys), stageIndex, stageStep, step, time, globals, observablesInitialised, samples,
                frames, wall(), results);
        }

        private double wall() {
            return wallBefore + (System.nanoTime() - startNanos) * 1e-9;
        }

        private static StageResult thermoResult(String name, long steps, ThermoSample last, String stop) {
            StageResult.Builder b = StageResult.newBuilder().setName(name).setSteps(steps).setTemperatureK(last.temperature())
                .setPotentialEnergyEv(last.potentialEnergy()).setTotalEnergyEv(last.totalEnergy()).setPressureBar(last.pressure())
                .setVolumeA3(last.volume());
            if (stop != null) b.setStopReason(stop);
            return b.build();
        }
    }
}
