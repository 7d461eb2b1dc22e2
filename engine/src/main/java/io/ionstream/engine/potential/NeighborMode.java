package io.ionstream.engine.potential;

/** Which Verlet list a potential reads. */
public enum NeighborMode {
    /** Each pair once; the potential adds the pair force to both atoms (Newton's third law). */
    HALF,
    /** Every neighbour of every local atom (many-body potentials such as the MTP). */
    FULL,
    /** No pair list (reciprocal-space terms). */
    NONE
}
