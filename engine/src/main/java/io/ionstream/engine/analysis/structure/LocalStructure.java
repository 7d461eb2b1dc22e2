package io.ionstream.engine.analysis.structure;

/** Local crystal structure of an atom as {@link AdaptiveCna} classifies it. */
public enum LocalStructure {
    OTHER, FCC, HCP
}
