package io.ionstream.actors.campaign;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.JobEntries;
import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.jobs.JobManager;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The actor that admits campaigns: it creates each campaign's folder and record, registers it
 * with the job registry (so the job API serves it), spawns a {@link CampaignSupervisor} per
 * campaign and routes cancels to it. Campaigns do not take a slot of the job manager: only their
 * runs do. At start it takes over the campaigns recovered from the data directory.
 */
public final class CampaignManager extends AbstractBehavior<CampaignManager.Command> {
    /** What the campaign manager understands. */
    public sealed interface Command permits Submit, Cancel, Ended {}

    /** Admit a prepared campaign; the reply carries its record (QUEUED) or the refusal. */
    public record Submit(PreparedCampaign campaign, ActorRef<JobManager.Reply> replyTo) implements Command {}

    /** Cancel a campaign and its runs. */
    public record Cancel(String id, ActorRef<JobManager.Reply> replyTo) implements Command {}

    /** A supervisor's campaign has ended. */
    record Ended(String id) implements Command {}

    /** A campaign found in the data directory that continues. */
    public record Recovered(JobEntry entry, CampaignFiles files, CampaignPlan plan, CampaignResults results) {}

    private final CampaignContext campaigns;
    private final Map<String, ActorRef<CampaignSupervisor.Command>> supervisors = new HashMap<>();

    private CampaignManager(ActorContext<Command> ctx, CampaignContext campaigns, List<Recovered> recovered) {
        super(ctx);
        this.campaigns = campaigns;
        for (Recovered r : recovered) start(r.entry(), r.files(), r.plan(), r.results());
    }

    public static Behavior<Command> create(CampaignContext campaigns, List<Recovered> recovered) {
        return Behaviors.setup(ctx -> new CampaignManager(ctx, campaigns, recovered));
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
        int max = campaigns.jobs().settings().maxJobs();
        if (supervisors.size() >= max) {
            s.replyTo().tell(JobManager.Reply.refused(ServiceException.exhausted(supervisors.size()
                + " campaigns are queued or running; this server takes at most " + max + " at once (ionstream.limits.max-jobs)")));
            return this;
        }
        try {
            PreparedCampaign p = s.campaign();
            var data = campaigns.jobs().data();
            String id = data.newId(CampaignFiles.PREFIX, CampaignFiles.root(data));
            CampaignFiles files = new CampaignFiles(CampaignFiles.root(data).resolve(id));
            Job record = Job.newBuilder().setJobId(id).setName(p.spec().getName()).setState(JobState.QUEUED).setSpec(p.spec())
                .setTotalSteps(p.plan().units()).setStage(p.plan().runs().isEmpty() ? "fits" : "md").setStageCount(3)
                .addAllObservables(CampaignSamples.schemas()).setRunner(runner(p.plan()))
                .setSubmitted(ProtoTime.now()).build();
            files.create(p.spec(), p.resolved(), record);
            JobWriter writer = new JobWriter(campaigns.jobs().io());
            JobStreams streams = open(files, writer, 0);
            JobEntry e = JobEntries.register(campaigns.jobs().registry(), id, p.spec(), files.job(), record, writer, streams,
                (f, w) -> open(files, w, -1));
            start(e, files, p.plan(), CampaignSupervisor.initialResults(p.plan()));
            s.replyTo().tell(JobManager.Reply.of(e.job()));
        } catch (IOException | RuntimeException ex) {
            getContext().getLog().error("cannot create a campaign", ex);
            s.replyTo().tell(JobManager.Reply.refused(new ServiceException(ServiceException.Kind.INTERNAL,
                "cannot store the campaign in " + CampaignFiles.root(campaigns.jobs().data()) + ": " + ex.getMessage(), ex)));
        }
        return this;
    }

    /** What the campaign's record says runs it. */
    static String runner(CampaignPlan plan) {
        return "campaign: " + plan.runs().size() + " MD runs, " + (plan.fe() == null ? "no FE stage" : plan.fe().cases() + " FE cases");
    }

    JobStreams open(CampaignFiles files, java.util.concurrent.Executor writer, long keepSamples) throws IOException {
        var s = campaigns.jobs().settings();
        return JobStreams.open(files.job(), keepSamples, keepSamples, writer, campaigns.jobs().stream(), s.sampleRing(), s.frameRing());
    }

    private void start(JobEntry e, CampaignFiles files, CampaignPlan plan, CampaignResults results) {
        ActorRef<CampaignSupervisor.Command> sup = getContext().spawn(
            CampaignSupervisor.create(campaigns, e, files, plan, results, getContext().getSelf()), e.id(), DispatcherSelector.blocking());
        supervisors.put(e.id(), sup);
        sup.tell(new CampaignSupervisor.Start());
    }

    private Behavior<Command> cancel(Cancel c) {
        ActorRef<CampaignSupervisor.Command> sup = supervisors.get(c.id());
        if (sup != null) {
            sup.tell(new CampaignSupervisor.Cancel(c.replyTo()));
            return this;
        }
        try {
            Job j = campaigns.jobs().registry().get(c.id());
            c.replyTo().tell(JobManager.Reply.refused(ServiceException.precondition("campaign " + c.id() + " has already ended (" + j.getState() + ")")));
        } catch (ServiceException e) {
            c.replyTo().tell(JobManager.Reply.refused(e));
        }
        return this;
    }

    private Behavior<Command> ended(Ended e) {
        ActorRef<CampaignSupervisor.Command> sup = supervisors.remove(e.id());
        if (sup != null) sup.tell(new CampaignSupervisor.Stop());
        return this;
    }
}
