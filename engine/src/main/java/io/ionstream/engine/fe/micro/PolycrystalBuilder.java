package io.ionstream.engine.fe.micro;

import io.ionstream.engine.fe.material.SymmetricEigen;
import io.ionstream.engine.fe.solver.SlabRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link Polycrystal}s: from Voronoi seeds (grain boundaries are the exact periodic
 * bisector planes) or from grain labels alone (boundary planes fitted to the voxel faces each
 * pair of grains shares, per periodic image).
 */
public final class PolycrystalBuilder {
    private static final double HALF_DIAGONAL = Math.sqrt(3) / 2;

    private PolycrystalBuilder() {}

    /** A periodic Voronoi polycrystal of {@code spec.grains()} grains. */
    public static Polycrystal generate(PolycrystalSpec spec, int threads) {
        double[] frac = SeedGenerator.generate(spec.grains(), spec.seeding(), spec.seed(), spec.lloydIterations());
        String origin = "voronoi seeding=" + spec.seeding().name().toLowerCase() + " seed=" + spec.seed()
            + (spec.seeding() == Seeding.LLOYD ? " lloyd-iterations=" + spec.lloydIterations() : "");
        return fromSeeds(frac, spec.grid(), spec.cellNm(), threads, origin);
    }

    /**
     * Voronoi grains of the given seeds (fractional coordinates in the unit cube) on an n³ grid.
     * The boundary distance of each voxel is the minimum over its grain's bisector planes with
     * every seed image that could bound the cell (within twice the cell's circumradius).
     */
    public static Polycrystal fromSeeds(double[] frac, int n, double cellNm, int threads, String origin) {
        checkGrid(n, cellNm);
        if (frac.length == 0 || frac.length % 3 != 0) throw new IllegalArgumentException("seeds must hold 3N > 0 coordinates");
        int grains = frac.length / 3;
        double[] pos = new double[frac.length];
        for (int i = 0; i < frac.length; i++) pos[i] = frac[i] * n;
        PeriodicVoronoi vor = new PeriodicVoronoi(pos, n);
        int[] labels = new int[n * n * n];
        double[] refs = new double[3 * grains];
        for (int g = 0; g < grains; g++) for (int a = 0; a < 3; a++) refs[3 * g + a] = vor.seed(g, a);
        double[] maxR2;
        try (SlabRunner runner = new SlabRunner(threads)) {
            double[][] chunkMax = new double[runner.chunks(n)][grains];
            runner.run(n, (chunk, k0, k1) -> {
                double[] mx = chunkMax[chunk];
                double[] two = new double[2];
                for (int k = k0; k < k1; k++)
                    for (int j = 0; j < n; j++) {
                        // along a row the nearest image stays nearest while its distance is below the
                        // second-nearest distance of the last full search minus the distance moved
                        int g = -1, from = 0;
                        double ix = 0, iy = 0, iz = 0, second = 0;
                        for (int i = 0; i < n; i++) {
                            double x = i + 0.5, y = j + 0.5, z = k + 0.5;
                            boolean known = false;
                            if (g >= 0) {
                                double ex = ix - x, ey = iy - y, ez = iz - z;
                                double bound = second - (i - from);
                                known = bound > 0 && ex * ex + ey * ey + ez * ez < bound * bound;
                            }
                            if (!known) {
                                g = vor.nearestTwo(x, y, z, two);
                                from = i;
                                second = two[1];
                                // the nearest image itself: the minimum image of the seed
                                ix = x + mi(refs[3 * g] - x, n);
                                iy = y + mi(refs[3 * g + 1] - y, n);
                                iz = z + mi(refs[3 * g + 2] - z, n);
                            }
                            labels[(k * n + j) * n + i] = g;
                            double dx = mi(x - refs[3 * g], n), dy = mi(y - refs[3 * g + 1], n), dz = mi(z - refs[3 * g + 2], n);
                            mx[g] = Math.max(mx[g], dx * dx + dy * dy + dz * dz);
                        }
                    }
            });
            maxR2 = chunkMax[0];
            for (double[] m : chunkMax) for (int g = 0; g < grains; g++) maxR2[g] = Math.max(maxR2[g], m[g]);
        }
        FacetTable.Builder fb = new FacetTable.Builder(grains);
        for (int g = 0; g < grains; g++) {
            fb.beginGrain(g);
            double sx = refs[3 * g], sy = refs[3 * g + 1], sz = refs[3 * g + 2];
            // a bounding plane is at |v|/2 from the seed, no farther than the cell's circumradius
            double reach = 2 * (Math.sqrt(maxR2[g]) + HALF_DIAGONAL) + 1e-9;
            List<double[]> cand = new ArrayList<>();
            final int gg = g;
            vor.forEachWithin(sx, sy, sz, reach, (j, px, py, pz, d2) -> {
                if (j == gg && d2 == 0) return;
                if (d2 == 0) throw new IllegalArgumentException("seeds " + gg + " and " + j + " coincide");
                cand.add(new double[] {j, Math.rint((px - refs[3 * j]) / n), Math.rint((py - refs[3 * j + 1]) / n),
                    Math.rint((pz - refs[3 * j + 2]) / n), px - sx, py - sy, pz - sz, Math.sqrt(d2)});
            });
            // nearest planes first: the distance loop stops once no later plane can be closer
            cand.sort((a, b) -> a[7] != b[7] ? Double.compare(a[7], b[7]) : Double.compare(a[0], b[0]));
            for (double[] c : cand) {
                double len = c[7];
                fb.add((int) c[0], (int) c[1], (int) c[2], (int) c[3], c[4] / len, c[5] / len, c[6] / len, 0.5 * len);
            }
        }
        FacetTable facets = fb.build();
        int[] nearest = new int[labels.length];
        float[] dist = new float[labels.length];
        boundaryDistances(n, labels, refs, facets, true, nearest, dist, threads);
        return new Polycrystal(n, cellNm, grains, labels, refs, facets, nearest, dist, frac.clone(), origin);
    }

