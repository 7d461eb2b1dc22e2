package io.ionstream.engine.analysis.fit;

/** A model y = f(x; p) with its gradient in the parameters, for {@link LevenbergMarquardt}. */
@FunctionalInterface
public interface CurveModel {
    /** Returns f(x; p) and writes ∂f/∂p_k into {@code gradient[k]}. */
    double value(double x, double[] p, double[] gradient);
}
