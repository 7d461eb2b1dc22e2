package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.system.Box;

/**
 * Makes positions continuous in time. Frames that are already unwrapped pass through; wrapped
 * frames are unwrapped from the previous frame by the minimum-image displacement in fractional
 * coordinates (so a changing cell is handled), which is only unambiguous while no atom moves
 * more than a fraction of the cell between frames: beyond {@link #MAX_STEP_FRACTION} of the
 * smallest cell width the unwrap is refused with a message naming the atom and the frame.
 */
public final class Unwrapper {
    /** Largest accepted per-frame displacement as a fraction of the smallest cell width. */
    public static final double MAX_STEP_FRACTION = 0.35;

    private final int atoms;
    private final double[] prevFrac;
    private final double[] unwrappedFrac;
    private final double[] prevCart;
    private boolean started;
    private final double[] tmp = new double[3];

    public Unwrapper(int atoms) {
        this.atoms = atoms;
        this.prevFrac = new double[3 * atoms];
        this.unwrappedFrac = new double[3 * atoms];
        this.prevCart = new double[3 * atoms];
    }

    /**
     * Unwraps one frame (positions in id order) into {@code out}. {@code where} names the frame
     * in error messages; {@code ids} name the atoms.
     */
    public void next(double[] x, boolean alreadyUnwrapped, Box box, long[] ids, String where, double[] out) {
        if (alreadyUnwrapped) {
            if (started) checkContinuity(x, box, ids, where);
            System.arraycopy(x, 0, out, 0, 3 * atoms);
            for (int i = 0; i < atoms; i++) box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], unwrappedFrac, 3 * i);
        } else if (!started) {
            System.arraycopy(x, 0, out, 0, 3 * atoms);
            for (int i = 0; i < atoms; i++) box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], unwrappedFrac, 3 * i);
        } else {
            double limit = MAX_STEP_FRACTION * box.minPerpendicularWidth();
            for (int i = 0; i < atoms; i++) {
                int k = 3 * i;
                box.toFractional(x[k], x[k + 1], x[k + 2], tmp, 0);
                double dsx = tmp[0] - prevFrac[k], dsy = tmp[1] - prevFrac[k + 1], dsz = tmp[2] - prevFrac[k + 2];
                dsx -= Math.rint(dsx);
                dsy -= Math.rint(dsy);
                dsz -= Math.rint(dsz);
                double dx = box.lx() * dsx + box.xy() * dsy + box.xz() * dsz;
                double dy = box.ly() * dsy + box.yz() * dsz;
                double dz = box.lz() * dsz;
                double step = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (step > limit) {
                    throw new IllegalArgumentException(String.format(
                        "%s: atom id %d moved %.3g Å since the previous frame, more than %.0f %% of the smallest cell width "
                            + "(%.4g Å): wrapped coordinates cannot be unwrapped unambiguously; write unwrapped coordinates "
                            + "(xu yu zu or image flags) or save frames more often",
                        where, ids[i], step, 100 * MAX_STEP_FRACTION, box.minPerpendicularWidth()));
                }
                unwrappedFrac[k] += dsx;
                unwrappedFrac[k + 1] += dsy;
                unwrappedFrac[k + 2] += dsz;
                box.toCartesian(unwrappedFrac[k], unwrappedFrac[k + 1], unwrappedFrac[k + 2], out, k);
                // keep origin shifts of the cell (xlo) out of the displacement: toCartesian adds them back
            }
        }
        for (int i = 0; i < atoms; i++) box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], prevFrac, 3 * i);
        System.arraycopy(out, 0, prevCart, 0, 3 * atoms);
        started = true;
    }

    private void checkContinuity(double[] x, Box box, long[] ids, String where) {
        double limit = MAX_STEP_FRACTION * box.minPerpendicularWidth();
        for (int i = 0; i < atoms; i++) {
            int k = 3 * i;
            double dx = x[k] - prevCart[k], dy = x[k + 1] - prevCart[k + 1], dz = x[k + 2] - prevCart[k + 2];
            double step = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (step > limit) {
                throw new IllegalArgumentException(String.format(
                    "%s: unwrapped coordinates of atom id %d jump by %.3g Å from the previous frame: the files are not "
                        + "consecutive pieces of one trajectory", where, ids[i], step));
            }
        }
    }
}
