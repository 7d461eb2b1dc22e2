package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.Box;

/**
 * A px × py × pz grid of equal subdomains in fractional (cell) coordinates: subdomain (a, b, c)
 * owns the fractional box [a/px, (a+1)/px) × [b/py, (b+1)/py) × [c/pz, (c+1)/pz). Working in
 * fractional coordinates makes the same grid valid for triclinic cells and for cells that a
 * barostat deforms. Subdomain indices run with a fastest: {@code (c·py + b)·px + a}.
 */
public record DomainGrid(int px, int py, int pz) {
    public DomainGrid {
        if (px < 1 || py < 1 || pz < 1) {
            throw new IllegalArgumentException("domain grid needs at least one cell per dimension, got " + px + "x" + py + "x" + pz);
        }
    }

    /**
     * The grid of {@code n} subdomains for this cell that minimises the volume each subdomain
     * covers including its halo, Π_d (w_d/p_d + 2h) with w_d the perpendicular widths of the cell
     * and h the halo width: the ghost atoms a subdomain receives, computes and sends back. Every
     * factorisation of n is tried (n need not be a power of two); ties prefer cuts along c, then b,
     * so that consecutive indices form slabs.
     */
    public static DomainGrid choose(Box box, int n, double halo) {
        if (n < 1) throw new IllegalArgumentException("number of subdomains must be >= 1, got " + n);
        if (!(halo >= 0) || !Double.isFinite(halo)) throw new IllegalArgumentException("halo width must be >= 0, got " + halo);
        double[] w = box.perpendicularWidths();
        DomainGrid best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int pz = n; pz >= 1; pz--) {
            if (n % pz != 0) continue;
            int rest = n / pz;
            for (int py = rest; py >= 1; py--) {
                if (rest % py != 0) continue;
                int px = rest / py;
                double cost = (w[0] / px + 2 * halo) * (w[1] / py + 2 * halo) * (w[2] / pz + 2 * halo);
                if (cost < bestCost * (1 - 1e-12)) {
                    bestCost = cost;
                    best = new DomainGrid(px, py, pz);
                }
            }
        }
        return best;
    }

    public int count() { return px * py * pz; }

    /** Number of cells along dimension d (0 = a, 1 = b, 2 = c). */
    public int cells(int d) {
        return switch (d) {
            case 0 -> px;
            case 1 -> py;
            case 2 -> pz;
            default -> throw new IllegalArgumentException("dimension " + d);
        };
    }

    public int index(int a, int b, int c) {
        return (c * py + b) * px + a;
    }

    /** Grid coordinate of subdomain {@code index} along dimension d. */
    public int coord(int index, int d) {
        return switch (d) {
            case 0 -> index % px;
            case 1 -> (index / px) % py;
            case 2 -> index / (px * py);
            default -> throw new IllegalArgumentException("dimension " + d);
        };
    }

    /** Cell along one dimension that owns fractional coordinate s (clamped, so round-off at 0 and 1 stays inside). */
    public static int cellOf(double s, int cells) {
        int k = (int) Math.floor(s * cells);
        return k < 0 ? 0 : (k >= cells ? cells - 1 : k);
    }

    /** The subdomain owning fractional position (sa, sb, sc) of a wrapped atom. */
    public int ownerOf(double sa, double sb, double sc) {
        return index(cellOf(sa, px), cellOf(sb, py), cellOf(sc, pz));
    }

    @Override
    public String toString() {
        return px + "x" + py + "x" + pz;
    }
}
