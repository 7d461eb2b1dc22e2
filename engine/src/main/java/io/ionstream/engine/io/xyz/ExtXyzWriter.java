package io.ionstream.engine.io.xyz;

import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes extended XYZ frames that ASE, OVITO and our {@link ExtXyzReader} read, in our frame
 * (the LAMMPS-aligned cell), every number with the shortest text that reads back to the same
 * double.
 *
 * <p>Always {@code species:S:1:pos:R:3}; then, when they carry information, {@code id:I:1}
 * (ids other than 1..n), {@code masses:R:1} (a species mass that is not the standard atomic
 * weight), {@code velocities:R:3} (Å/ps) together with ASE's {@code momenta:R:3} (ASE units, so
 * that ASE sees the velocities), {@code forces:R:3}, {@code initial_charges:R:1} and
 * {@code image:I:3} (always, after {@link #alwaysImages()}, as trajectories need). The comment
 * line holds {@code Lattice}, {@code Properties}, {@code species_order} (the species table, so
 * that types read back in order), {@code Origin} when the cell does not start at 0,
 * {@code pbc="T T T"} and the caller's info entries.
 */
public final class ExtXyzWriter implements AutoCloseable {
    private static final double ASE_TIME_PS = Math.sqrt(MetalUnits.MVV2E);
    private static final String[] RESERVED = {"Lattice", "Properties", "pbc", "Origin", "species_order"};

    private final Writer out;
    private boolean alwaysImages;

    public ExtXyzWriter(Writer out) {
        this.out = out;
    }

    /** A writer to a file ({@code .gz} compressed by name); frames are appended until closed. */
    public static ExtXyzWriter open(Path file) {
        return new ExtXyzWriter(TextFiles.writer(file));
    }

    /** Writes one structure as a single-frame file. */
    public static void write(AtomSystem sys, Map<String, String> info, Path file) {
        try (ExtXyzWriter w = open(file)) {
            w.write(sys, info);
        }
    }

    /** Write image flags in every frame, even when they are all zero (trajectories). */
    public ExtXyzWriter alwaysImages() {
        this.alwaysImages = true;
        return this;
    }

    /** Writes a trajectory frame with its MD step and time (entries {@code step}, {@code time_ps}). */
    public void write(AtomSystem sys, long step, double timePs) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("step", Long.toString(step));
        info.put("time_ps", Double.toString(timePs));
        write(sys, info);
    }

    /** Writes one frame; {@code info} (may be null) adds comment-line entries in its order. */
    public void write(AtomSystem sys, Map<String, String> info) {
        int n = sys.size();
        SpeciesTable sp = sys.species();
        for (String s : sp.symbols()) {
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) <= ' ' || s.charAt(k) == '"') throw new IllegalArgumentException("species name '" + s + "' cannot be written to extxyz");
            }
        }
        boolean ids = false, masses = false;
        for (int i = 0; i < n && !ids; i++) ids = sys.id()[i] != i + 1;
        for (int t = 0; t < sp.size() && !masses; t++) {
            masses = !Elements.isElement(sp.symbol(t)) || Elements.mass(sp.symbol(t)) != sp.mass(t);
        }
        boolean vel = anyNonZero(sys.v(), 3 * n), force = anyNonZero(sys.f(), 3 * n), charge = anyNonZero(sys.q(), n);
        boolean image = alwaysImages;
        for (int k = 0; k < 3 * n && !image; k++) image = sys.image()[k] != 0;

        StringBuilder props = new StringBuilder("species:S:1:pos:R:3");
        if (ids) props.append(":id:I:1");
        if (masses) props.append(":masses:R:1");
        if (vel) props.append(":velocities:R:3:momenta:R:3");
        if (force) props.append(":forces:R:3");
        if (charge) props.append(":initial_charges:R:1");
        if (image) props.append(":image:I:3");

        Box b = sys.box();
        StringBuilder sb = new StringBuilder(256 + n * 64);
        sb.append(n).append('\n');
        sb.append("Lattice=\"").append(b.lx()).append(" 0.0 0.0 ").append(b.xy()).append(' ').append(b.ly()).append(" 0.0 ")
            .append(b.xz()).append(' ').append(b.yz()).append(' ').append(b.lz()).append('"');
        sb.append(" Properties=").append(props);
        sb.append(" species_order=").append(ExtXyzComment.quote(String.join(" ", sp.symbols())));
        if (b.xlo() != 0 || b.ylo() != 0 || b.zlo() != 0) {
            sb.append(" Origin=\"").append(b.xlo()).append(' ').append(b.ylo()).append(' ').append(b.zlo()).append('"');
        }
        sb.append(" pbc=\"T T T\"");
        if (info != null) {
            for (Map.Entry<String, String> e : info.entrySet()) {
                for (String r : RESERVED) {
                    if (r.equalsIgnoreCase(e.getKey())) throw new IllegalArgumentException("info key '" + e.getKey() + "' is written by the writer itself");
                }
                if (e.getKey().isEmpty() || !ExtXyzComment.quote(e.getKey()).equals(e.getKey())) {
                    throw new IllegalArgumentException("info key '" + e.getKey() + "' must be a single word");
                }
                sb.append(' ').append(e.getKey()).append('=').append(ExtXyzComment.quote(e.getValue()));
            }
        }
        sb.append('\n');
        double[] x = sys.x(), v = sys.v(), f = sys.f();
        for (int i = 0; i < n; i++) {
            int t = sys.type()[i], k = 3 * i;
            if (!(Double.isFinite(x[k]) && Double.isFinite(x[k + 1]) && Double.isFinite(x[k + 2]))) {
                throw new IllegalArgumentException("atom " + sys.id()[i] + " has a non-finite position; refusing to write it");
            }
            sb.append(sp.symbol(t)).append(' ').append(x[k]).append(' ').append(x[k + 1]).append(' ').append(x[k + 2]);
            if (ids) sb.append(' ').append(sys.id()[i]);
            if (masses) sb.append(' ').append(sp.mass(t));
            if (vel) {
                sb.append(' ').append(v[k]).append(' ').append(v[k + 1]).append(' ').append(v[k + 2]);
                double p = sp.mass(t) * ASE_TIME_PS;
                sb.append(' ').append(v[k] * p).append(' ').append(v[k + 1] * p).append(' ').append(v[k + 2] * p);
            }
            if (force) sb.append(' ').append(f[k]).append(' ').append(f[k + 1]).append(' ').append(f[k + 2]);
            if (charge) sb.append(' ').append(sys.q()[i]);
            if (image) {
                int[] im = sys.image();
                sb.append(' ').append(im[k]).append(' ').append(im[k + 1]).append(' ').append(im[k + 2]);
            }
            sb.append('\n');
        }
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean anyNonZero(double[] a, int n) {
        for (int k = 0; k < n; k++) if (a[k] != 0) return true;
        return false;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
