package io.ionstream.actors.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.store.RecordLog;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.Cell;
import io.ionstream.proto.v1.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GB width from a run's frames: a species whose per-atom energy is a known sum of Gaussians
 * of width σ at two planes (an external field, so the reference is exact), sampled by atoms
 * spread uniformly along z, gives δ = 6σ (up to the bin's own width, √(σ² + h²/12)) and the
 * peaks at the planes; atoms of other species do not enter the profile.
 */
class GbWidthFitTest {
    @TempDir Path dir;

    private static final double SIGMA = 2.0, LZ = 40, DEPTH = 0.3;
    private static final double[] PLANES = {10.0, 30.0};

    /** E_i = −A Σ_planes Σ_images exp(−(z − z_p − nL)² / 2σ²) for Li; Cl gets ten times that (it must not count). */
    private static final class Field implements Potential {
        @Override public String name() { return "gaussian-field"; }
        @Override public double cutoff() { return 0; }
        @Override public NeighborMode neighborMode() { return NeighborMode.NONE; }
        @Override public void validate(SpeciesTable species) {}

        @Override
        public void compute(ForceContext ctx, ForceOutput out) {
            for (int i = 0; i < ctx.nlocal; i++) {
                double z = ctx.x[3 * i + 2] - ctx.box.zlo(), e = 0;
                for (double p : PLANES) {
                    for (int n = -1; n <= 1; n++) {
                        double d = z - p - n * ctx.box.lz();
                        e -= DEPTH * Math.exp(-d * d / (2 * SIGMA * SIGMA));
                    }
                }
                if (ctx.species.symbol(ctx.type[i]).equals("Cl")) e *= 10;
                out.energy += e;
                if (out.eatom != null) out.eatom[i] += e;
            }
        }
    }

    @Test
    void sixSigmaOfTheEnergyProfile() throws Exception {
        SpeciesTable species = SpeciesTable.of("Li", "Cl");
        AtomSystem sys = new AtomSystem(species, Box.orthorhombic(6, 6, LZ), 6 * 6 * 40);
        Random rnd = new Random(3);
        // one atom per 1 Å cube, jittered within it: uniform along z, never closer than 0.5 Å
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) for (int k = 0; k < 40; k++) {
            sys.add((i + j + k) % 5 == 0 ? 1 : 0, i + 0.5, j + 0.5, k + 0.5);
        }
        for (int a = 0; a < sys.size(); a++) sys.id()[a] = a + 1;
        AtomState initial = AtomState.capture(sys);
        StreamLog<Frame> frames = new StreamLog<>(RecordLog.open(dir.resolve("frames.log")), Frame.parser(), 64, Runnable::run, Runnable::run);
        for (int f = 0; f < 8; f++) {
            Frame.Builder b = Frame.newBuilder().setIndex(f).setStep(10L * f)
                .setCell(Cell.newBuilder().setLx(6).setLy(6).setLz(LZ));
            for (int a = 0; a < initial.n(); a++) {
                for (int d = 0; d < 3; d++) b.addPositions(initial.x()[3 * a + d] + 0.5 * (rnd.nextDouble() - 0.5));
                b.addImages(0).addImages(0).addImages(0);
            }
            frames.publish(b.build());
        }
        double bin = 1.0;
        List<Long> all = new ArrayList<>();
        for (long k = 0; k < 8; k++) all.add(k);
        GbWidthFit w = GbWidthFit.fit(frames, all, initial, ForceField.of(new Field()), NeighborSettings.withSkin(1.0),
            new boolean[] {true, false}, new double[] {PLANES[0] / LZ, PLANES[1] / LZ}, bin);
        double expected = 6 * Math.sqrt(SIGMA * SIGMA + bin * bin / 12);
        assertEquals(expected, w.widthA(), 0.03 * expected, "δ = 6σ of the binned profile");
        assertTrue(w.errorA() > 0 && w.errorA() < 0.05 * expected, "error " + w.errorA());
        assertEquals(8, w.frames());
        assertEquals(40, w.z().length);
        // the deepest bins sit at the planes; Cl (ten times deeper) is not in the profile
        int lo = 0;
        for (int b = 0; b < 20; b++) if (w.energy()[b] < w.energy()[lo]) lo = b;
        assertEquals(PLANES[0], w.z()[lo], 0.5 + 1e-9);
        assertTrue(w.energy()[lo] > -1.5 * DEPTH, "Li only: " + w.energy()[lo]);

        // a profile with empty slabs is refused with the way out
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GbWidthFit.fit(frames, all, initial,
            ForceField.of(new Field()), NeighborSettings.withSkin(1.0), new boolean[] {false, true}, new double[] {0.25, 0.75}, 0.2));
        assertTrue(e.getMessage().contains("profile_bin_a"), e.getMessage());
    }
}
