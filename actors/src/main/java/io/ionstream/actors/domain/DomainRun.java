package io.ionstream.actors.domain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs a {@link DomainJob} to completion from plain (non-actor) code: spawns a coordinator in
 * an actor system and waits for its outcome. With no hosts the subdomains run in the
 * coordinator's own system; with hosts (see {@code io.ionstream.actors.cluster}) they are
 * spread over cluster nodes.
 */
public final class DomainRun {
    private static final AtomicLong JOBS = new AtomicLong();

    private DomainRun() {}

    /** Runs {@code job} in a fresh single-node actor system that is shut down afterwards. */
    public static DomainResult inProcess(DomainJob job, DomainCoordinator.ProgressListener listener) throws DomainRunException {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ionstream-md");
        try {
            return run(system, job, List.of(), listener, Duration.ofDays(365));
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // shutting down; nothing left to save
            }
        }
    }

    /** Runs {@code job} in {@code system}, placing subdomains on {@code hosts} (none: in this system). */
    public static DomainResult run(ActorSystem<?> system, DomainJob job, List<ActorRef<SubdomainHost.Command>> hosts,
                                   DomainCoordinator.ProgressListener listener, Duration timeout) throws DomainRunException {
        String name = "job-" + JOBS.incrementAndGet();
        CompletableFuture<DomainCoordinator.Outcome> outcome = new CompletableFuture<>();
        Behavior<DomainCoordinator.Outcome> waiter = Behaviors.setup(ctx -> {
            ActorRef<DomainCoordinator.Command> coordinator =
                ctx.spawn(DomainCoordinator.create(job, name, hosts, ctx.getSelf(), listener), "coordinator");
            ctx.watch(coordinator);
            return Behaviors.receive(DomainCoordinator.Outcome.class)
                .onMessage(DomainCoordinator.Outcome.class, o -> {
                    outcome.complete(o);
                    // stopping the waiter stops a coordinator that is still running (time-out, interruption)
                    return Behaviors.stopped();
                })
                .onSignal(Terminated.class, t -> {
                    outcome.complete(new DomainCoordinator.Aborted("the coordinator stopped without a result"));
                    return Behaviors.stopped();
                })
                .build();
        });
        ActorRef<DomainCoordinator.Outcome> waiting = system.systemActorOf(waiter, name, Props.empty());
        DomainCoordinator.Outcome o;
        try {
            o = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.tell(new DomainCoordinator.Aborted("interrupted"));
            throw new DomainRunException("interrupted while waiting for " + name);
        } catch (ExecutionException e) {
            throw new DomainRunException(name + " failed: " + e.getCause());
        } catch (TimeoutException e) {
            waiting.tell(new DomainCoordinator.Aborted("timed out"));
            throw new DomainRunException(name + " did not finish within " + timeout);
        }
        return switch (o) {
            case DomainCoordinator.Completed c -> c.result();
            case DomainCoordinator.Aborted a -> throw new DomainRunException(a.reason(), a.placementLost());
        };
    }

    /**
     * A decomposed run ended without a result; the message says why. {@link #placementLost()}:
     * a node or host went away, so the same run may succeed on the nodes that remain.
     */
    public static final class DomainRunException extends Exception {
        private final boolean placementLost;

        public DomainRunException(String message) {
            this(message, false);
        }

        public DomainRunException(String message, boolean placementLost) {
            super(message);
            this.placementLost = placementLost;
        }

        public boolean placementLost() { return placementLost; }
    }
}