    /**
     * A polycrystal from grain labels only (e.g. a voxel file without seeds). Each grain's
     * reference point is its periodic centroid; for every pair of grains sharing voxel faces
     * (separately per periodic image of the neighbour) a plane is fitted to the shared face centres
     * (least squares: normal = smallest principal axis), and boundary distances are taken to these
     * planes. Exact for voxelised convex polyhedral grains up to the staircase of the faces.
     * Grains must span less than half the cell along each axis.
     */
    public static Polycrystal fromLabels(int[] labels, int n, int grains, double cellNm, int threads, String origin) {
        checkGrid(n, cellNm);
        if (labels.length != n * n * n) throw new IllegalArgumentException("labels hold " + labels.length + " voxels, grid needs " + n * n * n);
        if (grains < 1) throw new IllegalArgumentException("number of grains must be ≥ 1");
        for (int v = 0; v < labels.length; v++)
            if (labels[v] < 0 || labels[v] >= grains)
                throw new IllegalArgumentException("voxel " + v + " has grain id " + labels[v] + " outside 0.." + (grains - 1));
        double[] refs = centroids(labels, n, grains);
        Map<List<Integer>, double[]> acc = new TreeMap<>(PolycrystalBuilder::compareKeys);
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int v = (k * n + j) * n + i;
                    int g = labels[v];
                    for (int a = 0; a < 3; a++) {
                        int ii = a == 0 ? (i + 1) % n : i, jj = a == 1 ? (j + 1) % n : j, kk = a == 2 ? (k + 1) % n : k;
                        int h = labels[(kk * n + jj) * n + ii];
                        if (h == g) continue;
                        double fx = i + 0.5 + (a == 0 ? 0.5 : 0), fy = j + 0.5 + (a == 1 ? 0.5 : 0), fz = k + 0.5 + (a == 2 ? 0.5 : 0);
                        addFace(acc, refs, n, g, h, fx, fy, fz, a, +1);
                        addFace(acc, refs, n, h, g, fx, fy, fz, a, -1);
                    }
                }
        FacetTable.Builder fb = new FacetTable.Builder(grains);
        int current = -1;
        for (Map.Entry<List<Integer>, double[]> e : acc.entrySet()) {
            List<Integer> key = e.getKey();
            int g = key.get(0);
            while (current < g) fb.beginGrain(++current);
            double[] plane = fitPlane(e.getValue());
            if (plane[4] > 1.0)
                throw new IllegalArgumentException("the boundary between grains " + g + " and " + key.get(1)
                    + " is not planar (face centres scatter " + String.format("%.1f", plane[4]) + " voxels around the fitted plane): "
                    + "a grain wraps around the periodic cell or is not convex; give the Voronoi seeds instead");
            fb.add(key.get(1), key.get(2), key.get(3), key.get(4), plane[0], plane[1], plane[2], plane[3]);
        }
        FacetTable facets = fb.build();
        int[] nearest = new int[labels.length];
        float[] dist = new float[labels.length];
        boundaryDistances(n, labels, refs, facets, false, nearest, dist, threads);
        return new Polycrystal(n, cellNm, grains, labels.clone(), refs, facets, nearest, dist, null, origin);
    }

    private static int compareKeys(List<Integer> a, List<Integer> b) {
        for (int q = 0; q < a.size(); q++) {
            int c = Integer.compare(a.get(q), b.get(q));
            if (c != 0) return c;
        }
        return 0;
    }

    /** Periodic centroid per grain (circular mean, refined by one minimum-image mean), with an extent check. */
    private static double[] centroids(int[] labels, int n, int grains) {
        double[] cs = new double[3 * grains], sn = new double[3 * grains];
        long[] cnt = new long[grains];
        double w = 2 * Math.PI / n;
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int g = labels[(k * n + j) * n + i];
                    double[] c = {i + 0.5, j + 0.5, k + 0.5};
                    for (int a = 0; a < 3; a++) {
                        cs[3 * g + a] += Math.cos(w * c[a]);
                        sn[3 * g + a] += Math.sin(w * c[a]);
                    }
                    cnt[g]++;
                }
        double[] ref = new double[3 * grains];
        for (int g = 0; g < grains; g++)
            for (int a = 0; a < 3; a++) {
                double ang = Math.atan2(sn[3 * g + a], cs[3 * g + a]);
                double v = ang / w;
                ref[3 * g + a] = v - n * Math.floor(v / n);
            }
        double[] sum = new double[3 * grains];
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int g = labels[(k * n + j) * n + i];
                    double[] c = {i + 0.5, j + 0.5, k + 0.5};
                    for (int a = 0; a < 3; a++) sum[3 * g + a] += mi(c[a] - ref[3 * g + a], n);
                }
        for (int g = 0; g < grains; g++) {
            if (cnt[g] == 0) continue;
            for (int a = 0; a < 3; a++) {
                double v = ref[3 * g + a] + sum[3 * g + a] / cnt[g];
                ref[3 * g + a] = v - n * Math.floor(v / n);
            }
        }
        return ref;
    }

    /** Adds the face centre, seen from grain g towards grain h, to the (g, h, image) accumulator. */
    private static void addFace(Map<List<Integer>, double[]> acc, double[] refs, int n, int g, int h,
                                double fx, double fy, double fz, int axis, int sign) {
        double rx = mi(fx - refs[3 * g], n), ry = mi(fy - refs[3 * g + 1], n), rz = mi(fz - refs[3 * g + 2], n);
        // position of h's centroid image adjacent to this face, relative to g's centroid
        double hx = rx + mi(refs[3 * h] - fx, n), hy = ry + mi(refs[3 * h + 1] - fy, n), hz = rz + mi(refs[3 * h + 2] - fz, n);
        // lattice offset of that image (same convention as Voronoi seed images)
        int sx = (int) Math.rint((hx - (refs[3 * h] - refs[3 * g])) / n);
        int sy = (int) Math.rint((hy - (refs[3 * h + 1] - refs[3 * g + 1])) / n);
        int sz = (int) Math.rint((hz - (refs[3 * h + 2] - refs[3 * g + 2])) / n);
        double[] a = acc.computeIfAbsent(List.of(g, h, sx, sy, sz), key -> new double[13]);
        a[0] += 1;
        a[1] += rx; a[2] += ry; a[3] += rz;
        a[4] += rx * rx; a[5] += ry * ry; a[6] += rz * rz; a[7] += rx * ry; a[8] += rx * rz; a[9] += ry * rz;
        a[10 + axis] += sign;
    }

    /** Least-squares plane (unit normal towards the neighbour, offset) through accumulated face centres. */
    private static double[] fitPlane(double[] a) {
        double m = a[0];
        double mx = a[1] / m, my = a[2] / m, mz = a[3] / m;
        double[] faceDir = {a[10], a[11], a[12]};
        double[] nrm;
        if (m >= 3) {
            double[][] cov = {
                {a[4] / m - mx * mx, a[7] / m - mx * my, a[8] / m - mx * mz},
                {a[7] / m - mx * my, a[5] / m - my * my, a[9] / m - my * mz},
                {a[8] / m - mx * mz, a[9] / m - my * mz, a[6] / m - mz * mz}};
            SymmetricEigen e = SymmetricEigen.of(cov);
            // a degenerate (collinear) set has two tiny eigenvalues: fall back on the face directions
            nrm = e.values()[1] > 1e-9 ? e.vectors()[0].clone() : faceDir.clone();
        } else {
            nrm = faceDir.clone();
        }
        double len = Math.sqrt(nrm[0] * nrm[0] + nrm[1] * nrm[1] + nrm[2] * nrm[2]);
        if (!(len > 0)) nrm = new double[] {faceDir[0] != 0 ? 1 : 0, faceDir[1] != 0 ? 1 : 0, faceDir[2] != 0 ? 1 : 0};
        len = Math.sqrt(nrm[0] * nrm[0] + nrm[1] * nrm[1] + nrm[2] * nrm[2]);
        for (int q = 0; q < 3; q++) nrm[q] /= len;
        if (nrm[0] * faceDir[0] + nrm[1] * faceDir[1] + nrm[2] * faceDir[2] < 0) for (int q = 0; q < 3; q++) nrm[q] = -nrm[q];
        double c = nrm[0] * mx + nrm[1] * my + nrm[2] * mz;
        // RMS distance of the face centres from the plane: ≤ ½ voxel for a staircased plane
        double msq = (a[4] * nrm[0] * nrm[0] + a[5] * nrm[1] * nrm[1] + a[6] * nrm[2] * nrm[2]
            + 2 * (a[7] * nrm[0] * nrm[1] + a[8] * nrm[0] * nrm[2] + a[9] * nrm[1] * nrm[2])) / m - c * c;
        return new double[] {nrm[0], nrm[1], nrm[2], c, Math.sqrt(Math.max(msq, 0))};
    }

    /**
     * Per voxel, the nearest facet of its grain and the distance to it. With {@code sorted}
     * facets (offsets ascending, Voronoi), the scan stops once offset − |x| exceeds the best
     * distance found, which no later plane can beat.
     */
    static void boundaryDistances(int n, int[] labels, double[] refs, FacetTable facets, boolean sorted,
                                  int[] nearest, float[] dist, int threads) {
        try (SlabRunner runner = new SlabRunner(threads)) {
            runner.run(n, (chunk, k0, k1) -> {
                for (int k = k0; k < k1; k++)
                    for (int j = 0; j < n; j++)
                        for (int i = 0; i < n; i++) {
                            int v = (k * n + j) * n + i;
                            int g = labels[v];
                            double x = mi(i + 0.5 - refs[3 * g], n), y = mi(j + 0.5 - refs[3 * g + 1], n), z = mi(k + 0.5 - refs[3 * g + 2], n);
                            double r = Math.sqrt(x * x + y * y + z * z);
                            double best = Double.POSITIVE_INFINITY;
                            int bf = -1;
                            for (int f = facets.start(g), end = facets.end(g); f < end; f++) {
                                double c = facets.offset(f);
                                if (sorted && c - r >= best) break;
                                double t = c - (facets.nx(f) * x + facets.ny(f) * y + facets.nz(f) * z);
                                if (t < best) {
                                    best = t;
                                    bf = f;
                                }
                            }
                            nearest[v] = bf;
                            dist[v] = (float) best;
                        }
            });
        }
    }

    static double mi(double d, int n) {
        return d - n * Math.rint(d / n);
    }

    private static void checkGrid(int n, double cellNm) {
        if (n < 2) throw new IllegalArgumentException("grid must be ≥ 2 voxels per axis, got " + n);
        if ((long) n * n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("grid " + n + "³ exceeds one Java array (max 1290³)");
        if (!(cellNm > 0) || !Double.isFinite(cellNm)) throw new IllegalArgumentException("cell size must be positive, got " + cellNm + " nm");
    }
}
