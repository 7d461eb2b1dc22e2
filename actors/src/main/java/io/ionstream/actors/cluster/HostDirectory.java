package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.SubdomainHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The subdomain hosts one node can place subdomains on right now: the receptionist's listing of
 * {@link ClusterNode#HOSTS} (kept by a subscription), restricted to hosts whose node is an Up,
 * reachable member of the cluster, so that a node that left, was downed or cannot be reached is
 * not chosen again. Ordered this node's host first, then by address, so placement is the same
 * on every run.
 */
public final class HostDirectory {
    private final ActorSystem<?> system;
    private final AtomicReference<Set<ActorRef<SubdomainHost.Command>>> listed = new AtomicReference<>(Set.of());

    private HostDirectory(ActorSystem<?> system) {
        this.system = system;
    }

    /** Subscribes to the hosts registered in {@code system}'s cluster. */
    public static HostDirectory of(ActorSystem<?> system) {
        HostDirectory d = new HostDirectory(system);
        Behavior<Receptionist.Listing> subscriber = Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(ClusterNode.HOSTS, ctx.getSelf()));
            return Behaviors.receive(Receptionist.Listing.class)
                .onMessage(Receptionist.Listing.class, l -> {
                    d.listed.set(Set.copyOf(l.getServiceInstances(ClusterNode.HOSTS)));
                    return Behaviors.same();
                })
                .build();
        });
        system.systemActorOf(subscriber, "subdomain-host-directory", Props.empty());
        return d;
    }

    /** The hosts on Up, reachable members, this node's first, then by address. */
    public List<ActorRef<SubdomainHost.Command>> live() {
        Cluster cluster = Cluster.get(system);
        Address self = cluster.selfMember().address();
        Set<Address> up = new HashSet<>();
        for (Member m : cluster.state().getMembers()) {
            if (m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp()) up.add(m.address());
        }
        for (Member m : cluster.state().getUnreachable()) up.remove(m.address());
        List<ActorRef<SubdomainHost.Command>> out = new ArrayList<>();
        for (ActorRef<SubdomainHost.Command> h : listed.get()) {
            if (up.contains(nodeOf(h, self))) out.add(h);
        }
        out.sort(Comparator.comparing((ActorRef<SubdomainHost.Command> h) -> !nodeOf(h, self).equals(self))
            .thenComparing(h -> nodeOf(h, self).host().isDefined() ? nodeOf(h, self).host().get() : "")
            .thenComparing(h -> nodeOf(h, self).port().isDefined() ? (Integer) nodeOf(h, self).port().get() : 0));
        return out;
    }

    /** The node address of a host ref (a ref local to this node carries no host and port). */
    private static Address nodeOf(ActorRef<?> ref, Address self) {
        Address a = ref.path().address();
        return a.hasGlobalScope() ? a : self;
    }
}
