package io.ionstream.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.domain.DomainJob;
import io.ionstream.actors.domain.DomainResult;
import io.ionstream.actors.domain.DomainRun;
import io.ionstream.actors.domain.IntegratorSpec;
import io.ionstream.actors.domain.ModelSpec;
import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same job on one node and spread over a loopback cluster (separate actor systems, real
 * Artery TCP remoting, the binary serializer): bit-for-bit the same result, because every
 * reduction and every ghost list is assembled in a fixed order whatever the placement.
 */
class ClusterRunTest {
    // NPT: the cell and the barostat state travel in globals, the cell changes every step
    private static final ModelSpec ARGON = new ModelSpec("argon.lmp",
        "pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.4\n", IntegratorSpec.npt(0.005, 300, 0.1, 5000, 0.5));

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {2, 3})
    void aJobSpreadOverNodesGivesBitForBitTheOneNodeResult(int nodes) throws Exception {
        AtomSystem sys = TestSystems.argonCrystal(4, 300, 5);
        DomainJob job = new DomainJob(sys, ARGON, NeighborSettings.withSkin(0.6), 60, 6, 20);
        DomainResult one = DomainRun.inProcess(job, null);
        DomainResult many;
        try (LoopbackCluster cluster = LoopbackCluster.start(nodes, Duration.ofSeconds(30))) {
            assertEquals(nodes, cluster.hosts().size());
            Set<Object> addresses = new HashSet<>();
            cluster.hosts().forEach(h -> addresses.add(h.path().address()));
            assertEquals(nodes, addresses.size(), "one host per node");
            many = cluster.run(job, null, Duration.ofMinutes(2));
        }
        assertTrue(one.rebuilds() > 2, "atoms migrated between rebuilds: " + one.rebuilds());
        assertEquals(one.rebuilds(), many.rebuilds());
        assertEquals(one.thermo(), many.thermo(), "thermo log bit for bit");
        AtomSystem a = one.system(), b = many.system();
        for (int k = 0; k < 3 * a.size(); k++) {
            assertEquals(Double.doubleToRawLongBits(a.x()[k]), Double.doubleToRawLongBits(b.x()[k]), "x[" + k + "]");
            assertEquals(Double.doubleToRawLongBits(a.v()[k]), Double.doubleToRawLongBits(b.v()[k]), "v[" + k + "]");
            assertEquals(a.image()[k], b.image()[k]);
        }
    }
}
