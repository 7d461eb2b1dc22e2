package io.ionstream.engine.potential.mtp;

import java.util.Arrays;

/**
 * A Moment Tensor Potential as MLIP stores it in an {@code .mtp} file (immutable): the radial
 * basis, the radial coefficients c[a][b][μ][β] (block "a-b": central species a, neighbour
 * species b; absent in an untrained template), the moment definitions and the linear
 * coefficients.
 *
 * <p>Site energy of atom i of species t: V_i = species_coeffs[t] + Σ_l moment_coeffs[l] ·
 * M[alpha_moment_mapping[l]], where the basic moments are M_k = Σ_j f_μ(r_ij) · x̂^a ŷ^b ẑ^c for
 * {@code alpha_index_basic[k] = {μ, a, b, c}}, f_μ = Σ_β c[t][t_j][μ][β] Q_β(r) over neighbours
 * closer than {@link #maxDist()}, and {@code alpha_index_times} entries {p, q, m, k} add
 * m·M_p·M_q to M_k in file order.
 *
 * <p>The coefficient vector that MLIP's active learning works with (and {@link #coefficientCount()}
 * counts) is: radial coefficients (a-major blocks), species coefficients, moment coefficients.
 */
public final class MtpModel {
    private final String version;
    private final String potentialName;
    private final String potentialTag;
    private final double scaling;
    private final boolean scalingGiven;
    private final int speciesCount;
    private final RadialBasisType basisType;
    private final double basisScaling;
    private final boolean basisScalingGiven;
    private final double minDist, maxDist;
    private final int basisSize, radialFuncs;
    private final double[] radialCoeffs;
    private final int momentsCount;
    private final int[] basic;
    private final int[] times;
    private final int[] mapping;
    private final double[] speciesCoeffs;
    private final double[] momentCoeffs;

    private MtpModel(Builder b) {
        this.version = b.version;
        this.potentialName = b.potentialName;
        this.potentialTag = b.potentialTag;
        this.scaling = b.scaling;
        this.scalingGiven = b.scalingGiven;
        this.speciesCount = b.speciesCount;
        this.basisType = b.basisType;
        this.basisScaling = b.basisScaling;
        this.basisScalingGiven = b.basisScalingGiven;
        this.minDist = b.minDist;
        this.maxDist = b.maxDist;
        this.basisSize = b.basisSize;
        this.radialFuncs = b.radialFuncs;
        this.radialCoeffs = b.radialCoeffs == null ? null : b.radialCoeffs.clone();
        this.momentsCount = b.momentsCount;
        this.basic = b.basic.clone();
        this.times = b.times.clone();
        this.mapping = b.mapping.clone();
        this.speciesCoeffs = b.speciesCoeffs == null ? null : b.speciesCoeffs.clone();
        this.momentCoeffs = b.momentCoeffs == null ? null : b.momentCoeffs.clone();
        validate();
    }

    private void validate() {
        require(version != null && !version.isBlank(), "version is missing");
        require(speciesCount >= 1, "species_count must be at least 1, got " + speciesCount);
        require(basisType != null, "radial_basis_type is missing");
        require(Double.isFinite(minDist) && Double.isFinite(maxDist) && minDist >= 0 && maxDist > minDist,
            "need 0 <= min_dist < max_dist, got min_dist " + minDist + ", max_dist " + maxDist);
        require(basisSize >= 1, "radial_basis_size must be at least 1, got " + basisSize);
        require(radialFuncs >= 1, "radial_funcs_count must be at least 1, got " + radialFuncs);
        require(Double.isFinite(scaling) && Double.isFinite(basisScaling), "scaling must be finite");
        if (radialCoeffs != null) {
            require(radialCoeffs.length == speciesCount * speciesCount * radialFuncs * basisSize,
                "radial_coeffs has " + radialCoeffs.length + " numbers, expected " + speciesCount * speciesCount * radialFuncs * basisSize);
        }
        require(momentsCount >= 1, "alpha_moments_count must be at least 1");
        require(basic.length % 4 == 0 && basic.length > 0, "alpha_index_basic needs groups of 4");
        int nb = basic.length / 4;
        require(nb <= momentsCount, "alpha_index_basic_count " + nb + " exceeds alpha_moments_count " + momentsCount);
        for (int i = 0; i < nb; i++) {
            int mu = basic[4 * i];
            require(mu >= 0 && mu < radialFuncs, "alpha_index_basic entry " + i + " uses radial function " + mu
                + " but radial_funcs_count is " + radialFuncs);
            for (int d = 1; d <= 3; d++) {
                require(basic[4 * i + d] >= 0, "alpha_index_basic entry " + i + " has a negative power");
            }
        }
        require(times.length % 4 == 0, "alpha_index_times needs groups of 4");
        // every moment beyond the basic ones is the target of some product entry, so the lists bound the count
        require(momentsCount <= nb + times.length / 4, "alpha_moments_count " + momentsCount + " exceeds the "
            + nb + " basic moments plus the " + times.length / 4 + " alpha_index_times entries that could define them");
        // an operand must be complete when it is used: no later entry may still add to it
        int[] lastTarget = new int[momentsCount];
        Arrays.fill(lastTarget, -1);
        for (int t = 0; t < times.length / 4; t++) {
            for (int d : new int[] {0, 1, 3}) {
                int k = times[4 * t + d];
                require(k >= 0 && k < momentsCount, "alpha_index_times entry " + t + " refers to moment " + k
                    + " outside 0.." + (momentsCount - 1));
            }
            lastTarget[times[4 * t + 3]] = t;
        }
        for (int t = 0; t < times.length / 4; t++) {
            for (int d = 0; d < 2; d++) {
                int k = times[4 * t + d];
                require(lastTarget[k] < t, "alpha_index_times entry " + t + " uses moment " + k
                    + " before entry " + lastTarget[k] + " finishes it");
            }
        }
        require(mapping.length >= 1, "alpha_moment_mapping is empty");
        for (int l = 0; l < mapping.length; l++) {
            require(mapping[l] >= 0 && mapping[l] < momentsCount, "alpha_moment_mapping entry " + l + " refers to moment "
                + mapping[l] + " outside 0.." + (momentsCount - 1));
        }
        if (speciesCoeffs != null) {
            require(speciesCoeffs.length == speciesCount, "species_coeffs has " + speciesCoeffs.length
                + " values, species_count is " + speciesCount);
        }
        if (momentCoeffs != null) {
            require(momentCoeffs.length == mapping.length, "moment_coeffs has " + momentCoeffs.length
                + " values, alpha_scalar_moments is " + mapping.length);
        }
        checkFinite(radialCoeffs, "radial_coeffs");
        checkFinite(speciesCoeffs, "species_coeffs");
        checkFinite(momentCoeffs, "moment_coeffs");
    }

