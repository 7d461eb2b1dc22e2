package io.ionstream.actors.domain;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One per node: spawns subdomain actors on this node for coordinators anywhere in the cluster
 * (the cluster layer registers it with the receptionist). Subdomains are its children, named
 * after their job, and report to their coordinator directly.
 */
public final class SubdomainHost {
    private SubdomainHost() {}

    /** Messages a host understands. */
    public sealed interface Command {}

    /** Spawn subdomain {@code index} of job {@code job} and tell {@code replyTo} its ref. */
    public record Spawn(String job, int index, ActorRef<DomainCoordinator.Command> replyTo) implements Command {}

    public static Behavior<Command> create() {
        return Behaviors.setup(ctx -> Behaviors.receive(Command.class)
            .onMessage(Spawn.class, m -> {
                ActorRef<SubdomainActor.Command> ref = ctx.spawn(SubdomainActor.create(), m.job() + "-subdomain-" + m.index(),
                    SubdomainActor.DISPATCHER);
                m.replyTo().tell(new DomainCoordinator.Spawned(m.index(), ref));
                return Behaviors.same();
            })
            .build());
    }
}
