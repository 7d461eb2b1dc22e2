package io.ionstream.actors.domain;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A {@link SubdomainHost} for tests: spawns real subdomain actors behind an interceptor that
 * records what each one receives from its partners (copied when received, because blocks are
 * reused by their senders).
 */
final class RecordingHost {
    /** One message seen by subdomain {@code to}. */
    record Seen(int to, String kind, long step, int from, int count, long[] ids) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();

    Behavior<SubdomainHost.Command> behavior() {
        return Behaviors.setup(ctx -> Behaviors.receive(SubdomainHost.Command.class)
            .onMessage(SubdomainHost.Spawn.class, m -> {
                int index = m.index();
                Behavior<SubdomainActor.Command> recorded =
                    Behaviors.intercept(() -> new Recorder(index), SubdomainActor.create());
                ActorRef<SubdomainActor.Command> ref = ctx.spawn(recorded, m.job() + "-recorded-" + index, SubdomainActor.DISPATCHER);
                m.replyTo().tell(new DomainCoordinator.Spawned(index, ref));
                return Behaviors.same();
            })
            .build());
    }

    List<Seen> of(String kind) {
        return seen.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    private final class Recorder extends BehaviorInterceptor<SubdomainActor.Command, SubdomainActor.Command> {
        private final int index;

        Recorder(int index) {
            super(SubdomainActor.Command.class);
            this.index = index;
        }

        @Override
        public Behavior<SubdomainActor.Command> aroundReceive(TypedActorContext<SubdomainActor.Command> ctx,
                                                               SubdomainActor.Command msg,
                                                               ReceiveTarget<SubdomainActor.Command> target) {
            switch (msg) {
                case SubdomainActor.Migrants g -> seen.add(new Seen(index, "migrants", g.step(), g.from(), g.atoms().count,
                    Arrays.copyOf(g.atoms().id, g.atoms().count)));
                case SubdomainActor.Halo h -> seen.add(new Seen(index, "halo", h.step(), h.from(), h.ghosts().count, null));
                case SubdomainActor.Reverse r -> seen.add(new Seen(index, "reverse", r.step(), r.from(), r.forces().count, null));
                case SubdomainActor.Advance a -> seen.add(new Seen(index, a.redo() ? "redo" : "advance", a.step(), -1,
                    a.rebuild() ? 1 : 0, null));
                default -> { }
            }
            return target.apply(ctx, msg);
        }
    }
}
