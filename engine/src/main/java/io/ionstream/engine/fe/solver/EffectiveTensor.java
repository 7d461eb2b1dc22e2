package io.ionstream.engine.fe.solver;

import io.ionstream.engine.fe.material.DiffusionTensor;

/**
 * The homogenised diffusivity: column a is the mean flux under a unit gradient along axis a
 * (so it is symmetric up to the solver tolerance), with the three solves that produced it.
 */
public record EffectiveTensor(double[][] matrix, LoadCaseResult[] loadCases) {

    /** The symmetric part as a tensor. */
    public DiffusionTensor tensor() { return DiffusionTensor.of(matrix); }

    /** Mean of the eigenvalues (trace/3): the isotropic diffusivity of the polycrystal. */
    public double mean() { return (matrix[0][0] + matrix[1][1] + matrix[2][2]) / 3.0; }

    public int totalIterations() {
        int s = 0;
        for (LoadCaseResult c : loadCases) s += c.iterations();
        return s;
    }

    public boolean converged() {
        for (LoadCaseResult c : loadCases) if (!c.converged()) return false;
        return true;
    }

    /** Largest antisymmetric component relative to the trace. */
    public double asymmetry() { return DiffusionTensor.asymmetry(matrix); }
}
