package io.ionstream.server.cli;

import io.ionstream.engine.io.FileFormat;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.structure.AnionConfiguration;
import io.ionstream.engine.structure.AnionDisorderSpec;
import io.ionstream.engine.structure.BuiltStructure;
import io.ionstream.engine.structure.LithiumSites;
import io.ionstream.engine.structure.StructurePresets;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ionstream build <preset>}: builds one of the seeds' structures
 * ({@link StructurePresets}), prints what was built and writes it in the format named by the
 * output file's extension.
 */
final class BuildCommand implements Command {
    @Override public String name() { return "build"; }

    @Override public String summary() { return "build argyrodite supercells, grain boundaries, Li/LPSC interfaces, reference crystals"; }

    @Override
    public String help() {
        StringBuilder sb = new StringBuilder("""
            Usage: bin/ionstream build <preset> [options] [-o FILE] [--json]

            Builds a structure, prints its report (composition, formula units, formal charge, cell,
            density, shortest distances, and what the builder did: disorder, removed atoms, strain)
            and writes it to FILE (format from the name: .xyz/.extxyz, POSCAR/CONTCAR/.vasp,
            .data/.lmp = LAMMPS data, .dump; .gz compresses). Without -o only the report is printed.
            Same seed, same structure.

            Presets:
            """);
        for (StructurePresets.Preset p : StructurePresets.Preset.values()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %s%n", p.key(), p.description()));
        }
        sb.append("""

            Options (each applies to some presets; others refuse it):
              --supercell n1,n2,n3   bulk: repeats of the cell; grain boundary: CSL periods nx,ny in plane
                                     and nz per grain; interface: electrolyte periods along [-110],[001],[110]
              --disorder f           fraction of the halide moved to 4c (random 4a X <-> 4c S exchange)
              --configuration k      Kim et al.'s configuration in every cell: 0, 25, 50-p21212, 50-p2mm, 75, 100
              --random-structure w0,w25,w50a,w50b,w75,w100
                                     Kim et al.'s random structure: cells drawn with these weights
              --seed s               random seed (Li 48h choice, disorder); default 1
              --lattice a            lattice constant (Å); argyrodite defaults Cl 10.25, Br 10.27, I 10.31
              --li 24g|48h           Li on 24g (default) or split over 48h (one of each pair, seeded)
              --variant theta|complement
                                     grain boundary: rotation by the named angle or its complement
                                     (180°-θ for Σ3, 90°-θ for Σ5: grain 2 in the inverted F-43m setting)
              --spacing d            grain boundary: boundaries at least d Å apart (sets nz)
              --size sx,sy           grain boundary: in-plane size (Å), rounded to whole CSL periods (sets nx, ny)
              --shift sx,sy          grain boundary: rigid in-plane shift of grain 2 (Å), for γ-surfaces
              --gap g                grain boundary: fixed grain separation (Å); default: the smallest
                                     (0.1 Å steps, at most 1 Å) that leaves no pair below the minimum
              --min-distance d       grain boundary: minimum interatomic distance (Å, default 1.5); closer
                                     pairs are removed by whole formula units
              --metal-lattice a      interface: bcc Li lattice constant (Å, default 3.427, PBE)
              --metal-layers n       interface: Li (110) layers (default 26)
              --separation d         interface: electrolyte-metal vertical separation (Å, default 2.5)
              --area A               interface: search the electrolyte in-plane repeats within A Å² that
                                     strain the metal least (replaces the first two --supercell numbers)
              -o, --output FILE      where to write the structure
              --json                 print the report as JSON

            Examples:
              bin/ionstream build li6ps5cl --supercell 4,4,4 --disorder 0.5 --seed 7 -o lpsc.xyz
              bin/ionstream build gb-sigma5-001 -o sigma5.data
              bin/ionstream build interface-model-I --json -o model1.data
            """);
        return sb.toString();
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("supercell", "disorder", "configuration", "random-structure", "seed", "lattice", "li", "variant", "spacing",
            "size", "shift", "gap", "min-distance", "metal-lattice", "metal-layers", "separation", "area", "o", "output");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        String preset = args.positional(0, "structure preset (one of " + String.join(", ", StructurePresets.names()) + ")");
        if (args.positionals().size() > 1) throw new UsageException("unexpected argument '" + args.positionals().get(1) + "'");
        if (args.has("o") && args.has("output")) throw new UsageException("give the output file once (-o or --output)");
        Path out = args.has("o") ? Path.of(args.required("o")) : args.has("output") ? Path.of(args.required("output")) : null;
        if (out != null) checkWritable(out);
        StructurePresets.Settings settings = settings(args);
        BuiltStructure built;
        try {
            built = StructurePresets.build(preset, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (out != null) write(built.system(), out);
        if (args.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>(built.report().toMap());
            m.put("preset", preset);
            m.put("output", out == null ? null : out.toString());
            console.json(m);
        } else {
            console.out().print(built.report().toText());
            if (out != null) console.out().println("wrote " + built.system().size() + " atoms to " + out);
        }
        return Main.OK;
    }

    private static StructurePresets.Settings settings(Args args) {
        StructurePresets.Settings s = StructurePresets.Settings.defaults().withSeed(args.integer("seed", 1));
        if (args.has("supercell")) s = s.withSupercell(args.ints("supercell", null));
        int disorderOptions = (args.has("disorder") ? 1 : 0) + (args.has("configuration") ? 1 : 0) + (args.has("random-structure") ? 1 : 0);
        if (disorderOptions > 1) throw new UsageException("give one of --disorder, --configuration, --random-structure");
        try {
            if (args.has("disorder")) s = s.withDisorder(new AnionDisorderSpec.RandomFraction(args.decimal("disorder", 0)));
            if (args.has("configuration")) s = s.withDisorder(new AnionDisorderSpec.Uniform(AnionConfiguration.of(args.required("configuration"))));
            if (args.has("random-structure")) s = s.withDisorder(new AnionDisorderSpec.Mixed(decimals(args, "random-structure")));
            if (args.has("li")) s = s.withLithium(LithiumSites.of(args.required("li")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("lattice")) s = s.withLattice(args.positive("lattice", 0));
        if (args.has("variant")) {
            s = s.withComplement(switch (args.required("variant").toLowerCase(Locale.ROOT)) {
                case "theta" -> false;
                case "complement" -> true;
                default -> throw new UsageException("option --variant expects theta or complement, got '" + args.required("variant") + "'");
            });
        }
        if (args.has("spacing")) s = s.withSpacing(args.positive("spacing", 0));
        if (args.has("size")) {
            double[] sz = decimals(args, "size");
            if (sz.length != 2 || !(sz[0] > 0) || !(sz[1] > 0)) throw new UsageException("option --size expects two positive lengths sx,sy");
            s = s.withSize(sz);
        }
        if (args.has("area")) s = s.withArea(args.positive("area", 0));
        if (args.has("shift")) {
            double[] sh = decimals(args, "shift");
            if (sh.length != 2) throw new UsageException("option --shift expects sx,sy");
            s = s.withShift(sh);
        }
        if (args.has("gap")) s = s.withGap(nonNegative(args, "gap"));
        if (args.has("min-distance")) s = s.withMinDistance(nonNegative(args, "min-distance"));
        if (args.has("metal-lattice")) s = s.withMetalLattice(args.positive("metal-lattice", 0));
        if (args.has("metal-layers")) s = s.withMetalLayers((int) args.integer("metal-layers", 0, 1, 10_000));
        if (args.has("separation")) s = s.withSeparation(args.positive("separation", 0));
        return s;
    }

    private static double nonNegative(Args args, String name) {
        double v = args.decimal(name, 0);
        if (v < 0) throw new UsageException("option --" + name + " must not be negative, got " + v);
        return v;
    }

    private static double[] decimals(Args args, String name) {
        String[] parts = args.required(name).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(out[i])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new UsageException("option --" + name + " expects comma-separated numbers, got '" + args.required(name) + "'");
            }
        }
        return out;
    }

    /** Writes in the format the file name names (see {@code StructureFiles}). */
    private static void write(AtomSystem sys, Path out) {
        StructureFiles.write(sys, out);
    }

    private static void checkWritable(Path out) {
        FileFormat format;
        try {
            format = FileFormat.of(out);
        } catch (FormatException e) {
            throw new UsageException(e.problem());
        }
        if (format == FileFormat.CIF || format == FileFormat.XDATCAR || format == FileFormat.MLIP_CFG) {
            throw new UsageException("cannot write " + format.description() + " ('" + out + "'); write .xyz/.extxyz, "
                + "POSCAR/.vasp, .data/.lmp or .dump");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UsageException("output folder " + dir + " does not exist");
    }
}
