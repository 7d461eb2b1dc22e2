package io.ionstream.engine.analysis.fit;

/**
 * The result of a linear least-squares fit y ≈ Σ_k β_k f_k(x): parameters, their covariance,
 * the residual sum of squares (weighted: χ²) and the number of points.
 */
public record LinearFit(double[] beta, double[][] covariance, double chiSquare, int points) {

    public double parameter(int k) { return beta[k]; }

    /** Standard error of parameter k. */
    public double error(int k) { return Math.sqrt(Math.max(covariance[k][k], 0)); }

    public double covariance(int a, int b) { return covariance[a][b]; }

    public int degreesOfFreedom() { return points - beta.length; }
}
