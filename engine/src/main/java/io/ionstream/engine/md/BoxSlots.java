package io.ionstream.engine.md;

import io.ionstream.engine.system.Box;

/** A cell stored in 9 slots of a globals vector: xlo, ylo, zlo, lx, ly, lz, xy, xz, yz. */
final class BoxSlots {
    static final int SIZE = 9;
    static final int XLO = 0, LX = 3, XY = 6, XZ = 7, YZ = 8;

    private BoxSlots() {}

    static void store(Box b, double[] g, int o) {
        g[o] = b.xlo(); g[o + 1] = b.ylo(); g[o + 2] = b.zlo();
        g[o + 3] = b.lx(); g[o + 4] = b.ly(); g[o + 5] = b.lz();
        g[o + 6] = b.xy(); g[o + 7] = b.xz(); g[o + 8] = b.yz();
    }

    static void load(double[] g, int o, Box into) {
        into.set(g[o], g[o + 1], g[o + 2], g[o + 3], g[o + 4], g[o + 5], g[o + 6], g[o + 7], g[o + 8]);
    }

    static double volume(double[] g, int o) {
        return g[o + 3] * g[o + 4] * g[o + 5];
    }

    static void copy(double[] g, int from, int to) {
        System.arraycopy(g, from, g, to, SIZE);
    }
}
