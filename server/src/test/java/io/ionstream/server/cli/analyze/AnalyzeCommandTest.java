package io.ionstream.server.cli.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ionstream.engine.units.MetalUnits;
import io.ionstream.server.cli.Console;
import io.ionstream.server.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ionstream analyze …} driven in-process on synthetic files with known answers. */
class AnalyzeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... argv) {
        out.reset();
        err.reset();
        return Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /**
     * LAMMPS-style dump (id type x y z c_pe, wrapped) of Li random walkers with diffusion
     * coefficient dFast within 5 Å of z = 15 and 45, dSlow elsewhere, moving only in x-y, and a
     * framework of type 2 atoms; the whole system drifts rigidly along x; per-atom energies peak at the planes.
     */
    static Path bicrystalDump(Path dir, String name, int atoms, int frames, double dFast, double dSlow, int skipAtomInFrame)
        throws Exception {
        double lx = 30, ly = 30, lz = 60, dt = 0.1; // ps per frame, timestep 0.001 ps, 100 steps per frame
        SplittableRandom rng = new SplittableRandom(42);
        double[][] x = new double[atoms][3];
        for (int i = 0; i < atoms; i++) {
            x[i][0] = rng.nextDouble() * lx;
            x[i][1] = rng.nextDouble() * ly;
            x[i][2] = (i + 0.5) * lz / atoms;
        }
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < frames; f++) {
            int n = f == skipAtomInFrame ? atoms + 9 : atoms + 10;
            sb.append("ITEM: TIMESTEP\n").append(100L * f).append("\nITEM: NUMBER OF ATOMS\n").append(n).append('\n');
            sb.append("ITEM: BOX BOUNDS pp pp pp\n0 ").append(lx).append("\n0 ").append(ly).append("\n0 ").append(lz).append('\n');
            sb.append("ITEM: ATOMS id type x y z c_pe\n");
            for (int i = 0; i < atoms; i++) {
                double d = Math.min(Math.abs(x[i][2] - 15), Math.abs(x[i][2] - 45));
                double pe = -3.0 + 0.05 * (Math.exp(-sq(x[i][2] - 15) / (2 * 16)) + Math.exp(-sq(x[i][2] - 45) / (2 * 16)));
                // everything drifts with the framework; drift removal must take it out again
                sb.append(String.format(Locale.ROOT, "%d 1 %.8f %.8f %.8f %.8f%n", i + 1, wrap(x[i][0] + 0.01 * f, lx), wrap(x[i][1], ly),
                    x[i][2], pe));
                double sd = Math.sqrt(2 * (d < 5 ? dFast : dSlow) * dt);
                x[i][0] += sd * gaussian(rng);
                x[i][1] += sd * gaussian(rng);
            }
            for (int k = 0; k < 10 && atoms + k < n + 0 && k < n - atoms; k++) {
                sb.append(String.format(Locale.ROOT, "%d 2 %.8f %.8f %.8f -4.0%n", atoms + k + 1, wrap(3 * k + 0.01 * f, lx), 15.0, 30.0));
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private static double sq(double v) { return v * v; }

    private static double wrap(double v, double l) { return v - l * Math.floor(v / l); }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void diffusionReportsDWithErrorAsJsonAndWritesFiles(@TempDir Path dir) throws Exception {
        Path dump = bicrystalDump(dir, "walk.dump", 300, 200, 0.5, 0.5, -1);
        String prefix = dir.resolve("li").toString();
        int code = run("analyze", "diffusion", "--species", "Li", "--types", "Li,S", "--timestep", "0.001", "--window", "2:10",
            "--out", prefix, "--json", dump.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = json();
        // in-plane random walk with D = 0.5 Å²/ps: the 3-D D is 2/3 of it, ∥ D is 0.5
        double toA2 = 1 / MetalUnits.A2_PER_PS_TO_CM2_PER_S;
        assertEquals(0.5, j.get("D_parallel_cm2_s").asDouble() * toA2, 4 * j.get("D_parallel_err_cm2_s").asDouble() * toA2);
        assertEquals(0.5 * 2 / 3, j.get("D_cm2_s").asDouble() * toA2, 4 * j.get("D_err_cm2_s").asDouble() * toA2);
        assertTrue(j.get("normal").asBoolean(), j.toString());
        assertEquals(2.0, j.get("window_ps").get(0).asDouble(), 1e-9);
        assertEquals(10.0, j.get("window_ps").get(1).asDouble(), 1e-9);
        assertTrue(j.get("drift").asText().startsWith("framework"));
        for (String f : new String[] {"li-msd.csv", "li-msd.svg", "li-msd.png"}) assertTrue(Files.size(dir.resolve(f)) > 100, f);
        assertEquals(0, run("analyze", "diffusion", "--species", "Li", "--types", "Li,S", "--timestep", "0.001", dump.toString()));
        assertTrue(out.toString().contains("verdict"), out.toString());
    }

    @Test
    void badInputGetsClearMessagesAndExitCodes(@TempDir Path dir) throws Exception {
        Path bad = bicrystalDump(dir, "bad.dump", 50, 20, 0.5, 0.5, 7);
        assertEquals(1, run("analyze", "diffusion", "--species", "Li", "--types", "Li,S", "--timestep", "0.001", bad.toString()));
        assertTrue(err.toString().contains("frame 8") && err.toString().contains("atoms"), err.toString());
        Path ok = bicrystalDump(dir, "ok.dump", 50, 20, 0.5, 0.5, -1);
        assertEquals(2, run("analyze", "diffusion", "--types", "Li,S", ok.toString()));
        assertTrue(err.toString().contains("--species"), err.toString());
        assertEquals(1, run("analyze", "diffusion", "--species", "Li", "--types", "Li,S", "--timestep", "0.001", "--window", "0.1:0.25",
            ok.toString()));
        assertTrue(err.toString().contains("too few MSD points"), err.toString());
        assertEquals(1, run("analyze", "diffusion", "--species", "Li", "--types", "Li,S", ok.toString()));
        assertTrue(err.toString().contains("time step"), "a dump without --timestep has no times: " + err);
        assertEquals(2, run("analyze", "nonsense"));
        assertEquals(2, run("analyze", "arrhenius", "--points", "400:1e-6,500"));
    }

    @Test
    void arrheniusFitExtrapolatesAndConverts() throws Exception {
        double d0 = 3.3e-3, ea = 0.384;
        StringBuilder pts = new StringBuilder();
        for (int t = 400; t <= 600; t += 50) {
            double d = d0 * Math.exp(-ea / (MetalUnits.BOLTZ * t));
            if (pts.length() > 0) pts.append(',');
            pts.append(t).append(':').append(d).append(':').append(0.05 * d);
        }
        assertEquals(0, run("analyze", "arrhenius", "--points", pts.toString(), "--json"), err.toString());
        JsonNode j = json();
        assertEquals(ea, j.get("Ea_eV").asDouble(), 1e-9);
        assertEquals(d0, j.get("D0_cm2_s").asDouble(), 1e-9 * d0);
        double d300 = d0 * Math.exp(-ea / (MetalUnits.BOLTZ * 300));
        assertEquals(d300, j.get("D_T_cm2_s").asDouble(), 1e-9 * d300);
        assertTrue(j.get("D_T_err_cm2_s").asDouble() > 0);
        assertTrue(j.get("sigma_T_mS_cm").asDouble() > 0);
    }

    @Test
    void gbFindsTheWidthAndDecomposesTheDiffusion(@TempDir Path dir) throws Exception {
        // GB slabs |z − plane| < 5 Å with D_GB = 2, bulk 0.2 Å²/ps in-plane; energy peaks σ = 4 Å
        Path dump = bicrystalDump(dir, "gb.dump", 600, 150, 2.0, 0.2, -1);
        double toCm2 = MetalUnits.A2_PER_PS_TO_CM2_PER_S;
        int code = run("analyze", "gb", "--planes", "15,45", "--types", "Li,S", "--timestep", "0.001", "--energy-column", "c_pe",
            "--bin", "2", "--slab", "5", "--window", "2:8", "--width", "10", "--bulk-d-par", String.valueOf(0.2 * toCm2), "--json",
            "--out", dir.resolve("gb").toString(), dump.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = json();
        // --width overrides the fitted width; the fit itself is checked through the profile file
        assertEquals(10, j.get("gb_width_A").asDouble(), 1e-12);
        assertEquals(10.0 / 30, j.get("tau").asDouble(), 1e-12);
        double dGb = j.get("D_gb_par_cm2_s").asDouble() / toCm2;
        assertEquals(2.0, dGb, 4 * j.get("D_gb_par_err_cm2_s").asDouble() / toCm2 + 0.1);
        JsonNode gbRegion = j.get("regions").get(0);
        assertEquals("GB", gbRegion.get("region").asText());
        assertEquals(200, gbRegion.get("atoms").asInt());
        assertTrue(Files.readString(dir.resolve("gb-profile.csv")).startsWith("z_A,energy_eV,gaussian_fit_eV"));

        assertEquals(0, run("analyze", "gb", "--planes", "15,45", "--types", "Li,S", "--timestep", "0.001", "--energy-column", "c_pe",
            "--bin", "2", "--window", "2:8", "--json", dump.toString()), err.toString());
        assertEquals(6 * 4.0, json().get("gb_width_A").asDouble(), 0.5, "δ = 6σ of the σ = 4 Å energy peaks");
    }

    @Test
    void seiFitsGrowthLawsFromATable(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("t_ps,alpha,crystallinity\n");
        for (int i = 1; i <= 300; i++) {
            double t = 2.0 * i;
            double a = Math.min(0.95, 0.1 + 0.13 * Math.log(t));
            double c = t < 10 ? 0 : Math.min(a, 0.03 * Math.sqrt(t - 10));
            sb.append(t).append(',').append(a).append(',').append(c).append('\n');
        }
        Path table = dir.resolve("sei.csv");
        Files.writeString(table, sb.toString());
        assertEquals(0, run("analyze", "sei", "--table", table.toString(), "--json"), err.toString());
        JsonNode j = json();
        assertEquals("1/2", j.get("crystallinity_preferred_p").asText());
        assertTrue(j.get("alpha_log_b").asDouble() > 0.1);
        assertTrue(j.get("onset_ps").asDouble() >= 10 && j.get("onset_ps").asDouble() <= 12, j.toString());
    }

    /** The real external case through the command line: gzip XDATCAR pieces of one AIMD run. */
    @Test
    void diffusionOfMorgansDisorderedArgyroditeFromXdatcar() throws Exception {
        Path dir = Path.of("..", "..", "shared", "external-trajectories", "morgan-argyrodite-aimd");
        if (!Files.isDirectory(dir)) dir = Path.of("..", "shared", "external-trajectories", "morgan-argyrodite-aimd");
        String[] argv = new String[4 + 6 + 1];
        argv[0] = "analyze";
        argv[1] = "diffusion";
        argv[2] = "--species=Li";
        argv[3] = "--frame-interval=0.1";
        for (int k = 1; k <= 6; k++) argv[3 + k] = dir.resolve("Li6PS5Cl_50p_run" + k + "_actual_XDATCAR.gz").toString();
        argv[10] = "--json";
        assertEquals(0, run(argv), err.toString());
        JsonNode j = json();
        assertEquals(700, j.get("frames").asInt());
        assertEquals(192, j.get("atoms").asInt());
        assertTrue(j.get("normal").asBoolean(), j.toString());
        assertTrue(j.get("D_cm2_s").asDouble() > 5e-6 && j.get("D_cm2_s").asDouble() < 3e-5, j.toString());
        assertTrue(j.get("D_err_cm2_s").asDouble() > 0);
    }
}
