package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.bench.LjMeltProblem;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.neighbor.PeriodicNeighborhood;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady-state MD steps allocate nothing: not the integrator, not the force evaluation, and not
 * the neighbour-list rebuilds (ghosts, bins, lists, spatial sorting), whose arrays only grow.
 *
 * <p>Measured with the JVM's per-thread allocation counter, step by step, over a window that
 * includes list rebuilds and spatial sorts, after a warm-up long enough for every array to reach
 * its working size (a liquid's neighbour and ghost counts fluctuate by a few per cent, well
 * inside the growth margins). A recurring allocation, per step or per rebuild, would show in
 * dozens of the window's steps. What the test tolerates is the JIT's own rare one-off heap use
 * while it recompiles (seen: a single event of 96–184 bytes in about a thousand steps; the same
 * loop run by the interpreter allocates nothing at all): at most two steps and 1 KiB in total.
 */
class SteadyStateAllocationTest {

    @Test
    void mdStepsIncludingListRebuildsDoNotAllocate() {
        // 256-atom LJ melt, lists checked every step (rebuilds follow the motion), sorted every 2nd build
        NeighborSettings settings = NeighborSettings.withSkin(LjMeltProblem.skin()).sortEvery(2);
        MdRunner md = new MdRunner(LjMeltProblem.system(4, 3), LjMeltProblem.forceField(),
            new VelocityVerlet(LjMeltProblem.timestep()), settings);
        md.run(600);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM reports per-thread allocation");
        PeriodicNeighborhood lists = md.forces().neighborhood();
        int buildsBefore = lists.builds();
        int steps = 400, allocatingSteps = 0, rebuildAllocations = 0;
        long total = 0;
        long last = threads.getCurrentThreadAllocatedBytes();
        for (int s = 0; s < steps; s++) {
            int b = lists.builds();
            md.step();
            long now = threads.getCurrentThreadAllocatedBytes();
            if (now != last) {
                allocatingSteps++;
                total += now - last;
                if (lists.builds() != b) rebuildAllocations++;
            }
            last = now;
        }
        int builds = lists.builds() - buildsBefore;

        assertTrue(builds >= 10, "the window must include list rebuilds (and so sorts), had " + builds);
        String report = total + " bytes in " + allocatingSteps + " of " + steps + " steps (" + rebuildAllocations
            + " of them rebuilds, of " + builds + " rebuilds)";
        assertTrue(allocatingSteps <= 2 && total < 1024, "steady-state steps allocated: " + report);
    }
}
