package io.ionstream.actors.jobs.run;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.min.Minimizer;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.MinimizeStage;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.protocol.VelocityStage;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.proto.v1.Cell;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StageResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Runs a job on the plain engine in the calling thread ({@link MdRunner}), segment by segment:
 * each segment starts from a {@link Snapshot} with a fresh system, force field and neighbour
 * lists, runs to the next checkpoint step or the end of its stage, and ends with a new snapshot.
 * A resumed job therefore takes exactly the path of an uninterrupted one.
 */
public final class SerialJobRunner implements JobRunner {
    @Override
    public String description(JobPlan plan) {
        return plan.subdomains() > 1 ? "serial engine (" + plan.subdomains() + " subdomains requested; decomposed runs need the actor layer)"
            : "serial engine";
    }

    @Override
    public RunOutcome run(JobPlan plan, Snapshot from, RunListener listener, BooleanSupplier cancelled) {
        return new Run(plan, listener, cancelled, from).execute(from);
    }

    /** One run of a job: the counters that move from segment to segment. */
    private static final class Run {
        private final JobPlan plan;
        private final RunListener listener;
        private final BooleanSupplier cancelled;
        private final long[] canonicalIds;
        private final RunTally tally;
        private boolean stopped;

        Run(JobPlan plan, RunListener listener, BooleanSupplier cancelled, Snapshot from) {
            this.plan = plan;
            this.listener = listener;
            this.cancelled = cancelled;
            this.canonicalIds = from.atoms().id().clone();
            this.tally = new RunTally(from, listener);
        }

        RunOutcome execute(Snapshot state) {
            boolean first = true;
            while (state.stageIndex() < plan.stages().size()) {
                int index = state.stageIndex();
                Stage stage = plan.stages().get(index);
                if (first || state.atStageStart()) listener.stageStarted(index, stage.name(), stage.plannedSteps());
                first = false;
                state = switch (stage) {
                    case VelocityStage v -> velocities(state, v);
                    case MdStage md -> mdSegment(state, md);
                    case MinimizeStage m -> minimize(state, m);
                    default -> throw new IllegalArgumentException("stage '" + stage.name() + "' of type "
                        + stage.getClass().getSimpleName() + " cannot run in a job");
                };
                if (stopped) return new RunOutcome.Cancelled(state);
                listener.checkpoint(state);
            }
            return new RunOutcome.Completed(state);
        }

        private Snapshot velocities(Snapshot s, VelocityStage v) {
            AtomSystem sys = s.atoms().toSystem();
            Velocities.maxwellBoltzmann(sys, v.temperature(), v.seed());
            StageResult r = StageResult.newBuilder().setName(v.name()).setSteps(0)
                .setTemperatureK(Velocities.temperature(sys)).setVolumeA3(sys.box().volume()).build();
            return tally.finishStage(sys, s, r, null, s.step(), s.time(), s.observablesInitialised());
        }

        private Snapshot mdSegment(Snapshot s, MdStage md) {
            Integrator integrator = md.integrator();
            AtomSystem sys = s.atoms().toSystem();
            MdRunner r = new MdRunner(sys, plan.forceField().create(plan.system()), integrator, plan.neighbors());
            r.setup();
            if (!s.atStageStart()) {
                if (s.globals().length != r.globals().length) {
                    throw new IllegalStateException("checkpoint of stage '" + md.name() + "' holds " + s.globals().length
                        + " integrator values, the stage's integrator needs " + r.globals().length);
                }
                System.arraycopy(s.globals(), 0, r.globals(), 0, s.globals().length);
            }
            String stage = md.name();
            long step = s.step();
            JobObservables obs = new JobObservables(plan.observables(), r, s.observablesInitialised());
            if (step == 0 && s.stageStep() == 0) {
                sample(obs, r, 0, 0.0, stage);
                frame(sys, 0, 0.0);
            }
            long every = plan.checkpointEvery();
            long end = Math.min(md.plannedSteps(), s.stageStep() + (every - step % every));
            double dt = integrator.timestep();
            long k = s.stageStep();
            double time = s.time();
            while (k < end) {
                r.step();
                k++;
                step++;
                time = s.time() + (k - s.stageStep()) * dt;
                listener.progress(step);
                sample(obs, r, step, time, stage);
                frame(sys, step, time);
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
            }
            if (!stopped && k == md.plannedSteps()) {
                return tally.finishStage(sys, s, thermoResult(md.name(), md.plannedSteps(), r, null), null, step, time, obs.stateInitialised());
            }
            return tally.snapshot(sys, s.stageIndex(), k, step, time, r.globals().clone(), obs.stateInitialised());
        }

        private Snapshot minimize(Snapshot s, MinimizeStage m) {
            Minimizer minimizer = m.minimizer();
            AtomSystem sys = s.atoms().toSystem();
            MdRunner r = new MdRunner(sys, plan.forceField().create(plan.system()), minimizer, plan.neighbors());
            r.setup();
            JobObservables obs = new JobObservables(plan.observables(), r, s.observablesInitialised());
            long step = s.step(), k = 0;
            while (!minimizer.converged(r.globals())) {
                r.step();
                k++;
                step++;
                listener.progress(step);
                sample(obs, r, step, s.time(), m.name());
                frame(sys, step, s.time());
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    return tally.snapshot(sys, s.stageIndex(), k, step, s.time(), null, obs.stateInitialised());
                }
            }
            StageResult res = thermoResult(m.name(), k, r, minimizer.stopReason(r.globals()).text());
            return tally.finishStage(sys, s, res, null, step, s.time(), obs.stateInitialised());
        }

        private static StageResult thermoResult(String name, long steps, MdRunner r, String stop) {
            return RunTally.thermoResult(name, steps, r.temperature(), r.potentialEnergy(), r.totalEnergy(), r.pressure(),
                r.system().box().volume(), stop);
        }

        private void sample(JobObservables obs, MdRunner r, long step, double time, String stage) {
            Sample.Builder b = Sample.newBuilder().setSequence(tally.peekSample()).setStep(step).setTimePs(time).setStage(stage);
            if (!obs.sample(r, step, time, stage, b)) return;
            Instant now = Instant.now();
            b.setProducedUnixNanos(now.getEpochSecond() * 1_000_000_000L + now.getNano());
            tally.nextSample();
            listener.sample(b.build());
        }

        private void frame(AtomSystem sys, long step, double time) {
            long every = plan.frameEvery();
            if (every == 0 || step % every != 0) return;
            int n = sys.size();
            double[] x = sys.x();
            int[] image = sys.image();
            long[] id = sys.id();
            double[] pos = new double[3 * n];
            int[] img = new int[3 * n];
            for (int i = 0; i < n; i++) {
                int k = Arrays.binarySearch(canonicalIds, id[i]);
                System.arraycopy(x, 3 * i, pos, 3 * k, 3);
                System.arraycopy(image, 3 * i, img, 3 * k, 3);
            }
            Box b = sys.box();
            for (int k = 0; k < n; k++) b.wrap(pos, img, k);
            Frame.Builder f = Frame.newBuilder().setIndex(tally.nextFrame()).setStep(step).setTimePs(time).setCell(cell(b));
            for (double p : pos) f.addPositions(p);
            for (int m : img) f.addImages(m);
            listener.frame(f.build());
        }
    }

    static Cell cell(Box b) {
        return Cell.newBuilder().setXlo(b.xlo()).setYlo(b.ylo()).setZlo(b.zlo()).setLx(b.lx()).setLy(b.ly()).setLz(b.lz())
            .setXy(b.xy()).setXz(b.xz()).setYz(b.yz()).build();
    }
}
