package io.ionstream.actors.campaign;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.engine.analysis.gb.GaussianPeaks;
import io.ionstream.engine.analysis.live.ZProfile;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.proto.v1.Cell;
import io.ionstream.proto.v1.Frame;
import java.util.List;

/**
 * The GB width of seed 001 from a finished run: the per-atom potential energy of the diffusing
 * species, evaluated with the run's own force field on some of its sampling frames, averaged in
 * z slabs (fractions of the cell height, so the bins follow Lz), and fitted with one periodic
 * Gaussian per GB plane; δ = 6σ, averaged over the planes.
 *
 * @param widthA   mean δ (Å) and its standard error
 * @param z        bin centres (Å from the cell's bottom, mean cell height) and the mean energies (eV)
 */
record GbWidthFit(double widthA, double errorA, double[] z, double[] energy, int frames) {

    /**
     * @param frames     the run's frame log; {@code indices} the frames to evaluate
     * @param initial    the run's atoms (species, types, ids, charges in canonical order)
     * @param species    per type: whether it is a diffusing species
     * @param planesFrac GB planes as fractions of the cell height (from the cell's bottom)
     */
    static GbWidthFit fit(StreamLog<Frame> frames, List<Long> indices, AtomState initial, ForceField field, NeighborSettings neighbors,
                          boolean[] species, double[] planesFrac, double binA) {
        if (indices.isEmpty()) throw new IllegalArgumentException("no frames for the per-atom energy profile");
        int bins = 0;
        double[] sum = null, count = null;
        double meanLz = 0;
        for (long index : indices) {
            Frame f = frames.get(index);
            Cell c = f.getCell();
            if (sum == null) {
                bins = ZProfile.binsFor(c.getLz(), binA);
                if (bins < 3 * planesFrac.length + 2) bins = 3 * planesFrac.length + 2;
                sum = new double[bins];
                count = new double[bins];
            }
            meanLz += c.getLz() / indices.size();
            AtomSystem sys = initial.toSystem();
            sys.box().set(c.getXlo(), c.getYlo(), c.getZlo(), c.getLx(), c.getLy(), c.getLz(), c.getXy(), c.getXz(), c.getYz());
            double[] x = sys.x();
            for (int k = 0; k < 3 * sys.size(); k++) x[k] = f.getPositions(k);
            ForceEngine engine = new ForceEngine(sys, field, neighbors);
            engine.setPerAtomEnergy(true);
            engine.compute();
            double[] e = engine.perAtomEnergy();
            int[] type = sys.type();
            for (int i = 0; i < sys.size(); i++) {
                if (!species[type[i]]) continue;
                double s = (x[3 * i + 2] - c.getZlo()) / c.getLz();
                s -= Math.floor(s);
                int b = Math.min(bins - 1, (int) (s * bins));
                sum[b] += e[i];
                count[b]++;
            }
        }
        double[] z = new double[bins], energy = new double[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                throw new IllegalArgumentException("slab " + b + " of " + bins + " along z holds no atom of the diffusing species: "
                    + "use wider bins (campaign.diffusion.profile_bin_a) or give gb_width_a");
            }
            z[b] = (b + 0.5) * meanLz / bins;
            energy[b] = sum[b] / count[b];
        }
        double[] centres = new double[planesFrac.length];
        for (int k = 0; k < centres.length; k++) centres[k] = (planesFrac[k] - Math.floor(planesFrac[k])) * meanLz;
        GaussianPeaks peaks = GaussianPeaks.fit(z, energy, meanLz, centres);
        return new GbWidthFit(peaks.meanWidth(), peaks.meanWidthError(), z, energy, indices.size());
    }
}
