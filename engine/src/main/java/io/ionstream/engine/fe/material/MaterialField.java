package io.ionstream.engine.fe.material;

import java.util.Objects;

/**
 * The diffusivity of every voxel of an nx×ny×nz grid, stored as one int per voxel indexing a
 * small table of tensors (6 doubles each): bulk is one entry, each grain-boundary facet one
 * entry, each composite voxel of the thickness-collapsed model one entry. No per-voxel objects.
 * Voxel (i, j, k) is entry {@code index[(k * ny + j) * nx + i]}.
 */
public final class MaterialField {
    private final int nx, ny, nz;
    private final int[] index;
    private final double[] table;
    private final boolean[] offDiagonal;

    /**
     * @param index per-voxel table index, x fastest
     * @param table 6 doubles per entry: xx, yy, zz, xy, xz, yz
     */
    public MaterialField(int nx, int ny, int nz, int[] index, double[] table) {
        if (nx < 2 || ny < 2 || nz < 2) throw new IllegalArgumentException("grid must be at least 2 voxels along each axis, got " + nx + "×" + ny + "×" + nz);
        long n = (long) nx * ny * nz;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("grid " + nx + "×" + ny + "×" + nz + " exceeds one Java array");
        Objects.requireNonNull(index, "index");
        if (index.length != n) throw new IllegalArgumentException("index has " + index.length + " entries for " + n + " voxels");
        if (table.length % 6 != 0 || table.length == 0) throw new IllegalArgumentException("table length must be a positive multiple of 6");
        int entries = table.length / 6;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.index = index;
        this.table = table;
        this.offDiagonal = new boolean[entries];
        for (int m = 0; m < entries; m++) {
            int o = 6 * m;
            double xx = table[o], yy = table[o + 1], zz = table[o + 2], xy = table[o + 3], xz = table[o + 4], yz = table[o + 5];
            // Sylvester's criterion: positive leading minors (cheap enough for millions of composite voxels)
            double det = xx * (yy * zz - yz * yz) - xy * (xy * zz - yz * xz) + xz * (xy * yz - yy * xz);
            boolean finite = Double.isFinite(xx + yy + zz + xy + xz + yz);
            if (!finite || !(xx > 0) || !(xx * yy - xy * xy > 0) || !(det > 0))
                throw new IllegalArgumentException("material entry " + m + " is not positive definite: " + entry(m));
            offDiagonal[m] = xy != 0 || xz != 0 || yz != 0;
        }
        for (int v = 0; v < index.length; v++) {
            if (index[v] < 0 || index[v] >= entries)
                throw new IllegalArgumentException("voxel " + v + " refers to material " + index[v] + " of " + entries);
        }
    }

    /** A homogeneous medium. */
    public static MaterialField uniform(int nx, int ny, int nz, DiffusionTensor d) {
        return new MaterialField(nx, ny, nz, new int[nx * ny * nz], pack(d));
    }

    public static double[] pack(DiffusionTensor... ds) {
        double[] t = new double[6 * ds.length];
        for (int m = 0; m < ds.length; m++) {
            DiffusionTensor d = ds[m];
            t[6 * m] = d.xx(); t[6 * m + 1] = d.yy(); t[6 * m + 2] = d.zz();
            t[6 * m + 3] = d.xy(); t[6 * m + 4] = d.xz(); t[6 * m + 5] = d.yz();
        }
        return t;
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public int voxels() { return index.length; }
    public int entries() { return table.length / 6; }

    /** The per-voxel index array, shared (not copied) because the solver reads it in its hot loop. */
    public int[] indexArray() { return index; }

    /** The tensor table (6 doubles per entry), shared. */
    public double[] tableArray() { return table; }

    /** Per entry: whether the tensor has off-diagonal terms (the solver skips them otherwise). */
    public boolean[] offDiagonalArray() { return offDiagonal; }

    public int index(int voxel) { return index[voxel]; }

    public DiffusionTensor entry(int m) {
        int o = 6 * m;
        return new DiffusionTensor(table[o], table[o + 1], table[o + 2], table[o + 3], table[o + 4], table[o + 5]);
    }

    public DiffusionTensor at(int voxel) { return entry(index[voxel]); }

    /** Voxel count per table entry (volume weights for averages and bounds). */
    public long[] counts() {
        long[] c = new long[entries()];
        for (int m : index) c[m]++;
        return c;
    }
}
