package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.io.TrajectoryReader;
import java.util.function.Supplier;

/** One trajectory file (or stream) by name, opened when the loader reaches it. */
public record TrajectorySource(String name, Supplier<TrajectoryReader> opener) {}
