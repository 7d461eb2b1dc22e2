package io.ionstream.engine.potential.mtp;

/**
 * MLIP's MaxVol active set, the state behind extrapolation grades: the n×n matrix A whose rows
 * are the selected equations' gradients with respect to the n coefficients of the potential
 * (its {@link MtpModel#coefficientCount()}), and the stored inverse. The grade of a row b is
 * γ = max_k |(b·A⁻¹)_k|: γ ≤ 1 means interpolation.
 *
 * <p>What a row is depends on the selection weights the set was built with. With only
 * {@code site_en_weight} non-zero (MLIP-3's default "neighbourhood" selection) each row is one
 * atomic neighbourhood's gradient ∂V_i/∂θ, and every atom gets a grade. With
 * {@code energy_weight} non-zero (and no force/stress weight) a configuration contributes one row
 * w_E·Σ_i ∂V_i/∂θ / N^{p/2} (p = {@code weight_scaling}). Sets selected with force or stress
 * equations need second derivatives, which this engine does not compute; {@link #checkGradable()}
 * says so.
 *
 * <p>Storage (see {@link MtpReader} for the file layouts): MLIP writes A and then its "invA" as
 * raw row-major doubles, where stored invA[k][j] = (A⁻¹)[j][k]; so γ = max_k |Σ_j invA[k][j]·b_j|.
 */
public final class ActiveSet {
    /** The file format the set was read from. */
    public enum Format {
        /** MLIP-3 {@code .almtp}: {@code #MVS_v1.1} text header, binary A and invA, row links, configurations. */
        MLIP3_MVS,
        /** MLIP-2 {@code .als}: {@code ^}, four binary weights, {@code #}, binary A and invA, row links, configurations. */
        MLIP2_ALS
    }

    private final Format format;
    private final double energyWeight, forceWeight, stressWeight, siteEnergyWeight;
    private final int weightScaling;
    private final int n;
    private final double[] a;
    private final double[] invA;
    private final int[] cfgIndex, eqnIndex;
    private final String selectedConfigurations;

    ActiveSet(Format format, double energyWeight, double forceWeight, double stressWeight, double siteEnergyWeight,
              int weightScaling, int n, double[] a, double[] invA, int[] cfgIndex, int[] eqnIndex,
              String selectedConfigurations) {
        this.format = format;
        this.energyWeight = energyWeight;
        this.forceWeight = forceWeight;
        this.stressWeight = stressWeight;
        this.siteEnergyWeight = siteEnergyWeight;
        this.weightScaling = weightScaling;
        this.n = n;
        this.a = a;
        this.invA = invA;
        this.cfgIndex = cfgIndex;
        this.eqnIndex = eqnIndex;
        this.selectedConfigurations = selectedConfigurations;
    }

    /**
     * A neighbourhood-selection active set built in memory (not read from a file): A and its stored
     * inverse (element [k][j] = (A⁻¹)[j][k]), both n×n row-major. Rows carry no provenance.
     */
    public static ActiveSet neighborhoods(int n, double[] a, double[] storedInverse) {
        if (n < 1 || a.length != n * n || storedInverse.length != n * n) {
            throw new IllegalArgumentException("active set of size " + n + " needs two " + n + "x" + n + " matrices");
        }
        int[] none = new int[n];
        java.util.Arrays.fill(none, -1);
        return new ActiveSet(Format.MLIP3_MVS, 0, 0, 0, 1, 2, n, a.clone(), storedInverse.clone(), none, none.clone(), "");
    }

    public Format format() { return format; }
    public double energyWeight() { return energyWeight; }
    public double forceWeight() { return forceWeight; }
    public double stressWeight() { return stressWeight; }
    public double siteEnergyWeight() { return siteEnergyWeight; }
    /** p in the energy row's 1/N^{p/2} (MLIP-2's default "vibrations" weighting is p = 2). */
    public int weightScaling() { return weightScaling; }
    /** n: the number of coefficients, rows and columns of A. */
    public int size() { return n; }

    /** A, row-major (a copy). */
    public double[] matrix() { return a.clone(); }

    /** The stored inverse, row-major: element [k][j] is (A⁻¹)[j][k] (a copy). */
    public double[] storedInverse() { return invA.clone(); }

    /** Shared storage of the inverse for the grade kernels of this package (never modified). */
    double[] inverseRows() { return invA; }

    /** Row r of A came from configuration {@code configurationOf(r)} of the stored list (-1: initial row). */
    public int configurationOf(int row) { return cfgIndex[row]; }

    /** MLIP-3's equation index within that configuration (-1 when unknown or initial). */
    public int equationOf(int row) { return eqnIndex[row]; }

    /** The selected (training) configurations stored after the matrices, as MLIP {@code .cfg} text. */
    public String selectedConfigurationsText() { return selectedConfigurations; }

    /** True when atoms get their own grades (the set holds neighbourhood rows). */
    public boolean gradesNeighborhoods() { return siteEnergyWeight != 0; }

    /** True when a configuration contributes an energy row. */
    public boolean gradesEnergy() { return energyWeight != 0; }

    /** Throws when the set's equations need derivatives this engine does not provide. */
    public void checkGradable() {
        if (forceWeight != 0 || stressWeight != 0) {
            throw new IllegalArgumentException("the active set was selected with force/stress equations (force_weight "
                + forceWeight + ", stress_weight " + stressWeight + "); only neighbourhood (site_en_weight) and energy-only "
                + "selection can be graded here");
        }
        if (siteEnergyWeight == 0 && energyWeight == 0) {
            throw new IllegalArgumentException("the active set has no non-zero selection weight");
        }
    }

    /** γ = max_k |(b·A⁻¹)_k| of one full-length row b. */
    public double grade(double[] b) {
        if (b.length < n) throw new IllegalArgumentException("row has " + b.length + " entries, the active set needs " + n);
        double g = 0;
        for (int k = 0; k < n; k++) {
            double s = 0;
            int o = k * n;
            for (int j = 0; j < n; j++) s += invA[o + j] * b[j];
            g = Math.max(g, Math.abs(s));
        }
        return g;
    }

    @Override
    public String toString() {
        return String.format("active set (%s): %d coefficients, weights energy %g force %g stress %g site %g",
            format, n, energyWeight, forceWeight, stressWeight, siteEnergyWeight);
    }
}
