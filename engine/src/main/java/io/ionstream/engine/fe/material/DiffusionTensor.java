package io.ionstream.engine.fe.material;

/**
 * A symmetric 3×3 diffusivity (xx, yy, zz, xy, xz, yz), in whatever unit the caller uses for D.
 * The grain-boundary tensor is {@link #transverse}: D∥ in the boundary plane, D⊥ along its normal.
 */
public record DiffusionTensor(double xx, double yy, double zz, double xy, double xz, double yz) {

    public static DiffusionTensor isotropic(double d) {
        return new DiffusionTensor(d, d, d, 0, 0, 0);
    }

    /** D∥(I − nn) + D⊥ nn for a unit normal n (normalised here). */
    public static DiffusionTensor transverse(double dPar, double dPerp, double nx, double ny, double nz) {
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (!(len > 0)) throw new IllegalArgumentException("grain-boundary normal has zero length");
        nx /= len; ny /= len; nz /= len;
        double s = dPerp - dPar;
        return new DiffusionTensor(dPar + s * nx * nx, dPar + s * ny * ny, dPar + s * nz * nz,
            s * nx * ny, s * nx * nz, s * ny * nz);
    }

    /** From a 3×3 matrix; the symmetric part is kept. */
    public static DiffusionTensor of(double[][] m) {
        return new DiffusionTensor(m[0][0], m[1][1], m[2][2],
            0.5 * (m[0][1] + m[1][0]), 0.5 * (m[0][2] + m[2][0]), 0.5 * (m[1][2] + m[2][1]));
    }

    public double[][] toMatrix() {
        return new double[][] {{xx, xy, xz}, {xy, yy, yz}, {xz, yz, zz}};
    }

    public double trace() { return xx + yy + zz; }

    /** Mean of the eigenvalues: the isotropic part. */
    public double mean() { return trace() / 3.0; }

    public boolean isDiagonal() { return xy == 0 && xz == 0 && yz == 0; }

    public DiffusionTensor plus(DiffusionTensor o) {
        return new DiffusionTensor(xx + o.xx, yy + o.yy, zz + o.zz, xy + o.xy, xz + o.xz, yz + o.yz);
    }

    public DiffusionTensor times(double f) {
        return new DiffusionTensor(xx * f, yy * f, zz * f, xy * f, xz * f, yz * f);
    }

    public double determinant() {
        return xx * (yy * zz - yz * yz) - xy * (xy * zz - yz * xz) + xz * (xy * yz - yy * xz);
    }

    public DiffusionTensor inverse() {
        double det = determinant();
        if (!(Math.abs(det) > 0)) throw new ArithmeticException("singular diffusivity tensor " + this);
        double inv = 1.0 / det;
        return new DiffusionTensor(
            (yy * zz - yz * yz) * inv, (xx * zz - xz * xz) * inv, (xx * yy - xy * xy) * inv,
            (xz * yz - xy * zz) * inv, (xy * yz - xz * yy) * inv, (xy * xz - xx * yz) * inv);
    }

    /** Matrix product this·o (symmetric part: exact when the two commute). */
    public DiffusionTensor symmetricProduct(DiffusionTensor o) {
        double[][] a = toMatrix(), b = o.toMatrix(), c = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return of(c);
    }

    /** Eigenvalues in ascending order. */
    public double[] eigenvalues() {
        return SymmetricEigen.of(toMatrix()).values();
    }

    /** Largest |component| of the antisymmetric part of a 3×3 matrix relative to its trace. */
    public static double asymmetry(double[][] m) {
        double a = Math.max(Math.abs(m[0][1] - m[1][0]), Math.max(Math.abs(m[0][2] - m[2][0]), Math.abs(m[1][2] - m[2][1])));
        double tr = Math.abs(m[0][0] + m[1][1] + m[2][2]);
        return tr > 0 ? a / tr : a;
    }
}
