package io.ionstream.actors.service;

import io.ionstream.actors.campaign.CampaignContext;
import io.ionstream.actors.campaign.CampaignManager;
import io.ionstream.actors.campaign.CampaignPlanner;
import io.ionstream.actors.campaign.CampaignRecovery;
import io.ionstream.actors.campaign.PreparedCampaign;
import io.ionstream.actors.catalog.PotentialCatalog;
import io.ionstream.actors.catalog.PotentialFormat;
import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.actors.jobs.JobContext;
import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.jobs.JobManager;
import io.ionstream.actors.jobs.JobRecovery;
import io.ionstream.actors.jobs.JobRegistry;
import io.ionstream.actors.jobs.plan.JobPlanner;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.jobs.run.JobRunner;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobSpec;
import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The job service as a Java API, shared by the gRPC and HTTP front ends: submit, cancel and read
 * jobs (through {@link #jobs()}: records and live streams), their results and files, and the
 * structure and potential catalogues. It opens the data directory, recovers the jobs found
 * there (resuming those that were running from their last checkpoint) and runs them in a Pekko
 * actor system. Refusals are {@link ServiceException}s.
 */
public final class IonstreamService implements AutoCloseable {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
    /** How often a campaign supervisor looks at its runs. */
    private static final Duration CAMPAIGN_POLL = Duration.ofMillis(250);

    private final ServiceSettings settings;
    private final DataDirectory data;
    private final StructureCatalog structures;
    private final PotentialCatalog potentials;
    private final JobPlanner planner;
    private final JobRegistry registry = new JobRegistry();
    private final ExecutorService md, io, stream;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ActorSystem<Void> system;
    private final ActorRef<JobManager.Command> manager;
    private final CampaignPlanner campaignPlanner;
    private final ExecutorService campaignWorker;
    private final ActorRef<CampaignManager.Command> campaigns;
    private final JobRunner runner;
    private final int recovered;

    private IonstreamService(Config config, ServiceSettings settings, JobRunner runner, List<PotentialFormat> formats) throws IOException {
        this.settings = settings;
        this.runner = runner;
        this.data = DataDirectory.open(settings.dataDir());
        try {
            this.structures = new StructureCatalog(data, settings.maxAtoms(), settings.maxUploadBytes(), settings.minDistance());
            this.potentials = new PotentialCatalog(data, settings.maxUploadBytes(), formats);
            this.planner = new JobPlanner(settings, structures, potentials);
            this.md = Executors.newFixedThreadPool(settings.maxRunningJobs(), threads("ionstream-md"));
            this.io = Executors.newFixedThreadPool(2, threads("ionstream-io"));
            this.stream = Executors.newFixedThreadPool(settings.streamThreads(), threads("ionstream-stream"));
            JobContext ctx = new JobContext(settings, data, planner, registry, runner, md, io, stream, stopping);
            List<JobManager.Recovered> resume = new JobRecovery(ctx).recover();
            this.recovered = resume.size();
            this.system = ActorSystem.create(Behaviors.empty(), "ionstream", config);
            this.manager = system.systemActorOf(JobManager.create(ctx, resume), "jobs", DispatcherSelector.blocking());
            this.campaignPlanner = new CampaignPlanner(planner, structures);
            this.campaignWorker = Executors.newSingleThreadExecutor(threads("ionstream-campaign"));
            List<CampaignManager.Recovered> campaignsToResume = new CampaignRecovery(ctx, campaignPlanner).recover();
            this.campaigns = system.systemActorOf(CampaignManager.create(new CampaignContext(ctx, manager, campaignPlanner, campaignWorker,
                CAMPAIGN_POLL), campaignsToResume), "campaigns", DispatcherSelector.blocking());
        } catch (IOException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Starts the service with the {@code ionstream} section of {@code config} (the actor system gets all of it). */
    public static IonstreamService start(Config config, JobRunner runner, List<PotentialFormat> formats) throws IOException {
        return new IonstreamService(config, ServiceSettings.from(config), runner, formats);
    }

    /** Starts with explicit settings (the actor system gets {@code config}). */
    public static IonstreamService start(Config config, ServiceSettings settings, JobRunner runner, List<PotentialFormat> formats) throws IOException {
        return new IonstreamService(config, settings, runner, formats);
    }

    public ServiceSettings settings() { return settings; }
    public JobRegistry jobs() { return registry; }
    public StructureCatalog structures() { return structures; }
    public PotentialCatalog potentials() { return potentials; }
    public Path dataDir() { return data.root(); }
    /** The shared pool that wakes and feeds stream subscribers (front ends run their drain loops here too). */
    public java.util.concurrent.Executor streamExecutor() { return stream; }
    public String runnerName() { return runner.getClass().getSimpleName(); }
    /** The MD platform jobs run on. */
    public JobRunner runner() { return runner; }

    /** Jobs that were queued or running when the data directory was opened (resumed). */
    public int recoveredJobs() { return recovered; }

    /** Validates and queues a job. */
    public Job submit(JobSpec spec) {
        if (stopping.get()) throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "the server is shutting down");
        if (spec.getKindCase() == JobSpec.KindCase.CAMPAIGN) {
            PreparedCampaign c = campaignPlanner.prepare(spec);
            return ask(campaigns, replyTo -> new CampaignManager.Submit(c, replyTo));
        }
        PreparedJob p = planner.prepare(spec);
        return ask(replyTo -> new JobManager.Submit(p, replyTo));
    }

    /** Cancels a queued or running job; returns it once it has stopped. */
    public Job cancel(String jobId) {
        JobEntry e = registry.entry(jobId);
        if (e.spec().getKindCase() == JobSpec.KindCase.CAMPAIGN) return ask(campaigns, replyTo -> new CampaignManager.Cancel(jobId, replyTo));
        return ask(replyTo -> new JobManager.Cancel(jobId, replyTo));
    }

    /** Results of an ended job (FAILED_PRECONDITION while it is queued or running). */
    public JobResults results(String jobId) {
        JobEntry e = registry.entry(jobId);
        Job j = e.job();
        if (!e.ended()) {
            throw ServiceException.precondition("job " + jobId + " is " + j.getState() + " (step " + j.getStep() + " of " + j.getTotalSteps()
                + "); results come when it ends");
        }
        try {
            var r = e.files().readResults();
            return r.map(x -> x.toBuilder().setJob(j).build()).orElseGet(() -> JobResults.newBuilder().setJob(j).build());
        } catch (IOException ex) {
            throw new ServiceException(ServiceException.Kind.INTERNAL, "cannot read the results of job " + jobId + ": " + ex.getMessage(), ex);
        }
    }

    /** A job's downloadable file. */
    public Path file(String jobId, String name) {
        JobEntry e = registry.entry(jobId);
        return e.files().file(name).orElseThrow(() -> {
            try {
                List<String> names = e.files().files().stream().map(p -> p.getFileName().toString()).toList();
                return ServiceException.notFound("job " + jobId + " has no file '" + name + "' (files: "
                    + (names.isEmpty() ? "none yet" : String.join(", ", names)) + ")");
            } catch (IOException ex) {
                return ServiceException.notFound("job " + jobId + " has no file '" + name + "'");
            }
        });
    }

    private Job ask(java.util.function.Function<ActorRef<JobManager.Reply>, JobManager.Command> message) {
        return ask(manager, message);
    }

    private <C> Job ask(ActorRef<C> target, java.util.function.Function<ActorRef<JobManager.Reply>, C> message) {
        JobManager.Reply r;
        try {
            r = AskPattern.ask(target, message::apply, ASK_TIMEOUT, system.scheduler()).toCompletableFuture()
                .get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "the job manager did not answer in time: " + e.getMessage(), e);
        }
        if (r.error() != null) throw r.error();
        return r.job();
    }

    /**
     * Stops: running jobs stop at their next step without being marked ended (the next start
     * resumes them from their last checkpoint), pending writes are flushed, the data directory is
     * released.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) return;
        md.shutdown();
        campaignWorker.shutdown(); // an FE solve in progress stops at its next iteration
        try {
            if (!md.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) md.shutdownNow();
            // a campaign step still reading a run's files finishes before the files are closed
            if (!campaignWorker.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) campaignWorker.shutdownNow();
            for (JobEntry e : registry.entries()) {
                if (e.writer() != null) e.writer().barrier().get(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a writer that does not finish leaves at worst the previous checkpoint, which is what a restart uses
        }
        if (runner instanceof AutoCloseable c) {
            try {
                c.close(); // the MD platform's own actor systems and cluster membership
            } catch (Exception e) {
                // stopping anyway; the jobs resume from their checkpoints at the next start
            }
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // the actor system is going away either way
        }
        io.shutdown();
        stream.shutdown();
        registry.closeAll();
        try {
            data.close();
        } catch (IOException ignored) {
            // the lock goes with the process
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