    private static void checkFinite(double[] a, String what) {
        if (a == null) return;
        for (int i = 0; i < a.length; i++) require(Double.isFinite(a[i]), what + " value " + i + " is not finite");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) throw new IllegalArgumentException("MTP: " + problem);
    }

    public String version() { return version; }
    public String potentialName() { return potentialName; }
    public String potentialTag() { return potentialTag; }
    /** Top-level {@code scaling} (1 when absent). */
    public double scaling() { return scaling; }
    public boolean scalingGiven() { return scalingGiven; }
    public int speciesCount() { return speciesCount; }
    public RadialBasisType basisType() { return basisType; }
    /** {@code scaling} inside the radial-basis block (1 when absent). */
    public double basisScaling() { return basisScaling; }
    public boolean basisScalingGiven() { return basisScalingGiven; }
    /** The factor that multiplies every radial basis function: both scalings. */
    public double effectiveScaling() { return scaling * basisScaling; }
    /** R_min (Å). */
    public double minDist() { return minDist; }
    /** R_cut (Å): neighbours strictly closer count. */
    public double maxDist() { return maxDist; }
    public int basisSize() { return basisSize; }
    public int radialFuncs() { return radialFuncs; }
    public int momentsCount() { return momentsCount; }
    public int basicCount() { return basic.length / 4; }
    public int timesCount() { return times.length / 4; }
    public int scalarMoments() { return mapping.length; }

    /** Flattened {μ, a, b, c} of each basic moment (a copy). */
    public int[] alphaIndexBasic() { return basic.clone(); }
    /** Flattened {p, q, m, k} of each product (a copy). */
    public int[] alphaIndexTimes() { return times.clone(); }
    public int[] alphaMomentMapping() { return mapping.clone(); }

    public boolean hasRadialCoeffs() { return radialCoeffs != null; }
    public boolean hasSpeciesCoeffs() { return speciesCoeffs != null; }
    public boolean hasMomentCoeffs() { return momentCoeffs != null; }

    /** True when every coefficient is present (an untrained template has none). */
    public boolean isTrained() { return radialCoeffs != null && speciesCoeffs != null && momentCoeffs != null; }

    /** Radial coefficients flattened [a][b][μ][β] (a copy), or null. */
    public double[] radialCoeffs() { return radialCoeffs == null ? null : radialCoeffs.clone(); }
    public double[] speciesCoeffs() { return speciesCoeffs == null ? null : speciesCoeffs.clone(); }
    public double[] momentCoeffs() { return momentCoeffs == null ? null : momentCoeffs.clone(); }

    /** Number of radial coefficients: species² × radial functions × basis size. */
    public int radialCoeffCount() { return speciesCount * speciesCount * radialFuncs * basisSize; }

    /** Length of MLIP's coefficient vector: radial + species + moment coefficients. */
    public int coefficientCount() { return radialCoeffCount() + speciesCount + mapping.length; }

    /** Throws naming what is missing when this model cannot be evaluated. */
    public void requireTrained(String what) {
        if (isTrained()) return;
        StringBuilder missing = new StringBuilder();
        if (radialCoeffs == null) missing.append("radial_coeffs");
        if (speciesCoeffs == null) missing.append(missing.isEmpty() ? "" : ", ").append("species_coeffs");
        if (momentCoeffs == null) missing.append(missing.isEmpty() ? "" : ", ").append("moment_coeffs");
        throw new IllegalArgumentException(what + " has no " + missing
            + ": it is an untrained template; train it (mlp train) or fill its coefficients first");
    }

    /** A copy with all coefficients replaced (e.g. to benchmark an untrained template). */
    public MtpModel withCoefficients(double[] radial, double[] species, double[] moments) {
        return toBuilder().radialCoeffs(radial).speciesCoeffs(species).momentCoeffs(moments).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.potentialName = potentialName;
        b.potentialTag = potentialTag;
        b.scaling = scaling;
        b.scalingGiven = scalingGiven;
        b.speciesCount = speciesCount;
        b.basisType = basisType;
        b.basisScaling = basisScaling;
        b.basisScalingGiven = basisScalingGiven;
        b.minDist = minDist;
        b.maxDist = maxDist;
        b.basisSize = basisSize;
        b.radialFuncs = radialFuncs;
        b.radialCoeffs = radialCoeffs;
        b.momentsCount = momentsCount;
        b.basic = basic;
        b.times = times;
        b.mapping = mapping;
        b.speciesCoeffs = speciesCoeffs;
        b.momentCoeffs = momentCoeffs;
        return b;
    }

    /** Two models are equal when every field (and every coefficient bit) is. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MtpModel m)) return false;
        return version.equals(m.version) && potentialName.equals(m.potentialName) && potentialTag.equals(m.potentialTag)
            && Double.compare(scaling, m.scaling) == 0 && scalingGiven == m.scalingGiven && speciesCount == m.speciesCount
            && basisType == m.basisType && Double.compare(basisScaling, m.basisScaling) == 0
            && basisScalingGiven == m.basisScalingGiven && Double.compare(minDist, m.minDist) == 0
            && Double.compare(maxDist, m.maxDist) == 0 && basisSize == m.basisSize && radialFuncs == m.radialFuncs
            && Arrays.equals(radialCoeffs, m.radialCoeffs) && momentsCount == m.momentsCount
            && Arrays.equals(basic, m.basic) && Arrays.equals(times, m.times) && Arrays.equals(mapping, m.mapping)
            && Arrays.equals(speciesCoeffs, m.speciesCoeffs) && Arrays.equals(momentCoeffs, m.momentCoeffs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(radialCoeffs) * 31 + Arrays.hashCode(momentCoeffs) + 7 * Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return String.format("MTP %s: %d species, %s %.4g-%.4g Å, %d radial functions x %d, %d basic / %d moments, %d coefficients%s",
            potentialName, speciesCount, basisType.mlipName(), minDist, maxDist, radialFuncs, basisSize, basicCount(),
            momentsCount, coefficientCount(), isTrained() ? "" : " (untrained)");
    }

    public static Builder builder() { return new Builder(); }

    /** Assembles a model; {@link #build()} validates it. */
    public static final class Builder {
        private String version = "1.1.0";
        private String potentialName = "MTP1m";
        private String potentialTag = "";
        private double scaling = 1.0;
        private boolean scalingGiven;
        private int speciesCount;
        private RadialBasisType basisType = RadialBasisType.CHEBYSHEV;
        private double basisScaling = 1.0;
        private boolean basisScalingGiven;
        private double minDist, maxDist;
        private int basisSize, radialFuncs;
        private double[] radialCoeffs;
        private int momentsCount;
        private int[] basic = new int[0], times = new int[0], mapping = new int[0];
        private double[] speciesCoeffs, momentCoeffs;

        private Builder() {}

        public Builder version(String v) { version = v; return this; }
        public Builder potentialName(String v) { potentialName = v == null ? "" : v; return this; }
        public Builder potentialTag(String v) { potentialTag = v == null ? "" : v; return this; }
        public Builder scaling(double v) { scaling = v; scalingGiven = true; return this; }
        public Builder speciesCount(int v) { speciesCount = v; return this; }
        public Builder basisType(RadialBasisType v) { basisType = v; return this; }
        public Builder basisScaling(double v) { basisScaling = v; basisScalingGiven = true; return this; }
        public Builder minDist(double v) { minDist = v; return this; }
        public Builder maxDist(double v) { maxDist = v; return this; }
        public Builder basisSize(int v) { basisSize = v; return this; }
        public Builder radialFuncs(int v) { radialFuncs = v; return this; }
        public Builder radialCoeffs(double[] v) { radialCoeffs = v == null ? null : v.clone(); return this; }
        public Builder momentsCount(int v) { momentsCount = v; return this; }
        public Builder alphaIndexBasic(int[] v) { basic = v.clone(); return this; }
        public Builder alphaIndexTimes(int[] v) { times = v.clone(); return this; }
        public Builder alphaMomentMapping(int[] v) { mapping = v.clone(); return this; }
        public Builder speciesCoeffs(double[] v) { speciesCoeffs = v == null ? null : v.clone(); return this; }
        public Builder momentCoeffs(double[] v) { momentCoeffs = v == null ? null : v.clone(); return this; }

        public MtpModel build() { return new MtpModel(this); }
    }
}
