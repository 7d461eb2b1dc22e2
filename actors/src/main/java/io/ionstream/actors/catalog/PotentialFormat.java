package io.ionstream.actors.catalog;

import io.ionstream.actors.jobs.run.ForceFieldFactory;
import java.util.List;
import java.util.Map;

/** A potential file format the server can read (chosen by file name). */
public interface PotentialFormat {
    /** Short name for listings ("mtp", "pair-style"). */
    String name();

    /** True when this format reads files named so (lower case). */
    boolean accepts(String lowerCaseFileName);

    /**
     * Reads and checks a file. {@code species} names the potential's species where the file does
     * not (may be empty). Problems are thrown as IllegalArgumentException (or the engine's
     * FormatException) naming the file and line.
     */
    Parsed read(String fileName, byte[] content, List<String> species);

    /** The formats every node of this build reads (what jobs sent to other cluster nodes are read with). */
    static List<PotentialFormat> standard() {
        return List.of(new MtpFormat(), new PairStyleFormat());
    }

    /** What a file describes and how to build its force field. */
    record Parsed(List<String> species, double cutoff, String description, Map<String, String> details, ForceFieldFactory factory) {}
}
