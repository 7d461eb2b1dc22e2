package io.ionstream.engine.min;

/** Why a minimisation stopped (LAMMPS's "stopping criterion"). */
public enum StopReason {
    /** Still running. */
    NONE("not stopped"),
    ENERGY("energy tolerance"),
    FORCE("force tolerance"),
    MAX_ITERATIONS("max iterations"),
    MAX_EVALUATIONS("max force evaluations"),
    /** No step along the search direction lowers the energy any more (LAMMPS: "linesearch alpha is zero"). */
    LINE_SEARCH("line search found no lower energy");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    public String text() { return text; }

    /** True for the stops that mean a minimum was reached within the tolerances. */
    public boolean converged() {
        return this == ENERGY || this == FORCE || this == LINE_SEARCH;
    }
}
