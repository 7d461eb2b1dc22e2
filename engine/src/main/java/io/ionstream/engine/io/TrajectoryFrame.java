package io.ionstream.engine.io;

import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * One frame of a trajectory in any format: the cell, the atoms' types (indices into
 * {@code species}), global ids and interleaved positions. {@code unwrapped} says whether the
 * positions are continuous in time (LAMMPS xu/yu/zu, or wrapped positions plus image flags
 * already applied); when false, analysis must unwrap them itself from consecutive frames.
 *
 * @param step  MD step number, or -1 when the format does not carry one
 * @param time  time in ps, or NaN when the format does not carry one
 */
public record TrajectoryFrame(long step, double time, Box box, SpeciesTable species, int[] type, long[] id,
                              double[] x, boolean unwrapped) {

    public int atoms() {
        return type.length;
    }
}
