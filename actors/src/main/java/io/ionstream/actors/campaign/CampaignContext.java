package io.ionstream.actors.campaign;

import io.ionstream.actors.jobs.JobContext;
import io.ionstream.actors.jobs.JobManager;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the campaign actors share: the job service's context (settings, data directory, registry,
 * writer and stream pools, the stopping flag), the job manager that admits their runs, the
 * campaign planner, the worker that runs their heavy steps (preparing runs, analysing
 * trajectories, FE solves) one at a time off the actors' threads, and how often supervisors look
 * at their runs.
 */
public record CampaignContext(JobContext jobs, ActorRef<JobManager.Command> jobManager, CampaignPlanner planner, ExecutorService worker,
                              Duration poll) {}
