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
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A Pekko cluster of N {@link ClusterNode}s in this process on 127.0.0.1 (Artery TCP, free ports,
 * split-brain resolver on): the first node runs coordinators, every node runs a subdomain host,
 * so subdomains are spread over the nodes and talk over real remoting with the
 * {@link DomainSerializer}.
 */
public final class LoopbackCluster implements AutoCloseable {
    private final List<ClusterNode> nodes;

    private LoopbackCluster(List<ClusterNode> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code n} nodes with the default configuration; see {@link #start(int, Duration, Config)}. */
    public static LoopbackCluster start(int n, Duration timeout) {
        return start(n, timeout, ConfigFactory.load());
    }

    /** Starts {@code n} nodes, forms the cluster and waits until every node is Up and every host registered. */
    public static LoopbackCluster start(int n, Duration timeout, Config root) {
        if (n < 1) throw new IllegalArgumentException("a cluster needs at least one node, got " + n);
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) nodes.add(ClusterNode.start(root, "127.0.0.1", 0, List.of()));
            Address seed = nodes.get(0).address();
            for (ClusterNode s : nodes) s.join(seed);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ClusterNode s : nodes) {
                while (s.upMembers() < n) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("cluster of " + n + " nodes did not form within " + timeout);
                    Thread.sleep(20);
                }
            }
            while (nodes.get(0).hosts().live().size() < n) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("only some subdomain hosts registered within " + timeout);
                Thread.sleep(20);
            }
            return new LoopbackCluster(nodes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nodes.forEach(s -> s.system().terminate());
            throw new IllegalStateException("interrupted while forming the cluster");
        } catch (RuntimeException e) {
            nodes.forEach(s -> s.system().terminate());
            throw e;
        }
    }

    /** Nodes started (some may have left since). */
    public int size() { return nodes.size(); }

    /** The node that runs coordinators. */
    public ActorSystem<Void> first() { return nodes.get(0).system(); }

    /** Node {@code i} (0 runs coordinators). */
    public ClusterNode node(int i) { return nodes.get(i); }

    /** The hosts on nodes that are up now, as the first node sees them: its own first, then by port. */
    public List<ActorRef<SubdomainHost.Command>> hosts() { return nodes.get(0).hosts().live(); }

    /** Runs {@code job} with its subdomains spread over every node. */
    public DomainResult run(DomainJob job, DomainCoordinator.ProgressListener listener, Duration timeout)
        throws DomainRun.DomainRunException {
        return DomainRun.run(first(), job, hosts(), listener, timeout);
    }

    /** Bytes the domain serializers of all nodes have encoded (messages that crossed nodes). */
    public long bytesSerialized() {
        long b = 0;
        for (ClusterNode n : nodes) b += DomainSerializer.of(n.system()).bytesSerialized();
        return b;
    }

    /** Shuts the nodes down one after another, each leaving the cluster gracefully (coordinated shutdown). */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }
}
