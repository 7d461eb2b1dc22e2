package io.ionstream.actors.jobs;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.service.AsyncFailure;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.jobs.run.RunListener;
import io.ionstream.actors.jobs.run.RunOutcome;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The supervisor of one job: it owns the job's lifecycle (queued → running → completed, failed
 * or cancelled) and its record on disk. When the manager lets it start it runs the job's MD on
 * an MD thread through the {@link io.ionstream.actors.jobs.run.JobRunner}; samples and frames
 * go straight from that thread to the job's streams, checkpoints to the job's writer, and the
 * supervisor hears about checkpoints and the end of the run as messages. A server that stops
 * leaves the record RUNNING, so the next start resumes the job from its last checkpoint.
 */
public final class JobSupervisor {
    /** What a job supervisor understands. */
    public sealed interface Command permits Start, Cancel, Checkpointed, RunEnded, Stop {}

    /** The manager has a free slot: run. */
    public record Start() implements Command {}

    /** Stop the job; the reply comes when it has stopped. */
    public record Cancel(ActorRef<JobManager.Reply> replyTo) implements Command {}

    /** The manager has taken note of the end: stop. */
    record Stop() implements Command {}

    /** A checkpoint is on disk. */
    record Checkpointed(long step, long samples, long frames, Throwable failure) implements Command {}

    /** The MD thread finished (outcome and results, or the error that ended it). */
    record RunEnded(RunOutcome outcome, JobResults results, Throwable error) implements Command {}

    private final ActorContext<Command> ctx;
    private final JobContext jobs;
    private final JobEntry entry;
    private final JobPlan plan;
    private final Snapshot from;
    private final ActorRef<JobManager.Command> manager;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicReference<Snapshot> pendingCheckpoint = new AtomicReference<>();
    private final List<ActorRef<JobManager.Reply>> cancelReplies = new ArrayList<>();
    private final ActorRef<Command> self;
    private volatile Throwable writeFailure;

    private JobSupervisor(ActorContext<Command> ctx, JobContext jobs, JobEntry entry, JobPlan plan, Snapshot from,
                          ActorRef<JobManager.Command> manager) {
        this.ctx = ctx;
        this.jobs = jobs;
        this.entry = entry;
        this.plan = plan;
        this.from = from;
        this.manager = manager;
        this.self = ctx.getSelf();
    }

    /** A supervisor for a queued job that will run {@code plan} from {@code from}. */
    public static Behavior<Command> create(JobContext jobs, JobEntry entry, JobPlan plan, Snapshot from, ActorRef<JobManager.Command> manager) {
        return Behaviors.setup(ctx -> new JobSupervisor(ctx, jobs, entry, plan, from, manager).queued());
    }

    private Behavior<Command> queued() {
        return Behaviors.receive(Command.class)
            .onMessage(Start.class, s -> start())
            .onMessage(Cancel.class, c -> {
                Job j = end(entry.record().toBuilder(), JobState.CANCELLED, "cancelled by request before it started");
                c.replyTo().tell(JobManager.Reply.of(j));
                return ended();
            })
            .build();
    }

    private Behavior<Command> start() {
        Instant now = Instant.now();
        Job.Builder b = entry.record().toBuilder().setState(JobState.RUNNING).setRunner(jobs.runner().description(plan));
        if (!b.hasStarted()) b.setStarted(ProtoTime.of(now));
        persist(b.build());
        JobStreams streams = entry.streams();
        RunListener listener = new Listener(streams);
        long atoms = from.atoms().n();
        CompletableFuture<RunEnded> run = CompletableFuture.supplyAsync(() -> {
            RunOutcome o = jobs.runner().run(plan, from, listener, () -> cancel.get() || jobs.stopping().get() || writeFailure != null);
            if (writeFailure != null) throw new IllegalStateException("cannot write the job's files: " + writeFailure.getMessage(), writeFailure);
            if (jobs.stopping().get() && !cancel.get()) return new RunEnded(o, null, null);
            Job ended = entry.job();
            try {
                return new RunEnded(o, JobResultsWriter.write(entry.files(), plan, o.last(), streams.samples(), ended), null);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the results: " + e.getMessage(), e);
            }
        }, jobs.md());
        ctx.pipeToSelf(run, (ended, error) -> ended != null ? ended : new RunEnded(null, null, AsyncFailure.cause(error)));
        ctx.getLog().debug("job {} started from step {} ({} atoms)", entry.id(), from.step(), atoms);
        return running();
    }

    private Behavior<Command> running() {
        return Behaviors.receive(Command.class)
            .onMessage(Cancel.class, c -> {
                cancel.set(true);
                cancelReplies.add(c.replyTo());
                return Behaviors.same();
            })
            .onMessage(Checkpointed.class, this::checkpointed)
            .onMessage(RunEnded.class, this::ended)
            .onMessage(Start.class, s -> Behaviors.same())
            .build();
    }

    private Behavior<Command> checkpointed(Checkpointed c) {
        if (c.failure() != null) {
            writeFailure = c.failure();
            return Behaviors.same();
        }
        if (entry.ended()) return Behaviors.same();
        Job live = entry.job();
        persist(entry.record().toBuilder().setCheckpointStep(c.step()).setStep(c.step()).setSamples(c.samples()).setFrames(c.frames())
            .setStageIndex(live.getStageIndex()).setStage(live.getStage()).build());
        return Behaviors.same();
    }

