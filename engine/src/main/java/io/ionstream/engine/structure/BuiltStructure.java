package io.ionstream.engine.structure;

import io.ionstream.engine.system.AtomSystem;

/** A built structure and the report of what was built. */
public record BuiltStructure(AtomSystem system, StructureReport report) {}
