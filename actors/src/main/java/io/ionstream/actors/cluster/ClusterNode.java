package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.SubdomainHost;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * One node of an ionstream cluster: an actor system named {@value #SYSTEM} with the cluster
 * provider, Artery TCP remoting and the split-brain resolver (the {@code ionstream.cluster-node}
 * settings), running a {@link SubdomainHost} registered with the receptionist under
 * {@link #HOSTS}, so coordinators anywhere in the cluster can place subdomains on it. A server
 * that runs decomposed jobs is a node itself; worker processes ({@code bin/ionstream node}) and
 * the in-process {@link LoopbackCluster} are nodes too.
 */
public final class ClusterNode implements AutoCloseable {
    /** The actor system name every node of a cluster shares. */
    public static final String SYSTEM = "ionstream";

    /** The receptionist key under which every node's subdomain host is registered. */
    public static final ServiceKey<SubdomainHost.Command> HOSTS = ServiceKey.create(SubdomainHost.Command.class, "subdomain-hosts");

    private final ActorSystem<Void> system;
    private final HostDirectory hosts;

    private ClusterNode(ActorSystem<Void> system) {
        this.system = system;
        this.hosts = HostDirectory.of(system);
    }

    /**
     * Starts a node listening on {@code hostname:port} (0: a free port) with the settings of
     * {@code root}; with seed nodes ("host:port" or full "pekko://ionstream@host:port" addresses)
     * it joins their cluster, otherwise call {@link #join}.
     */
    public static ClusterNode start(Config root, String hostname, int port, List<String> seeds) {
        List<String> addresses = new ArrayList<>();
        for (String s : seeds) addresses.add(seedAddress(s));
        Config overrides = ConfigFactory.empty()
            .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(hostname))
            .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
            .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(addresses));
        Config config = overrides.withFallback(root.getConfig("ionstream.cluster-node")).withFallback(root);
        return new ClusterNode(ActorSystem.create(guardian(), SYSTEM, config));
    }

    /** A seed given as "host:port" in full form; full addresses are kept. */
    static String seedAddress(String seed) {
        String s = seed.strip();
        if (s.contains("://")) return s;
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("seed node '" + seed + "' must be host:port or pekko://" + SYSTEM + "@host:port");
        }
        try {
            int p = Integer.parseInt(s.substring(colon + 1));
            if (p < 1 || p > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed node '" + seed + "': port must be 1..65535");
        }
        return "pekko://" + SYSTEM + "@" + s;
    }

    private static Behavior<Void> guardian() {
        return Behaviors.setup(ctx -> {
            ActorRef<SubdomainHost.Command> host = ctx.spawn(SubdomainHost.create(), "subdomain-host");
            ctx.getSystem().receptionist().tell(Receptionist.register(HOSTS, host));
            return Behaviors.empty();
        });
    }

    public ActorSystem<Void> system() { return system; }

    /** This node's address (pekko://ionstream@host:port). */
    public Address address() { return Cluster.get(system).selfMember().address(); }

    /** The hosts this node can place subdomains on now. */
    public HostDirectory hosts() { return hosts; }

    /** Joins the cluster of the node at {@code seed} (this node's own address: starts a new cluster). */
    public void join(Address seed) {
        Cluster.get(system).manager().tell(Join.create(seed));
    }

    /** Members of the cluster this node sees as Up. */
    public int upMembers() {
        int up = 0;
        for (org.apache.pekko.cluster.Member m : Cluster.get(system).state().getMembers()) {
            if (m.status() == org.apache.pekko.cluster.MemberStatus.up()) up++;
        }
        return up;
    }

    /** Leaves the cluster gracefully and stops (coordinated shutdown). */
    @Override
    public void close() {
        try {
            CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            system.terminate(); // best effort: the node goes away either way
        }
    }
}
