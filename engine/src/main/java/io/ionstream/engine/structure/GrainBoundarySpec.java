package io.ionstream.engine.structure;

/**
 * A CSL grain boundary of a cubic crystal: grain 2 is grain 1 rotated by {@code angleDegrees}
 * about {@code axis} (both in the cubic basis of grain 1, active convention); the boundary plane
 * has normal {@code normal} (grain 1 indices), which becomes z; {@code x} is an in-plane CSL
 * direction (null: the shortest one is searched); y = z × x. Two boundaries per periodic cell.
 *
 * <p>The four seeds' boundaries are the presets. Angles: magnitude as the seeds name them, sign
 * chosen so that the CSL contains the x, y, z of seed 001's Table II (a rotation by −θ gives the
 * same boundary seen after a 2-fold rotation about a cube edge, which F-43m has; only the labels
 * of the CSL directions change). Table II's frames are left-handed for Σ3(1-12) and Σ5(001); ours
 * keep the table's y and z and take x = y × z (the table's x up to sign). Table II's x for
 * Σ3(-111), [-1-12], is not perpendicular to its y = [110] (a misprint); ours is [1-12].
 */
public record GrainBoundarySpec(String name, int[] axis, double angleDegrees, int[] normal, int[] x) {
    public GrainBoundarySpec {
        axis = Geometry.primitive(axis);
        normal = Geometry.primitive(normal);
        if (x != null) {
            x = Geometry.primitive(x);
            if (Geometry.dot(x, normal) != 0) {
                throw new IllegalArgumentException(name + ": in-plane direction " + Geometry.indices(x)
                    + " is not perpendicular to the boundary normal " + Geometry.indices(normal));
            }
        }
        if (!Double.isFinite(angleDegrees)) throw new IllegalArgumentException(name + ": rotation angle is not finite");
    }

    /** Σ3(1-12)[110] symmetric tilt, 70.53°: x [1-1-1], y [110] (tilt axis), z [1-12]. */
    public static GrainBoundarySpec sigma3Tilt112() {
        return new GrainBoundarySpec("Sigma3(1-12)[110] tilt", new int[] {1, 1, 0}, Math.toDegrees(Math.acos(1.0 / 3)),
            new int[] {1, -1, 2}, new int[] {1, -1, -1});
    }

    /**
     * Σ3(-111)[110] symmetric tilt, named 109.47° in seed 001: the rotation of grain 2 is −109.47°
     * about [110], which shares the Σ3(1-12) CSL (x [1-12], y [110], z [-111]); +109.47° would
     * give a CSL three times longer along [-111].
     */
    public static GrainBoundarySpec sigma3Tilt111() {
        return new GrainBoundarySpec("Sigma3(-111)[110] tilt", new int[] {1, 1, 0}, -Math.toDegrees(Math.acos(-1.0 / 3)),
            new int[] {-1, 1, 1}, new int[] {1, -1, 2});
    }

    /** Σ5(001)[001] twist, 36.87° (grain 2 rotated by −36.87° about [001]): x [-1-30], y [3-10], z [001]. */
    public static GrainBoundarySpec sigma5Twist001() {
        return new GrainBoundarySpec("Sigma5(001)[001] twist", new int[] {0, 0, 1}, -Math.toDegrees(Math.acos(0.8)),
            new int[] {0, 0, 1}, new int[] {-1, -3, 0});
    }

    /** Σ5[100](021) tilt (Kim et al.), 53.13° about [100]: x [100] (tilt axis), y [01-2], z [021]. */
    public static GrainBoundarySpec sigma5Tilt021() {
        return new GrainBoundarySpec("Sigma5[100](021) tilt", new int[] {1, 0, 0}, Math.toDegrees(Math.acos(0.6)),
            new int[] {0, 2, 1}, new int[] {1, 0, 0});
    }
}
