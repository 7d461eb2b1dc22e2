package io.ionstream.actors.jobs;

import io.ionstream.actors.jobs.plan.JobPlanner;
import io.ionstream.actors.jobs.run.JobRunner;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.actors.service.ServiceSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the job actors share: settings, the data directory, the planner, the registry they
 * publish to, the MD platform ({@link JobRunner}), the thread pools (MD: one thread per running
 * job; io: file writers; stream: subscriber wake-ups) and the flag that asks running jobs to
 * stop at the next step because the server is shutting down.
 */
public record JobContext(ServiceSettings settings, DataDirectory data, JobPlanner planner, JobRegistry registry, JobRunner runner,
                         ExecutorService md, Executor io, Executor stream, AtomicBoolean stopping) {}
