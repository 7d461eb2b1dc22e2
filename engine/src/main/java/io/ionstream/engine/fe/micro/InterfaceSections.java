package io.ionstream.engine.fe.micro;

import io.ionstream.engine.fe.solver.SlabRunner;
import java.util.Arrays;

/**
 * The grain-boundary area inside every voxel: for each voxel cut by a boundary, the list of
 * (facet, area) pieces, in voxel units (area of a facet polygon clipped to the voxel cube).
 * This is what the thickness-collapsed model needs: a zero-thickness interface of area A in a
 * voxel. Each boundary is counted once: by the canonical side's facet, or by the other side
 * when the canonical grain does not occur around the voxel. A facet piece is the section of its
 * plane with the cube, clipped by the grain's other planes that reach into the cube, so junction
 * voxels get each facet's true share. Stored as compressed rows over the cut voxels.
 */
public final class InterfaceSections {
    private static final double HALF_DIAGONAL = Math.sqrt(3) / 2;

    private final int[] voxel;
    private final int[] start;
    private final int[] facet;
    private final float[] area;
    private final double totalArea;

    private InterfaceSections(int[] voxel, int[] start, int[] facet, float[] area) {
        this.voxel = voxel;
        this.start = start;
        this.facet = facet;
        this.area = area;
        double s = 0;
        for (float a : area) s += a;
        this.totalArea = s;
    }

    /** Number of voxels containing a boundary piece. */
    public int cutVoxels() { return voxel.length; }

    /** Voxel index of cut voxel c (ascending). */
    public int voxel(int c) { return voxel[c]; }

    public int start(int c) { return start[c]; }

    public int end(int c) { return start[c + 1]; }

    public int facet(int piece) { return facet[piece]; }

    /** Area of a piece, in voxel faces (h²). */
    public float area(int piece) { return area[piece]; }

    /** Total boundary area in h² (S_V = total / n³ per voxel length). */
    public double totalArea() { return totalArea; }

    static InterfaceSections compute(Polycrystal pc, int threads) {
        int n = pc.grid();
        int[] labels = pc.labels();
        FacetTable ft = pc.facets();
        try (SlabRunner runner = new SlabRunner(threads)) {
            int chunks = runner.chunks(n);
            Rows[] rows = new Rows[chunks];
            runner.run(n, (chunk, k0, k1) -> {
                Rows out = new Rows();
                CubeSection cs = new CubeSection();
                int[] gathered = new int[27];
                double[] frame = new double[81];
                for (int k = k0; k < k1; k++)
                    for (int j = 0; j < n; j++)
                        for (int i = 0; i < n; i++) {
                            int v = (k * n + j) * n + i;
                            if (!(pc.boundaryDistance(v) < HALF_DIAGONAL + 1e-9)) continue;
                            int ng = gatherCopies(pc, labels, n, i, j, k, gathered, frame);
                            int before = out.pieces;
                            for (int q = 0; q < ng; q++) {
                                int g = gathered[q];
                                double cx = frame[3 * q], cy = frame[3 * q + 1], cz = frame[3 * q + 2];
                                for (int f = ft.start(g); f < ft.end(g); f++) {
                                    double t = ft.distance(f, cx, cy, cz);
                                    if (Math.abs(t) > HALF_DIAGONAL) continue;
                                    if (!ft.canonical(g, f) && partnerGathered(pc, ft, g, f, cx, cy, cz, gathered, frame, ng)) continue;
                                    if (cs.begin(ft.nx(f), ft.ny(f), ft.nz(f), ft.offset(f), cx, cy, cz) == 0) continue;
                                    for (int e = ft.start(g); e < ft.end(g) && cs.area() > 0; e++) {
                                        if (e == f) continue;
                                        if (ft.distance(e, cx, cy, cz) > HALF_DIAGONAL) continue;
                                        cs.clip(ft.nx(e), ft.ny(e), ft.nz(e), ft.offset(e));
                                    }
                                    double a = cs.area();
                                    if (a > 1e-12) out.piece(f, (float) a);
                                }
                            }
                            if (out.pieces > before) out.voxel(v);
                        }
                rows[chunk] = out;
            });
            return merge(rows);
        }
    }

