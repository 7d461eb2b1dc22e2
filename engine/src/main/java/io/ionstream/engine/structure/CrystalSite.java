package io.ionstream.engine.structure;

/**
 * One atom site of a crystal's conventional cell: species, Wyckoff label and fractional
 * position. A <em>split</em> site (e.g. Li on the two 48h positions flanking a 24g site) has
 * {@code alternatives}: exactly one of them is occupied in a built structure, and
 * {@code position} is their centre, used to decide which cell and slab the site belongs to.
 * An optional {@code anchor} is the centre of the bonded unit the site belongs to (the P of a
 * PS4 sulfur, the caged S of a Li): slabs cut "by unit" keep such units whole.
 */
public record CrystalSite(String species, String wyckoff, double[] position, double[][] alternatives, double[] anchor) {
    public CrystalSite {
        if (position.length != 3) throw new IllegalArgumentException("site position needs 3 coordinates");
        position = position.clone();
        if (alternatives != null) {
            if (alternatives.length < 2) {
                throw new IllegalArgumentException("split site " + species + " " + wyckoff + " needs at least two alternatives");
            }
            double[][] c = new double[alternatives.length][];
            for (int k = 0; k < c.length; k++) c[k] = alternatives[k].clone();
            alternatives = c;
        }
        if (anchor != null) {
            if (anchor.length != 3) throw new IllegalArgumentException("site anchor needs 3 coordinates");
            anchor = anchor.clone();
        }
    }

    public CrystalSite(String species, String wyckoff, double[] position) {
        this(species, wyckoff, position, null, null);
    }

    public boolean isSplit() { return alternatives != null; }

    /** The positions an atom of this site can take: the alternatives, or the one position. */
    public double[][] candidates() {
        return alternatives != null ? alternatives : new double[][] {position};
    }

    /** Where the site counts as being when a slab is cut by bonded unit: the anchor, or the position. */
    public double[] unitCentre() { return anchor != null ? anchor.clone() : position.clone(); }

    /** The same site bound to a unit centred at {@code a} (fractional, unwrapped: the nearest image). */
    public CrystalSite withAnchor(double[] a) { return new CrystalSite(species, wyckoff, position, alternatives, a); }
}
