package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.GrainStatistics;
import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.PolycrystalBuilder;
import io.ionstream.engine.fe.micro.VoxelFile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code fe microstructure}: generates a polycrystal, reports its grain statistics, optionally writes a voxel file. */
final class FeMicrostructureCommand implements Command {
    @Override public String name() { return "microstructure"; }

    @Override public String summary() { return "generate a Voronoi polycrystal, report grain sizes and f_GB, write a voxel file"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream fe microstructure --grains N --grid n --grain-size-nm d [--seeding S] [--seed s]
                     [--gb-width-nm w] [-o FILE[.gz]] [--json]

            Generates a periodic Voronoi polycrystal on a voxel grid and prints its grain size d
            (mean grain volume^(1/3)), equivalent-sphere diameter, mean linear intercept, boundary
            area per volume S_V and H = S_V·d (2.9105 for Poisson-Voronoi), and the boundary volume
            fraction of width δ: voxels within δ/2 of a boundary, against H·δ/d.

            """ + FeOptions.MICRO_HELP + """
              --gb-width-nm w        boundary width δ for f_GB [2.5]
              -o FILE                write the voxel file (gzip-compressed when FILE ends in .gz)

            Voxel file format (read by 'fe homogenize --voxels'): a text header
              ionstream-voxels 1 / grid n n n / voxel_nm h / grains N / encoding uint8|uint16|int32 /
              origin text / seed i x y z (nm, optional, one per grain) / data
            followed by n³ little-endian grain ids, x fastest. With seed lines the boundaries are the
            exact Voronoi bisector planes; without, planes are fitted to the voxel faces between grains.
            """;
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> s = new HashSet<>(FeOptions.MICRO);
        s.addAll(Set.of("gb-width-nm", "o", "threads"));
        return s;
    }

    @Override
    public int run(Args a, Console console) throws Exception {
        a.required("grains");
        a.required("grid");
        var spec = FeOptions.spec(a, 8, 64, Double.NaN, "random");
        double w = a.decimal("gb-width-nm", 2.5);
        if (w < 0) throw new UsageException("option --gb-width-nm must be ≥ 0");
        int threads = (int) a.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        Polycrystal pc = PolycrystalBuilder.generate(spec, threads);
        GrainStatistics g = pc.statistics(threads);
        long gb = 0;
        double half = 0.5 * w / pc.voxelNm();
        for (int v = 0; v < pc.labels().length; v++) if (pc.boundaryDistance(v) < half) gb++;
        double f = (double) gb / pc.voxels();
        Path out = a.has("o") ? Path.of(a.string("o", null)) : null;
        if (out != null) VoxelFile.write(pc, out, out.toString().endsWith(".gz"));
        if (a.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", pc.origin());
            m.put("grains", g.grains());
            m.put("grid", pc.grid());
            m.put("cell_nm", g.cellNm());
            m.put("voxel_nm", pc.voxelNm());
            m.put("grain_size_nm", g.grainSizeNm());
            m.put("equivalent_sphere_diameter_nm", g.equivalentSphereDiameterNm());
            m.put("mean_intercept_nm", g.meanInterceptNm());
            m.put("stereological_intercept_nm", g.stereologicalInterceptNm());
            m.put("surface_per_volume_per_nm", g.surfacePerVolume());
            m.put("H_measured", g.shapeFactor());
            m.put("grain_volume_cv", g.volumeCv());
            m.put("gb_width_nm", w);
            m.put("f_gb", f);
            m.put("f_gb_H_2.9105", g.poissonVoronoiFraction(w));
            m.put("f_gb_H_measured", g.boundaryFraction(w));
            if (out != null) m.put("file", out.toString());
            console.json(m);
        } else {
            FeHomogenizeCommand.printMicrostructure(g, pc.origin(), pc.grid(), pc.voxelNm(), console);
            console.out().printf(Locale.ROOT, "f_GB(δ = %.4g nm) = %.5f   (H·δ/d = %.5f with H = 2.9105; %.5f with the measured H; δ = %.3g voxels)%n",
                w, f, g.poissonVoronoiFraction(w), g.boundaryFraction(w), w / pc.voxelNm());
            if (out != null) console.out().println("wrote " + out);
        }
        return Main.OK;
    }
}
