package io.ionstream.server.cli;

import io.ionstream.actors.cluster.ClusterNode;
import io.ionstream.server.config.ServerConfig;
import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/ionstream node}: a worker node of an ionstream cluster, hosting subdomains of the
 * decomposed jobs that servers of the same cluster place on it, until it is stopped.
 */
final class NodeCommand implements Command {
    @Override public String name() { return "node"; }
    @Override public String summary() { return "start a cluster worker node that hosts subdomains of decomposed jobs"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream node --seeds HOST:PORT[,HOST:PORT...] [--host H] [--port P]
                                      [--config-file FILE] [--json]

            Starts a worker node: a Pekko cluster node (Artery TCP, split-brain resolver keep-majority)
            that joins the cluster at the seed nodes and hosts the subdomain actors that servers of
            the cluster place on it. A server joins the same cluster with
            "serve --config cluster.seed-nodes=[\\"HOST:PORT\\"]" and then spreads the subdomains of jobs
            whose decomposition asks for several nodes over the nodes that are up. Ctrl-C or SIGTERM
            makes the node leave the cluster; jobs with subdomains on it repeat their current segment
            from their last checkpoint on the nodes that remain.

            Options:
              --seeds LIST        comma-separated seed nodes; a node that lists its own host:port
                                  starts a new cluster (the first node of a deployment does so)
              --host H            address to bind and advertise (default 127.0.0.1)
              --port P            port (default 25520; 0: a free one, printed)
              --config-file FILE  a HOCON file (pekko settings of the node)
              --json              print the node's address as JSON
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("seeds", "host", "port", "config-file"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        List<String> seeds = new ArrayList<>(Arrays.stream(args.required("seeds").split(",")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList());
        if (seeds.isEmpty()) throw new UsageException("--seeds needs at least one host:port");
        String host = args.has("host") ? args.required("host") : "127.0.0.1";
        int port = (int) args.integer("port", 25520, 0, 65535);
        Config config;
        try {
            config = ServerConfig.load(List.of(), args.has("config-file") ? Args.existingFile(args.required("config-file"), "configuration file") : null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        org.slf4j.LoggerFactory.getILoggerFactory(); // logging ready before the actor system starts
        ClusterNode node;
        try {
            node = ClusterNode.start(config, host, port, seeds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        node.system().getWhenTerminated().thenRun(stopped::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ionstream-node-shutdown"));
        if (args.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", node.address().toString());
            m.put("seeds", seeds);
            console.json(m);
        } else {
            console.out().printf("ionstream node %s joining %s%n", node.address(), String.join(", ", seeds));
        }
        console.out().flush();
        stopped.await();
        return Main.OK;
    }
}
