package io.ionstream.engine.analysis.diffusion;

/**
 * Which Cartesian components a displacement is projected on, and the dimension n of the
 * diffusion law MSD = 2 n D t: one axis (n = 1; z is "⊥" to a plane normal to z), the x-y plane
 * (n = 2, "∥"), or all three (n = 3).
 */
public enum Projection {
    X(1, true, false, false), Y(1, false, true, false), Z(1, false, false, true),
    XY(2, true, true, false), XYZ(3, true, true, true);

    private final int n;
    private final boolean[] uses;

    Projection(int n, boolean x, boolean y, boolean z) {
        this.n = n;
        this.uses = new boolean[] {x, y, z};
    }

    /** Dimension n in MSD = 2 n D t. */
    public int dimensions() { return n; }

    public boolean uses(int component) { return uses[component]; }

    /** Accepts x, y, z, xy (or "parallel"), xyz (or "total"), and "perp"/"normal" for z. */
    public static Projection parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "x" -> X;
            case "y" -> Y;
            case "z", "perp", "perpendicular", "normal" -> Z;
            case "xy", "parallel", "par", "plane" -> XY;
            case "xyz", "total", "all", "3d" -> XYZ;
            default -> throw new IllegalArgumentException("unknown projection '" + s + "' (x, y, z, xy, xyz)");
        };
    }
}
