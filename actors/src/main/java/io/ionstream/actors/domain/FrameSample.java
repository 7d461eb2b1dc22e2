package io.ionstream.actors.domain;

import io.ionstream.engine.system.Box;

/**
 * The positions of every atom at the end of one step, gathered from the subdomains: interleaved
 * positions (Å, as the subdomains hold them: wrapped at the last list rebuild, within half a skin
 * of the cell) and image counters, in the atom order of the job's input system, with the cell.
 */
public record FrameSample(long step, double time, Box box, double[] x, int[] image) {}
