package io.ionstream.engine.io.fuzz;

import java.util.List;

/**
 * One parser under fuzzing: valid seed inputs to mutate, the parse to run on each input (it must
 * read the whole input, e.g. every frame) and the exception types the parser documents for bad
 * input. Anything else it throws, a hang, or running out of memory is a bug.
 *
 * @param name    shown in test names and failure reports
 * @param seeds   valid inputs (bytes of a file)
 * @param parse   reads one input to the end
 * @param allowed documented exception types (subclasses included)
 */
public record FuzzTarget(String name, List<byte[]> seeds, Parse parse, List<Class<? extends Throwable>> allowed) {

    /** Reads one input completely. */
    @FunctionalInterface
    public interface Parse {
        void run(byte[] input) throws Exception;
    }

    /** A target whose only documented error is {@link io.ionstream.engine.io.FormatException}. */
    public static FuzzTarget of(String name, List<byte[]> seeds, Parse parse) {
        return new FuzzTarget(name, seeds, parse, List.of(io.ionstream.engine.io.FormatException.class));
    }

    boolean isAllowed(Throwable t) {
        for (Class<? extends Throwable> c : allowed) if (c.isInstance(t)) return true;
        return false;
    }
}