    private Behavior<Command> ended(RunEnded r) {
        Job.Builder b = entry.job().toBuilder();
        JobStreams s = entry.streams();
        b.setSamples(s.samples().count()).setFrames(s.frames().count());
        Job j;
        if (r.error() != null) {
            String msg = r.error().getMessage() != null ? r.error().getMessage() : r.error().getClass().getSimpleName();
            ctx.getLog().warn("job {} failed: {}", entry.id(), msg);
            j = end(b, JobState.FAILED, msg);
        } else if (r.results() == null) {
            // the server is stopping: leave the job RUNNING so that the next start resumes it
            j = entry.record();
        } else {
            Snapshot last = r.outcome().last();
            b.setStep(last.step()).setAtomStepsPerSecond(r.results().getAtomStepsPerSecond());
            j = r.outcome() instanceof RunOutcome.Completed
                ? end(b, JobState.COMPLETED, "")
                : end(b, JobState.CANCELLED, "cancelled by request at step " + last.step());
        }
        for (ActorRef<JobManager.Reply> reply : cancelReplies) reply.tell(JobManager.Reply.of(j));
        if (r.error() == null && r.results() == null) manager.tell(new JobManager.Ended(entry.id()));
        return ended();
    }

    /** The job has ended: late cancels are answered until the manager says stop. */
    private Behavior<Command> ended() {
        return Behaviors.receive(Command.class)
            .onMessage(Cancel.class, c -> {
                c.replyTo().tell(JobManager.Reply.refused(io.ionstream.actors.service.ServiceException.precondition(
                    "job " + entry.id() + " has already ended (" + entry.state() + ")")));
                return Behaviors.same();
            })
            .onMessage(Stop.class, s -> Behaviors.stopped())
            .onAnyMessage(m -> Behaviors.same())
            .build();
    }

    /** Ends the job in {@code state}, persists the record and tells the manager. */
    private Job end(Job.Builder b, JobState state, String message) {
        Job j = b.setState(state).setMessage(message).setFinished(ProtoTime.now()).build();
        persist(j);
        entry.writer().execute(() -> manager.tell(new JobManager.Ended(entry.id())));
        return j;
    }

    private void persist(Job j) {
        entry.setRecord(j);
        entry.writer().execute(() -> {
            try {
                entry.files().writeJob(j);
            } catch (IOException e) {
                self.tell(new Checkpointed(0, 0, 0, e));
            }
        });
    }



    /** Reports of the MD thread: straight into the streams and the writer, never through the mailbox per sample. */
    private final class Listener implements RunListener {
        private final JobStreams streams;
        private final long startNanos = System.nanoTime();
        private final long startStep = from.step();

        Listener(JobStreams streams) {
            this.streams = streams;
        }

        @Override
        public void stageStarted(int index, String name, long plannedSteps) {
            entry.stage(index, name);
            streams.signal();
        }

        @Override
        public void progress(long step) {
            entry.progress(step);
        }

        @Override
        public void sample(Sample sample) {
            IOException f = streams.samples().failure();
            if (f != null) throw new IllegalStateException("cannot write observables to disk: " + f.getMessage(), f);
            streams.samples().publish(sample);
            double seconds = (System.nanoTime() - startNanos) * 1e-9;
            if (seconds > 0) entry.throughput(from.atoms().n() * (sample.getStep() - startStep) / seconds);
        }

        @Override
        public void frame(Frame frame) {
            IOException f = streams.frames().failure();
            if (f != null) throw new IllegalStateException("cannot write frames to disk: " + f.getMessage(), f);
            streams.frames().publish(frame);
        }

        @Override
        public void checkpoint(Snapshot snapshot) {
            // a checkpoint not yet written is replaced by a newer one: at most two in memory
            if (pendingCheckpoint.getAndSet(snapshot) == null) entry.writer().execute(this::writePending);
        }

        /** On the writer: writes the newest pending checkpoint once every sample and frame it counts is on disk. */
        private void writePending() {
            Snapshot s = pendingCheckpoint.get();
            if (s == null) return;
            IOException failed = streams.samples().failure() != null ? streams.samples().failure() : streams.frames().failure();
            if (failed != null) {
                pendingCheckpoint.set(null);
                self.tell(new Checkpointed(s.step(), s.samples(), s.frames(), failed));
                return;
            }
            if (streams.samples().persisted() < s.samples() || streams.frames().persisted() < s.frames()
                || !pendingCheckpoint.compareAndSet(s, null)) {
                entry.writer().execute(this::writePending); // after the appends queued behind this task
                return;
            }
            try {
                streams.samples().syncOnWriter();
                streams.frames().syncOnWriter();
                entry.files().writeCheckpoint(s);
                self.tell(new Checkpointed(s.step(), s.samples(), s.frames(), null));
            } catch (IOException | RuntimeException e) {
                self.tell(new Checkpointed(s.step(), s.samples(), s.frames(), e));
            }
        }
    }
}
