package io.ionstream.engine.md;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;

/**
 * Initial velocities. Each atom's Gaussian draws come from a counter-based generator keyed by
 * (seed, global id), so the same seed gives the same velocities whatever the atom order or the
 * domain decomposition.
 */
public final class Velocities {
    private Velocities() {}

    /**
     * Maxwell-Boltzmann velocities at temperature {@code t} (K): Gaussian components with
     * variance kT/m, total momentum removed, then scaled to exactly {@code t} with 3N − 3 degrees
     * of freedom (as LAMMPS {@code velocity create ... mom yes dist gaussian}).
     */
    public static void maxwellBoltzmann(AtomSystem s, double t, long seed) {
        if (!(t >= 0) || !Double.isFinite(t)) throw new IllegalArgumentException("temperature must be >= 0 K, got " + t);
        int n = s.size();
        double[] v = s.v();
        long[] id = s.id();
        for (int i = 0; i < n; i++) {
            double sd = Math.sqrt(MetalUnits.BOLTZ * Math.max(t, 0) / (s.mass(i) * MetalUnits.MVV2E));
            for (int d = 0; d < 3; d++) v[3 * i + d] = sd * gaussian(seed, id[i], d);
        }
        zeroMomentum(s);
        if (n > 1 && t > 0) scaleToTemperature(s, t);
        if (t == 0) java.util.Arrays.fill(v, 0, 3 * n, 0.0);
    }

    /** Removes the centre-of-mass velocity. */
    public static void zeroMomentum(AtomSystem s) {
        int n = s.size();
        double[] v = s.v();
        double px = 0, py = 0, pz = 0, m = 0;
        for (int i = 0; i < n; i++) {
            double mi = s.mass(i);
            px += mi * v[3 * i]; py += mi * v[3 * i + 1]; pz += mi * v[3 * i + 2];
            m += mi;
        }
        if (m == 0) return;
        px /= m; py /= m; pz /= m;
        for (int i = 0; i < n; i++) {
            v[3 * i] -= px; v[3 * i + 1] -= py; v[3 * i + 2] -= pz;
        }
    }

    /** Current temperature with 3N − 3 degrees of freedom. */
    public static double temperature(AtomSystem s) {
        StepSums sums = new StepSums();
        sums.addKinetic(s.v(), s.type(), s.massByType(), s.size());
        return Thermo.temperature(sums);
    }

    /** Rescales all velocities so that the temperature is exactly {@code t}. */
    public static void scaleToTemperature(AtomSystem s, double t) {
        double now = temperature(s);
        if (!(now > 0)) throw new IllegalStateException("cannot rescale velocities of a system at rest to " + t + " K");
        double c = Math.sqrt(t / now);
        double[] v = s.v();
        for (int k = 0, n3 = 3 * s.size(); k < n3; k++) v[k] *= c;
    }

    /** Standard normal deviate number {@code component} of atom {@code id} for {@code seed}. */
    static double gaussian(long seed, long id, int component) {
        long base = mix(seed * 0x9E3779B97F4A7C15L + mix(id) + 0x632BE59BD9B4E019L * component);
        double u1 = ((mix(base) >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        double u2 = (mix(base + 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
