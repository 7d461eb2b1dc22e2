package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.SubdomainHost;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Where decomposed jobs run, from the {@code ionstream.cluster} settings:
 *
 * <ul>
 *   <li>with {@code seed-nodes}, this process is a {@link ClusterNode} of that cluster (started at
 *       once, so that workers find it): coordinators run here, and a job's subdomains go to the
 *       first {@code nodes} hosts that are up (this node's first);</li>
 *   <li>without, a job on one node runs in a local actor system, and a job on N &gt; 1 nodes on a
 *       {@link LoopbackCluster} of N actor systems in this process (started on first use, kept
 *       for later jobs): real remoting, for trying and testing the cluster path on one machine.</li>
 * </ul>
 *
 * Hosts are looked up for every run ({@link HostDirectory}), so a run repeated after a node
 * left goes to the nodes that remain; a job then runs on fewer nodes than it asked for rather
 * than not at all.
 */
public final class ClusterPlacement implements AutoCloseable {
    /** An actor system to run a coordinator in and the hosts for its subdomains (none: in that system). */
    public record Target(ActorSystem<?> system, List<ActorRef<SubdomainHost.Command>> hosts) {}

    private static final Duration FORMATION = Duration.ofMinutes(1);

    private final Config root;
    private final ClusterNode joined;
    private ActorSystem<Void> local;
    private final Map<Integer, LoopbackCluster> loopbacks = new HashMap<>();
    private boolean closed;

    private ClusterPlacement(Config root, ClusterNode joined) {
        this.root = root;
        this.joined = joined;
    }

    /** Placement from the {@code ionstream.cluster} section of {@code root}. */
    public static ClusterPlacement fromConfig(Config root) {
        Config c = root.getConfig("ionstream.cluster");
        List<String> seeds = c.getStringList("seed-nodes");
        if (seeds.isEmpty()) return new ClusterPlacement(root, null);
        return new ClusterPlacement(root, ClusterNode.start(root, c.getString("hostname"), c.getInt("port"), seeds));
    }

    /** True when this process is a node of a configured cluster. */
    public boolean clustered() { return joined != null; }

    /** This process's cluster node (null without a configured cluster). */
    public ClusterNode node() { return joined; }

    /** Where a job asking for {@code nodes} nodes runs now. */
    public synchronized Target target(int nodes) {
        if (closed) throw new IllegalStateException("the placement is closed (the server is stopping)");
        if (joined != null) {
            if (nodes <= 1) return new Target(joined.system(), List.of());
            List<ActorRef<SubdomainHost.Command>> live = joined.hosts().live();
            return new Target(joined.system(), live.size() > nodes ? live.subList(0, nodes) : live);
        }
        if (nodes <= 1) {
            if (local == null) local = ActorSystem.create(Behaviors.empty(), "ionstream-md", root);
            return new Target(local, List.of());
        }
        LoopbackCluster c = loopbacks.computeIfAbsent(nodes, n -> LoopbackCluster.start(n, FORMATION, root));
        return new Target(c.first(), c.hosts());
    }

    /** How jobs on {@code nodes} nodes are placed, for job listings. */
    public String describe(int nodes) {
        if (nodes <= 1) return "1 node";
        return joined != null ? nodes + " cluster nodes" : nodes + " nodes of an in-process loopback cluster";
    }

    /** The loopback cluster of {@code nodes} nodes, if one was started (tests take its nodes down). */
    public synchronized LoopbackCluster loopback(int nodes) {
        return loopbacks.get(nodes);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (LoopbackCluster c : loopbacks.values()) c.close();
        loopbacks.clear();
        if (local != null) local.terminate();
        if (joined != null) joined.close();
    }
}
