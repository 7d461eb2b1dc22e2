package io.ionstream.engine.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-based fuzzing of every parser ({@link FuzzTargets}): for each valid seed, a fixed-seed
 * corpus of broken variants ({@link Mutations}) must be rejected with the documented exception
 * or accepted; never another exception, a hang (each seed's corpus runs under a generous time
 * limit that only guards against hangs) or a large allocation (which would run out of memory on
 * a real file: measured per parse with the thread's allocation counter).
 */
class ParserFuzzTest {
    private static final long SEED = 0x5EEDF00DL;
    private static final int RANDOM_MUTANTS_PER_SEED = 200;
    /**
     * Most bytes one parse may allocate: inputs are at most a few MB, so more means a declared
     * count was trusted (measured per thread, so it catches allocations the heap could hold).
     */
    private static final long MAX_ALLOCATION = 256L << 20;
    private static final com.sun.management.ThreadMXBean MEMORY =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyParserRejectsBrokenInputCleanly() {
        return FuzzTargets.all(work).stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t)));
    }

    static void fuzz(FuzzTarget target) {
        List<String> failures = new ArrayList<>();
        int seedNo = 0;
        for (byte[] seed : target.seeds()) {
            String where = target.name() + " seed " + seedNo++;
            try {
                target.parse().run(seed);
            } catch (Throwable e) {
                fail(where + " is not a valid input (fix the seed): " + e, e);
            }
            Mutations mutations = new Mutations(SEED ^ where.hashCode());
            List<Mutations.Mutant> corpus = mutations.of(seed, RANDOM_MUTANTS_PER_SEED);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (Mutations.Mutant m : corpus) {
                    long before = MEMORY.getCurrentThreadAllocatedBytes();
                    try {
                        target.parse().run(m.data());
                    } catch (Throwable e) {
                        if (!target.isAllowed(e)) failures.add(where + ", " + m.description() + ": " + e + stackTop(e));
                    }
                    long allocated = MEMORY.getCurrentThreadAllocatedBytes() - before;
                    if (allocated > MAX_ALLOCATION) {
                        failures.add(where + ", " + m.description() + ": allocated " + (allocated >> 20) + " MiB for a "
                            + (m.data().length >> 10) + " KiB input (a declared count trusted?)");
                    }
                }
            }, where + ": corpus of " + corpus.size() + " inputs did not finish (a hang, or a huge allocation?)");
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " inputs broke " + target.name() + " with an undocumented exception:\n"
                + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        }
    }

    private static String stackTop(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(4, st.length); k++) sb.append("\n    at ").append(st[k]);
        return sb.toString();
    }
}
