package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.DomainCoordinator;
import io.ionstream.actors.domain.DomainJob;
import io.ionstream.actors.domain.DomainResult;
import io.ionstream.actors.domain.DomainRun;
import io.ionstream.actors.domain.SubdomainHost;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A Pekko cluster of N actor systems in this process on 127.0.0.1 (Artery TCP, free ports,
 * split-brain resolver on): the first node runs coordinators, every node runs a
 * {@link SubdomainHost} registered with the receptionist, so subdomains are spread over the
 * nodes and talk over real remoting with the {@link DomainSerializer}.
 */
public final class LoopbackCluster implements AutoCloseable {
    /** The receptionist key under which every node's subdomain host is registered. */
    public static final ServiceKey<SubdomainHost.Command> HOSTS = ServiceKey.create(SubdomainHost.Command.class, "subdomain-hosts");

    private final List<ActorSystem<Void>> nodes;
    private final List<ActorRef<SubdomainHost.Command>> hosts;

    private LoopbackCluster(List<ActorSystem<Void>> nodes, List<ActorRef<SubdomainHost.Command>> hosts) {
        this.nodes = nodes;
        this.hosts = hosts;
    }

    /** Starts {@code n} nodes, forms the cluster and waits until every node is Up and every host registered. */
    public static LoopbackCluster start(int n, Duration timeout) {
        if (n < 1) throw new IllegalArgumentException("a cluster needs at least one node, got " + n);
        Config base = ConfigFactory.load();
        Config node = base.getConfig("ionstream.cluster-node").withFallback(base);
        List<ActorSystem<Void>> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) nodes.add(ActorSystem.create(guardian(), "ionstream", node));
            Address seed = Cluster.get(nodes.get(0)).selfMember().address();
            for (ActorSystem<Void> s : nodes) Cluster.get(s).manager().tell(Join.create(seed));
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ActorSystem<Void> s : nodes) {
                while (upMembers(s) < n) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("cluster of " + n + " nodes did not form within " + timeout);
                    Thread.sleep(20);
                }
            }
            List<ActorRef<SubdomainHost.Command>> hosts = findHosts(nodes.get(0), n, deadline);
            return new LoopbackCluster(nodes, hosts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nodes.forEach(ActorSystem::terminate);
            throw new IllegalStateException("interrupted while forming the cluster");
        } catch (RuntimeException e) {
            nodes.forEach(ActorSystem::terminate);
            throw e;
        }
    }

    private static Behavior<Void> guardian() {
        return Behaviors.setup(ctx -> {
            ActorRef<SubdomainHost.Command> host = ctx.spawn(SubdomainHost.create(), "subdomain-host");
            ctx.getSystem().receptionist().tell(Receptionist.register(HOSTS, host));
            return Behaviors.empty();
        });
    }

    private static long upMembers(ActorSystem<?> s) {
        long up = 0;
        for (org.apache.pekko.cluster.Member m : Cluster.get(s).state().getMembers()) {
            if (m.status() == MemberStatus.up()) up++;
        }
        return up;
    }

    /** Hosts as node 0 sees them: its own first, then by port, so placement is the same every run. */
    private static List<ActorRef<SubdomainHost.Command>> findHosts(ActorSystem<Void> first, int n, long deadline)
        throws InterruptedException {
        Address self = Cluster.get(first).selfMember().address();
        while (true) {
            CompletionStage<Receptionist.Listing> reply = AskPattern.ask(first.receptionist(),
                r -> Receptionist.find(HOSTS, r), Duration.ofSeconds(5), first.scheduler());
            try {
                Receptionist.Listing listing = reply.toCompletableFuture().get(5, TimeUnit.SECONDS);
                List<ActorRef<SubdomainHost.Command>> found = new ArrayList<>(listing.getServiceInstances(HOSTS));
                if (found.size() >= n) {
                    found.sort(Comparator.comparing((ActorRef<SubdomainHost.Command> h) -> !isOn(h, self))
                        .thenComparing(h -> h.path().address().port().isDefined() ? (Integer) h.path().address().port().get() : 0));
                    return List.copyOf(found);
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the receptionist is still gossiping; ask again
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("only some subdomain hosts registered in time");
            Thread.sleep(50);
        }
    }

    private static boolean isOn(ActorRef<?> ref, Address node) {
        Address a = ref.path().address();
        return !a.hasGlobalScope() || a.equals(node);
    }

    public int size() { return nodes.size(); }

    /** The node that runs coordinators. */
    public ActorSystem<Void> first() { return nodes.get(0); }

    public List<ActorRef<SubdomainHost.Command>> hosts() { return hosts; }

    /** Runs {@code job} with its subdomains spread over every node. */
    public DomainResult run(DomainJob job, DomainCoordinator.ProgressListener listener, Duration timeout)
        throws DomainRun.DomainRunException {
        return DomainRun.run(first(), job, hosts, listener, timeout);
    }

    /** Shuts the nodes down one after another, each leaving the cluster gracefully (coordinated shutdown). */
    /** Bytes the domain serializers of all nodes have encoded (messages that crossed nodes). */
    public long bytesSerialized() {
        long b = 0;
        for (ActorSystem<Void> s : nodes) {
            org.apache.pekko.serialization.Serializer ser = org.apache.pekko.serialization.SerializationExtension
                .get(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(s)).serializerByIdentity().get(DomainSerializer.ID).get();
            b += ((DomainSerializer) ser).bytesSerialized();
        }
        return b;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            ActorSystem<Void> s = nodes.get(i);
            try {
                CoordinatedShutdown.get(s).runAll(CoordinatedShutdown.unknownReason()).toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                s.terminate(); // best effort: the process is ending this cluster anyway
            }
        }
    }
}
