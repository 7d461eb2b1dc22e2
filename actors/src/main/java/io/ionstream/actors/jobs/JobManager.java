package io.ionstream.actors.jobs;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.plan.JobPlanner;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The one actor that admits jobs: it enforces {@code ionstream.limits.max-jobs}, creates each
 * job's folder and records, spawns a {@link JobSupervisor} per job, and lets at most
 * {@code max-running-jobs} of them run at a time, the rest waiting in submission order. At start
 * it takes over the jobs recovered from the data directory (those that were running first).
 */
public final class JobManager extends AbstractBehavior<JobManager.Command> {
    /** What the manager understands. */
    public sealed interface Command permits Submit, Cancel, Ended {}

    /** Admit a prepared (validated) job. */
    public record Submit(PreparedJob job, ActorRef<Reply> replyTo) implements Command {}

    /** Cancel a job; the reply carries the job once it has stopped, or the refusal. */
    public record Cancel(String jobId, ActorRef<Reply> replyTo) implements Command {}

    /** A supervisor finished its job. */
    public record Ended(String jobId) implements Command {}

    /** A job, or why the request was refused. */
    public record Reply(Job job, ServiceException error) {
        public static Reply of(Job j) { return new Reply(j, null); }

        public static Reply refused(ServiceException e) { return new Reply(null, e); }
    }

    /** A job found in the data directory that must run (again). */
    public record Recovered(JobEntry entry, JobPlan plan, Snapshot from) {}

    private final JobContext jobs;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Set<String> running = new HashSet<>();
    private final Map<String, ActorRef<JobSupervisor.Command>> supervisors = new HashMap<>();

    private JobManager(ActorContext<Command> ctx, JobContext jobs, List<Recovered> recovered) {
        super(ctx);
        this.jobs = jobs;
        for (Recovered r : recovered) admit(r.entry(), r.plan(), r.from());
        startNext();
    }

    public static Behavior<Command> create(JobContext jobs, List<Recovered> recovered) {
        return Behaviors.setup(ctx -> new JobManager(ctx, jobs, recovered));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
            .onMessage(Submit.class, this::submit)
            .onMessage(Cancel.class, this::cancel)
            .onMessage(Ended.class, this::ended)
            .build();
    }

    private Behavior<Command> submit(Submit s) {
        int active = supervisors.size();
        int max = jobs.settings().maxJobs();
        if (active >= max) {
            s.replyTo().tell(Reply.refused(ServiceException.exhausted(active + " jobs are queued or running; this server takes at most "
                + max + " at once (ionstream.limits.max-jobs): wait for one to end or cancel one")));
            return this;
        }
        try {
            JobEntry e = create(s.job());
            admit(e, s.job().plan(), Snapshot.initial(s.job().initial()));
            startNext();
            s.replyTo().tell(Reply.of(e.job()));
        } catch (IOException | RuntimeException ex) {
            getContext().getLog().error("cannot create a job", ex);
            s.replyTo().tell(Reply.refused(new ServiceException(ServiceException.Kind.INTERNAL,
                "cannot store the job in " + jobs.data().jobsDir() + ": " + ex.getMessage(), ex)));
        }
        return this;
    }

    /** Creates the job's folder and files (spec, initial atoms, frame header, potential copy, QUEUED record). */
    private JobEntry create(PreparedJob p) throws IOException {
        String id = jobs.data().newId("job", jobs.data().jobsDir());
        JobFiles files = jobs.data().job(id);
        files.create();
        files.writeSpec(p.spec());
        Snapshot initial = Snapshot.initial(p.initial());
        files.writeInitial(initial);
        FrameHeader.Builder h = FrameHeader.newBuilder().addAllSpecies(List.of(p.initial().species().symbols()));
        for (int k = 0; k < p.initial().n(); k++) {
            h.addTypes(p.initial().type()[k]);
            h.addIds(p.initial().id()[k]);
        }
        files.writeFrameHeader(h.build());
        if (p.potentialFile() != null) {
            Files.createDirectories(files.potentialDir());
            AtomicFiles.write(files.potentialDir().resolve(p.potentialFile().getFileName()), p.potentialFile().getContent().toByteArray());
            AtomicFiles.write(files.potentialDir().resolve(JobPlanner.INFO), p.potentialInfo().toByteArray());
        }
        Job record = initialRecord(id, p, jobs.runner().description(p.plan()));
        files.writeJob(record);
        JobWriter writer = new JobWriter(jobs.io());
        // reopened after the streams were closed (server stopping): keep every record
        JobEntry e = new JobEntry(id, p.spec(), files, record, writer, (f, w) -> openStreams(f, w, -1, -1));
        e.setStreams(openStreams(files, writer, 0, 0));
        jobs.registry().add(e);
        return e;
    }

    JobStreams openStreams(JobFiles f, java.util.concurrent.Executor writer, long keepSamples, long keepFrames) throws IOException {
        return JobStreams.open(f, keepSamples, keepFrames, writer, jobs.stream(), jobs.settings().sampleRing(), jobs.settings().frameRing());
    }

    static Job initialRecord(String id, PreparedJob p, String runner) {
        return Job.newBuilder().setJobId(id).setName(p.spec().getName()).setState(JobState.QUEUED).setSpec(p.spec())
            .setAtoms(p.initial().n()).setFormula(p.initial().toSystem().formula()).setTotalSteps(p.plan().totalSteps())
            .setStageCount(p.plan().stages().size()).setStage(p.plan().stages().get(0).name())
            .addAllObservables(p.plan().observables().schemas()).setRunner(runner).setParentJobId(p.parentJobId())
            .setSubmitted(ProtoTime.now()).build();
    }

    private void admit(JobEntry e, JobPlan plan, Snapshot from) {
        ActorRef<JobSupervisor.Command> sup = getContext().spawn(JobSupervisor.create(jobs, e, plan, from, getContext().getSelf()),
            e.id(), DispatcherSelector.blocking());
        supervisors.put(e.id(), sup);
        queue.add(e.id());
    }

    private void startNext() {
        while (running.size() < jobs.settings().maxRunningJobs() && !queue.isEmpty() && !jobs.stopping().get()) {
            String id = queue.poll();
            running.add(id);
            supervisors.get(id).tell(new JobSupervisor.Start());
        }
    }

    private Behavior<Command> cancel(Cancel c) {
        ActorRef<JobSupervisor.Command> sup = supervisors.get(c.jobId());
        JobEntry entry = sup == null ? null : jobs.registry().entry(c.jobId());
        if (sup != null && !entry.ended()) {
            sup.tell(new JobSupervisor.Cancel(c.replyTo()));
            return this;
        }
        try {
            Job j = jobs.registry().get(c.jobId());
            c.replyTo().tell(Reply.refused(ServiceException.precondition("job " + c.jobId() + " has already ended (" + j.getState() + ")")));
        } catch (ServiceException e) {
            c.replyTo().tell(Reply.refused(e));
        }
        return this;
    }

    private Behavior<Command> ended(Ended e) {
        running.remove(e.jobId());
        queue.remove(e.jobId());
        ActorRef<JobSupervisor.Command> sup = supervisors.remove(e.jobId());
        if (sup != null) sup.tell(new JobSupervisor.Stop());
        startNext();
        return this;
    }
}
