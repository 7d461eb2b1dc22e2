package io.ionstream.actors.campaign;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.service.AsyncFailure;
import io.ionstream.actors.jobs.JobEntries;
import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.jobs.JobManager;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.CampaignCheckpoint;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.RunState;
import io.ionstream.proto.v1.Sample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The supervisor of one campaign. It walks the campaign through its stages and checkpoints after
 * every step, so a restarted server continues where it stopped:
 *
 * <ol>
 *   <li><b>md</b>: every run is submitted to the {@link JobManager} as an ordinary MD job with the
 *       campaign as its parent (the manager's limits and queue apply); finished runs are analysed
 *       ({@link RunAnalysis}: D total, ∥, ⊥ with α, GB width, regional D) and each result is a
 *       {@code run} sample;</li>
 *   <li><b>fits</b>: Hart's decomposition of the grain-boundary runs and one Arrhenius law per D
 *       component ({@link CampaignFits}), streamed as {@code hart} and {@code fit} samples;</li>
 *   <li><b>fe</b>: one FE homogenisation per grain size × temperature ({@link FeCases}), each a
 *       {@code d_macro} sample with its provenance;</li>
 *   <li>the results (JSON, CSV, SVG) are written and the campaign completes.</li>
 * </ol>
 *
 * The state after each step (the results so far and the number of samples they produced) is
 * written atomically by the campaign's writer after the samples it counts, so a restart cuts the
 * sample log back to it and repeats nothing that was recorded. Heavy work (preparing a run,
 * analysing a trajectory, an FE solve) runs on the campaign worker; its outcome comes back as a
 * message. A failed or cancelled run fails the campaign (its other runs are cancelled).
 */
public final class CampaignSupervisor {
    /** What a campaign supervisor understands. */
    public sealed interface Command permits Start, Cancel, Stop, Tick, Prepared, Submitted, Analysed, FeDone, WriteFailed {}

    /** Begin (or continue after a restart). */
    public record Start() implements Command {}

    /** Stop the campaign and its runs; the reply comes when it has ended. */
    public record Cancel(ActorRef<JobManager.Reply> replyTo) implements Command {}

    /** The manager has taken note of the end. */
    record Stop() implements Command {}

    /** Look at the runs and move on. */
    record Tick() implements Command {}

    /** A run's job was prepared (validated, structure loaded) on the worker. */
    record Prepared(int run, PreparedJob job, Throwable error) implements Command {}

    /** The job manager admitted (or refused) a run's job. */
    record Submitted(int run, JobManager.Reply reply, Throwable error) implements Command {}

    /** A finished run was analysed on the worker. */
    record Analysed(int run, CampaignRun result, Throwable error) implements Command {}

    /** An FE case was solved on the worker. */
    record FeDone(int index, FePoint point, Throwable error) implements Command {}

    /** A write of the campaign's files failed. */
    record WriteFailed(Throwable error) implements Command {}

    private static final Duration ASK = Duration.ofSeconds(60);

    private final ActorContext<Command> ctx;
    private final CampaignContext campaigns;
    private final JobEntry entry;
    private final CampaignFiles files;
    private final CampaignPlan plan;
    private final ActorRef<CampaignManager.Command> manager;
    private final CampaignResults.Builder results;
    private final Map<Integer, PreparedJob> prepared = new HashMap<>();
    private final Set<Integer> busyRuns = new HashSet<>();
    private final List<ActorRef<JobManager.Reply>> cancelReplies = new ArrayList<>();
    private boolean working;
    private boolean over;
    private FeCases fe;

    private CampaignSupervisor(ActorContext<Command> ctx, CampaignContext campaigns, JobEntry entry, CampaignFiles files, CampaignPlan plan,
                               CampaignResults results, ActorRef<CampaignManager.Command> manager) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.entry = entry;
        this.files = files;
        this.plan = plan;
        this.results = results.toBuilder();
        this.manager = manager;
    }

    /** A supervisor for a campaign that continues from {@code results} (fresh: {@link #initialResults}). */
    public static Behavior<Command> create(CampaignContext campaigns, JobEntry entry, CampaignFiles files, CampaignPlan plan,
                                           CampaignResults results, ActorRef<CampaignManager.Command> manager) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
            new CampaignSupervisor(ctx, campaigns, entry, files, plan, results, manager).waiting(timers)));
    }

    /** The results of a campaign that has done nothing yet: every run pending. */
    static CampaignResults initialResults(CampaignPlan plan) {
        CampaignResults.Builder r = CampaignResults.newBuilder().setStage(plan.runs().isEmpty() ? "fits" : "md");
        for (CampaignPlan.RunPlan run : plan.runs()) {
            r.addRuns(CampaignRun.newBuilder().setStructure(run.structure()).setTemperatureK(run.temperatureK()).setState(RunState.RUN_PENDING));
        }
        return r.build();
    }

    private Behavior<Command> waiting(TimerScheduler<Command> timers) {
        return Behaviors.receive(Command.class)
            .onMessage(Start.class, s -> {
                Job.Builder b = entry.record().toBuilder().setState(JobState.RUNNING);
                if (!b.hasStarted()) b.setStarted(ProtoTime.now());
                persist(progress(b).build());
                timers.startTimerWithFixedDelay(new Tick(), campaigns.poll());
                Behavior<Command> next = guard(this::advance);
                return over ? next : running();
            })
            .onMessage(Cancel.class, c -> {
                cancelReplies.add(c.replyTo());
                return end(JobState.CANCELLED, "cancelled by request before it started");
            })
            .build();
    }

    private Behavior<Command> running() {
        // while the server stops, outcomes are dropped: the checkpoint on disk is where the restart continues
        return Behaviors.receive(Command.class)
            .onMessage(Tick.class, t -> guard(this::advance))
            .onMessage(Prepared.class, p -> stopping() ? Behaviors.same() : guard(() -> prepared(p)))
            .onMessage(Submitted.class, s -> stopping() ? Behaviors.same() : guard(() -> submitted(s)))
            .onMessage(Analysed.class, a -> stopping() ? Behaviors.same() : guard(() -> analysed(a)))
            .onMessage(FeDone.class, d -> stopping() ? Behaviors.same() : guard(() -> feDone(d)))
            .onMessage(WriteFailed.class, w -> stopping() ? Behaviors.same() : fail("cannot write the campaign's files: " + message(w.error())))
            .onMessage(Cancel.class, c -> {
                cancelReplies.add(c.replyTo());
                return end(JobState.CANCELLED, "cancelled by request in stage " + results.getStage());
            })
            .onSignal(PostStop.class, s -> closeFe())
            .build();
    }

    /** Runs a step; an unexpected error fails the campaign with its message instead of stopping the actor silently. */
    private Behavior<Command> guard(Supplier<Behavior<Command>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            ctx.getLog().error("campaign {}: unexpected error", entry.id(), e);
            return fail("internal error: " + message(e));
        }
    }

    private boolean stopping() {
        return campaigns.jobs().stopping().get();
    }

    /** Moves the campaign on as far as it can go now; the state of the behaviour to continue in. */
    private Behavior<Command> advance() {
        if (stopping()) return Behaviors.same();
        switch (results.getStage()) {
            case "md" -> {
                Behavior<Command> b = runs();
                if (b != null) return b;
                if (results.getRunsList().stream().allMatch(r -> r.getState() == RunState.RUN_ANALYSED)) {
                    results.setStage("fits");
                    return advance();
                }
            }
            case "fits" -> {
                return fits();
            }
            case "fe" -> {
                return feNext();
            }
            case "done" -> {
                return end(JobState.COMPLETED, "");
            }
            default -> {
                return fail("unknown campaign stage '" + results.getStage() + "' in its checkpoint");
            }
        }
        return Behaviors.same();
    }

    /** Submits pending runs and analyses finished ones; a failed run fails the campaign (the behaviour to switch to), else null. */
    private Behavior<Command> runs() {
        boolean submitting = false;
        for (int i = 0; i < results.getRunsCount(); i++) {
            if (busyRuns.contains(i)) {
                submitting |= results.getRuns(i).getState() == RunState.RUN_PENDING;
                continue;
            }
            CampaignRun r = results.getRuns(i);
            if (r.getState() == RunState.RUN_PENDING) {
                if (adopt(i)) continue;
                if (submitting) continue; // one submission at a time: preparing builds and checks a whole job
                submitting = true;
                submit(i);
            } else if (r.getState() == RunState.RUN_SUBMITTED) {
                JobEntry child;
                try {
                    child = campaigns.jobs().registry().entry(r.getJobId());
                } catch (ServiceException e) {
                    results.setRuns(i, r.toBuilder().setState(RunState.RUN_PENDING).clearJobId());
                    results.addNotes("run " + r.getStructure() + " @ " + r.getTemperatureK() + " K: its job " + r.getJobId()
                        + " is gone; submitted again");
                    continue;
                }
                JobState s = child.state();
                if (s == JobState.COMPLETED) {
                    analyse(i, child);
                } else if (s == JobState.FAILED || s == JobState.CANCELLED) {
                    return fail("run '" + plan.runs().get(i).childName() + "' (" + r.getJobId() + ") " + s + ": " + child.record().getMessage());
                }
            }
        }
        return null;
    }

    /** A job of this campaign for run i that exists but is not recorded (a crash, or an answer that timed out): take it. */
    private boolean adopt(int i) {
        String name = plan.runs().get(i).childName();
        for (JobEntry e : campaigns.jobs().registry().entries()) {
            Job j = e.record();
            if (j.getParentJobId().equals(entry.id()) && j.getName().equals(name)) {
                recordSubmitted(i, j.getJobId());
                return true;
            }
        }
        return false;
    }

    private void submit(int i) {
        busyRuns.add(i);
        PreparedJob cached = prepared.get(i);
        if (cached != null) {
            ask(i, cached);
            return;
        }
        CampaignPlan.RunPlan run = plan.runs().get(i);
        CompletableFuture<PreparedJob> f = CompletableFuture.supplyAsync(() -> campaigns.jobs().planner().prepare(run.childSpec())
            .withParent(entry.id()), campaigns.worker());
        ctx.pipeToSelf(f, (p, e) -> new Prepared(i, p, AsyncFailure.cause(e)));
    }

    private Behavior<Command> prepared(Prepared p) {
        if (p.error() != null) {
            busyRuns.remove(p.run());
            return fail("run '" + plan.runs().get(p.run()).childName() + "' cannot be submitted: " + message(p.error()));
        }
        prepared.put(p.run(), p.job());
        ask(p.run(), p.job());
        return Behaviors.same();
    }

    private void ask(int i, PreparedJob job) {
        ctx.ask(JobManager.Reply.class, campaigns.jobManager(), ASK, replyTo -> new JobManager.Submit(job, replyTo),
            (reply, error) -> new Submitted(i, reply, error));
    }

    private Behavior<Command> submitted(Submitted s) {
        busyRuns.remove(s.run());
        if (s.reply() != null && s.reply().job() != null) {
            prepared.remove(s.run());
            recordSubmitted(s.run(), s.reply().job().getJobId());
            return advance();
        }
        ServiceException refused = s.reply() == null ? null : s.reply().error();
        if (refused != null && refused.kind() != ServiceException.Kind.RESOURCE_EXHAUSTED) {
            return fail("run '" + plan.runs().get(s.run()).childName() + "' was refused: " + refused.getMessage());
        }
        // the server is full (max-jobs) or the answer timed out: try again at the next tick (adopting the job if it was made)
        return Behaviors.same();
    }

    private void recordSubmitted(int i, String jobId) {
        results.setRuns(i, results.getRuns(i).toBuilder().setJobId(jobId).setState(RunState.RUN_SUBMITTED));
        Job.Builder b = entry.record().toBuilder();
        if (!b.getChildJobIdsList().contains(jobId)) b.addChildJobIds(jobId);
        persist(b.build());
        checkpoint();
    }

    private void analyse(int i, JobEntry child) {
        busyRuns.add(i);
        CampaignRun run = results.getRuns(i);
        CampaignPlan.StructurePlan s = plan.structure(run.getStructure());
        CompletableFuture<CampaignRun> f = CompletableFuture.supplyAsync(() -> {
            if (stopping()) throw new FeCases.Stopped(); // dropped: analysed again after the restart
            try {
                JobResults r = child.files().readResults()
                    .orElseThrow(() -> new IllegalStateException("run " + child.id() + " completed without results"));
                var initial = child.files().readInitial().atoms();
                var streams = child.streams();
                RunAnalysis.Child c = new RunAnalysis.Child(child.id(), r, initial, streams.frames(), streams.frameHeader(),
                    () -> campaigns.jobs().planner().plan(child.files(), child.spec(), initial));
                return RunAnalysis.analyse(run, c, s, plan.diffusion());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read run " + child.id() + ": " + e.getMessage(), e);
            }
        }, campaigns.worker());
        ctx.pipeToSelf(f, (r, e) -> new Analysed(i, r, AsyncFailure.cause(e)));
    }

    private Behavior<Command> analysed(Analysed a) {
        busyRuns.remove(a.run());
        if (a.error() instanceof FeCases.Stopped) return Behaviors.same();
        if (a.error() != null) {
            CampaignRun r = results.getRuns(a.run());
            return fail("analysis of run '" + plan.runs().get(a.run()).childName() + "' (" + r.getJobId() + "): " + message(a.error()));
        }
        results.setRuns(a.run(), a.result().toBuilder().setState(RunState.RUN_ANALYSED));
        publish(CampaignSamples.run(samples().count(), units(), results.getRuns(a.run())));
        persist(progress(entry.record().toBuilder()).build());
        checkpoint();
        return advance();
    }

    /** Hart's decomposition and the Arrhenius fits (quick: done here), then on to the FE stage. */
    private Behavior<Command> fits() {
        List<CampaignRun> runs = CampaignFits.hart(plan, results.getRunsList());
        List<ComponentFit> fits = CampaignFits.fits(plan, runs);
        results.clearRuns().addAllRuns(runs).clearFits().addAllFits(fits);
        for (CampaignRun r : runs) if (plan.structure(r.getStructure()).grainBoundary()) publish(CampaignSamples.hart(samples().count(), units(), r));
        results.setStage(plan.fe() == null ? "done" : "fe");
        for (ComponentFit f : fits) publish(CampaignSamples.fit(samples().count(), units(), f));
        if (plan.fe() != null) {
            try {
                feWidth();
            } catch (IllegalStateException e) {
                return fail(e.getMessage());
            }
        }
        persist(progress(entry.record().toBuilder()).build());
        checkpoint();
        return advance();
    }

    /** The FE stage's GB width: given, or the mean δ of the runs of the structure named for it. */
    private void feWidth() {
        CampaignPlan.FePlan f = plan.fe();
        if (f.widthNm() != null) {
            results.setFeGbWidthNm(f.widthNm()).setFeGbWidthSource("given (campaign.fe.gb_width_nm)");
            return;
        }
        double sum = 0;
        List<String> jobs = new ArrayList<>();
        for (CampaignRun r : results.getRunsList()) {
            if (r.getStructure().equals(f.widthFrom()) && r.getGbWidthA() > 0) {
                sum += r.getGbWidthA();
                jobs.add(r.getJobId());
            }
        }
        if (jobs.isEmpty()) {
            throw new IllegalStateException("campaign.fe: no run of '" + f.widthFrom() + "' gave a GB width for the FE stage (see its runs' problems)");
        }
        double nm = sum / jobs.size() / 10;
        results.setFeGbWidthNm(nm).setFeGbWidthSource(String.format(Locale.ROOT, "mean GB width of %s over runs %s", f.widthFrom(),
            String.join(", ", jobs)));
    }

    private Behavior<Command> feNext() {
        if (working) return Behaviors.same();
        int k = results.getFeCount();
        if (k >= plan.fe().cases()) {
            results.setStage("done");
            for (String w : fe == null ? List.<String>of() : fe.warnings()) if (!results.getNotesList().contains(w)) results.addNotes(w);
            checkpoint();
            return advance();
        }
        if (fe == null) fe = new FeCases(plan.fe(), results.getFeGbWidthNm());
        Map<String, ComponentFit> fits = new LinkedHashMap<>();
        for (ComponentFit f : results.getFitsList()) fits.put(f.getComponent(), f);
        working = true;
        FeCases cases = fe;
        var stopping = campaigns.jobs().stopping();
        CompletableFuture<FePoint> f = CompletableFuture.supplyAsync(() -> cases.run(k, fits, stopping::get), campaigns.worker());
        ctx.pipeToSelf(f, (p, e) -> new FeDone(k, p, AsyncFailure.cause(e)));
        return Behaviors.same();
    }

    private Behavior<Command> feDone(FeDone d) {
        working = false;
        if (d.error() instanceof FeCases.Stopped) return Behaviors.same();
        if (d.error() != null) {
            return fail(String.format(Locale.ROOT, "FE case d = %s nm, T = %s K: %s", CampaignPlanner.format(plan.fe().grainSize(d.index())),
                CampaignPlanner.format(plan.fe().temperature(d.index())), message(d.error())));
        }
        results.addFe(d.point());
        publish(CampaignSamples.dMacro(samples().count(), units(), d.point()));
        persist(progress(entry.record().toBuilder()).build());
        checkpoint();
        return advance();
    }

    private Behavior<Command> fail(String message) {
        ctx.getLog().warn("campaign {} failed: {}", entry.id(), message);
        return end(JobState.FAILED, message);
    }

    /** Ends the campaign: its unfinished runs are cancelled, the results so far written, the record persisted. */
    private Behavior<Command> end(JobState state, String message) {
        over = true;
        if (state != JobState.COMPLETED) cancelRuns();
        closeFe();
        Job.Builder b = progress(entry.record().toBuilder()).setState(state).setMessage(message).setFinished(ProtoTime.now())
            .setSamples(samples().count());
        Job job = b.build();
        checkpoint();
        // the results are on disk before the record says the campaign ended (GetResults reads them then)
        try {
            CampaignReport.write(files.job(), job, results.build());
        } catch (IOException | RuntimeException e) {
            ctx.getLog().error("campaign {}: cannot write its results: {}", entry.id(), e.getMessage());
            if (state == JobState.COMPLETED) {
                job = job.toBuilder().setState(JobState.FAILED).setMessage("cannot write the results: " + message(e)).build();
            }
        }
        persist(job);
        entry.writer().execute(() -> manager.tell(new CampaignManager.Ended(entry.id())));
        for (ActorRef<JobManager.Reply> reply : cancelReplies) reply.tell(JobManager.Reply.of(job));
        cancelReplies.clear();
        return ended();
    }

    private Behavior<Command> ended() {
        return Behaviors.receive(Command.class)
            .onMessage(Cancel.class, c -> {
                c.replyTo().tell(JobManager.Reply.refused(ServiceException.precondition(
                    "campaign " + entry.id() + " has already ended (" + entry.state() + ")")));
                return Behaviors.same();
            })
            .onMessage(Stop.class, s -> Behaviors.stopped())
            .onAnyMessage(m -> Behaviors.same())
            .build();
    }

    private void cancelRuns() {
        for (CampaignRun r : results.getRunsList()) {
            if (r.getState() != RunState.RUN_SUBMITTED) continue;
            try {
                if (campaigns.jobs().registry().entry(r.getJobId()).ended()) continue;
            } catch (ServiceException e) {
                continue;
            }
            ActorRef<JobManager.Reply> ignore = ctx.spawnAnonymous(Behaviors.receive(JobManager.Reply.class)
                .onAnyMessage(m -> Behaviors.stopped()).build());
            campaigns.jobManager().tell(new JobManager.Cancel(r.getJobId(), ignore));
        }
    }

    private Behavior<Command> closeFe() {
        if (fe != null) fe.close();
        fe = null;
        return Behaviors.same();
    }

    /** Work units done: analysed runs, the fits, the FE cases. */
    private long units() {
        long n = results.getRunsList().stream().filter(r -> r.getState() == RunState.RUN_ANALYSED).count();
        if (!results.getStage().equals("md") && !results.getStage().equals("fits")) n++;
        return n + results.getFeCount();
    }

    private Job.Builder progress(Job.Builder b) {
        String stage = results.getStage();
        int index = switch (stage) {
            case "md" -> 0;
            case "fits" -> 1;
            default -> 2;
        };
        return b.setStep(units()).setTotalSteps(plan.units()).setStage(stage).setStageIndex(index).setStageCount(3)
            .setCheckpointStep(units());
    }

    private StreamLog<Sample> samples() {
        return entry.streams().samples();
    }

    private void publish(Sample s) {
        samples().publish(s);
    }

    /** Writes the results so far and their sample count, on the writer after the samples it counts. */
    private void checkpoint() {
        CampaignCheckpoint c = CampaignCheckpoint.newBuilder().setResults(results.build()).setSamples(samples().count()).build();
        StreamLog<Sample> log = samples();
        ActorRef<Command> self = ctx.getSelf();
        entry.writer().execute(() -> {
            try {
                log.syncOnWriter();
                files.writeCheckpoint(c);
            } catch (IOException | RuntimeException e) {
                self.tell(new WriteFailed(e));
            }
        });
    }

    private void persist(Job j) {
        JobEntries.setRecord(entry, j);
        ActorRef<Command> self = ctx.getSelf();
        entry.writer().execute(() -> {
            try {
                files.job().writeJob(j);
            } catch (IOException e) {
                self.tell(new WriteFailed(e));
            }
        });
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }


}