    /**
     * Distinct grain copies at the 27 voxel centres around (i, j, k): a Voronoi grain bordering its
     * own periodic image occurs as two copies whose frames differ by a lattice vector. Each copy
     * comes with the centre of (i, j, k) in that copy's frame.
     */
    private static int gatherCopies(Polycrystal pc, int[] labels, int n, int i, int j, int k, int[] gathered, double[] frame) {
        int ng = 0;
        for (int dz = -1; dz <= 1; dz++)
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int ii = Math.floorMod(i + dx, n), jj = Math.floorMod(j + dy, n), kk = Math.floorMod(k + dz, n);
                    int g = labels[(kk * n + jj) * n + ii];
                    // the neighbour centre lies in g, so its minimum image fixes the copy; step back to (i, j, k)
                    double fx = pc.minImage(ii + 0.5 - pc.ref(g, 0)) - dx;
                    double fy = pc.minImage(jj + 0.5 - pc.ref(g, 1)) - dy;
                    double fz = pc.minImage(kk + 0.5 - pc.ref(g, 2)) - dz;
                    if (indexOf(pc.hasSeeds(), gathered, frame, ng, g, fx, fy, fz) >= 0) continue;
                    gathered[ng] = g;
                    frame[3 * ng] = fx;
                    frame[3 * ng + 1] = fy;
                    frame[3 * ng + 2] = fz;
                    ng++;
                }
        return ng;
    }

    /**
     * Position of copy (g, frame) among the gathered ones. Copies are told apart by frame only for
     * Voronoi grains: a labels-only grain may span the cell, and its "copies" are one region.
     */
    private static int indexOf(boolean byFrame, int[] gathered, double[] frame, int ng, int g, double fx, double fy, double fz) {
        for (int q = 0; q < ng; q++) {
            if (gathered[q] == g && !byFrame) return q;
            if (gathered[q] == g && Math.abs(frame[3 * q] - fx) < 1e-6 && Math.abs(frame[3 * q + 1] - fy) < 1e-6
                && Math.abs(frame[3 * q + 2] - fz) < 1e-6) return q;
        }
        return -1;
    }

    /**
     * Whether the copy on the other side of facet f (neighbour grain, shifted by the facet's image
     * vector) is among the gathered copies; then that copy counts the facet if it is canonical.
     */
    private static boolean partnerGathered(Polycrystal pc, FacetTable ft, int g, int f, double cx, double cy, double cz,
                                           int[] gathered, double[] frame, int ng) {
        int h = ft.neighbour(f);
        int n = pc.grid();
        double px = cx + pc.ref(g, 0) - pc.ref(h, 0) - ft.shift(f, 0) * n;
        double py = cy + pc.ref(g, 1) - pc.ref(h, 1) - ft.shift(f, 1) * n;
        double pz = cz + pc.ref(g, 2) - pc.ref(h, 2) - ft.shift(f, 2) * n;
        return indexOf(pc.hasSeeds(), gathered, frame, ng, h, px, py, pz) >= 0;
    }

    private static InterfaceSections merge(Rows[] rows) {
        int nv = 0, np = 0;
        for (Rows r : rows) {
            nv += r.voxels;
            np += r.pieces;
        }
        int[] voxel = new int[nv], start = new int[nv + 1], facet = new int[np];
        float[] area = new float[np];
        int ov = 0, op = 0;
        for (Rows r : rows) {
            System.arraycopy(r.voxel, 0, voxel, ov, r.voxels);
            for (int c = 0; c < r.voxels; c++) start[ov + c] = op + r.start[c];
            System.arraycopy(r.facet, 0, facet, op, r.pieces);
            System.arraycopy(r.area, 0, area, op, r.pieces);
            ov += r.voxels;
            op += r.pieces;
        }
        start[nv] = np;
        return new InterfaceSections(voxel, start, facet, area);
    }

    /** Growable rows of one chunk. */
    private static final class Rows {
        int[] voxel = new int[256], start = new int[256], facet = new int[512];
        float[] area = new float[512];
        int voxels, pieces, rowStart;

        void piece(int f, float a) {
            if (pieces == facet.length) {
                facet = Arrays.copyOf(facet, 2 * pieces);
                area = Arrays.copyOf(area, 2 * pieces);
            }
            facet[pieces] = f;
            area[pieces++] = a;
        }

        void voxel(int v) {
            if (voxels == voxel.length) {
                voxel = Arrays.copyOf(voxel, 2 * voxels);
                start = Arrays.copyOf(start, 2 * voxels);
            }
            voxel[voxels] = v;
            start[voxels++] = rowStart;
            rowStart = pieces;
        }
    }
}
