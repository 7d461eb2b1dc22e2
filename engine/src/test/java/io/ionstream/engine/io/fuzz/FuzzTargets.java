package io.ionstream.engine.io.fuzz;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.io.LammpsDumpTrajectory;
import io.ionstream.engine.io.LammpsDumpWriter;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.TestSystems;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.io.cif.CifReader;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.io.vasp.Poscar;
import io.ionstream.engine.io.vasp.PoscarReader;
import io.ionstream.engine.io.vasp.PoscarWriter;
import io.ionstream.engine.io.vasp.XdatcarReader;
import io.ionstream.engine.io.xyz.ExtXyzReader;
import io.ionstream.engine.io.xyz.ExtXyzWriter;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Every parser of structures, trajectories and potentials as a {@link FuzzTarget} with valid
 * seeds. To fuzz another parser, add an entry to {@link #all}: seeds plus a lambda that reads one
 * input to the end.
 */
public final class FuzzTargets {
    private FuzzTargets() {}

    /** All targets; {@code work} is a scratch folder for the targets that read files (gzip). */
    public static List<FuzzTarget> all(Path work) {
        List<FuzzTarget> t = new ArrayList<>();
        t.add(FuzzTarget.of("extxyz", extxyzSeeds(), in -> {
            try (ExtXyzReader r = new ExtXyzReader(reader(in), "fuzz.xyz", null)) {
                while (r.nextFrame() != null) {
                    // every frame
                }
            }
        }));
        t.add(FuzzTarget.of("poscar", poscarSeeds(), in -> PoscarReader.read(reader(in), "POSCAR", null)));
        t.add(FuzzTarget.of("poscar-vasp4", List.of(bytes(VASP4)), in -> PoscarReader.read(reader(in), "POSCAR", new String[] {"Li", "Cl"})));
        t.add(FuzzTarget.of("xdatcar", List.of(bytes(XDATCAR), bytes(XDATCAR_VARIABLE)), in -> {
            try (XdatcarReader r = new XdatcarReader(reader(in), "XDATCAR", null)) {
                drain(r);
            }
        }));
        t.add(FuzzTarget.of("xdatcar-gz", List.of(gzip(bytes(XDATCAR))), in -> {
            Path f = work.resolve("fuzz_XDATCAR.gz");
            Files.write(f, in);
            try (TrajectoryReader r = TrajectoryFiles.open(f)) {
                drain(r);
            }
        }));
        t.add(FuzzTarget.of("lammps-data", lammpsDataSeeds(), in -> LammpsData.read(reader(in), "fuzz.data", null)));
        t.add(FuzzTarget.of("lammps-dump", dumpSeeds(), in -> {
            try (LammpsDumpReader r = new LammpsDumpReader(reader(in), "fuzz.dump")) {
                DumpFrame f;
                while ((f = r.next()) != null) f.atoms();
            }
        }));
        t.add(FuzzTarget.of("lammps-dump-trajectory", dumpSeeds(), in -> {
            try (TrajectoryReader r = new LammpsDumpTrajectory(new LammpsDumpReader(reader(in), "fuzz.dump"), new String[] {"Li", "P", "S", "Cl"})) {
                drain(r);
            }
        }));
        t.add(FuzzTarget.of("lammps-dump-structure", dumpSeeds(), in -> {
            try (LammpsDumpTrajectory r = new LammpsDumpTrajectory(new LammpsDumpReader(reader(in), "fuzz.dump"), new String[] {"Li", "P", "S", "Cl"})) {
                while (r.nextSystem() != null) {
                    // every frame
                }
            }
        }));
        t.add(FuzzTarget.of("cif", List.of(bytes(CIF)), in -> CifReader.read(reader(in), "fuzz.cif", null, CifReader.DEFAULT_TOLERANCE)));
        t.add(FuzzTarget.of("mlip-cfg", cfgSeeds(), in -> {
            MlipCfgReader r = new MlipCfgReader(MlipSpecies.named("Li", "P", "S", "Cl"));
            LineReader lines = new LineReader(reader(in), "fuzz.cfg");
            while (r.next(lines) != null) {
                // every configuration
            }
        }));
        t.add(FuzzTarget.of("mtp", mtpSeeds(), in -> MtpReader.read(in, "fuzz.mtp")));
        return t;
    }

    /** Strict UTF-8, as {@link io.ionstream.engine.io.TextFiles} reads files. */
    static BufferedReader reader(byte[] in) {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8.newDecoder()));
    }

    private static void drain(TrajectoryReader r) {
        while (r.next() != null) {
            // every frame
        }
    }

    private static AtomSystem small(long seed, Box box) {
        return TestSystems.random(seed, box, SpeciesTable.of("Li", "P", "S", "Cl"), 8);
    }

    private static List<byte[]> extxyzSeeds() {
        StringWriter w = new StringWriter();
        try (ExtXyzWriter x = new ExtXyzWriter(w)) {
            x.write(small(1, TestSystems.triclinic()), Map.of("energy", "-1.5", "stress", "1 0 0 0 1 0 0 0 1"));
            x.alwaysImages().write(small(2, new Box(1, 2, 3, 9, 8, 7, 0, 0, 0)), 10, 0.5);
        }
        String ase = "2\nLattice=\"0 2.8 2.8 2.8 0 2.8 2.8 2.8 0\" Properties=species:S:1:pos:R:3:momenta:R:3:Z:I:1 pbc=\"T T T\" "
            + "energy=-3.2 free_energy=-3.2 stress=\"0.1 0 0 0 0.1 0 0 0 0.1\" tag\nNa 0 0 0 0.1 0 0 11\nCl 2.8 2.8 2.8 0 0 -0.1 17\n";
        return List.of(bytes(w.toString()), bytes(ase));
    }

    private static List<byte[]> poscarSeeds() {
        List<byte[]> out = new ArrayList<>();
        try {
            StringWriter w = new StringWriter();
            AtomSystem sys = small(3, TestSystems.triclinic());
            PoscarWriter.write(new Poscar(sys, "seed", new boolean[3 * sys.size()], null), w);
            out.add(bytes(w.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(bytes("rock salt\n-44.85\n0 0.5 0.5\n0.5 0 0.5\n0.5 0.5 0\nNa_pv Cl\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5 Cl\n"
            + "Cartesian\n0.001 0 0\n0 0 -0.001\n"));
        return out;
    }

    private static List<byte[]> lammpsDataSeeds() {
        List<byte[]> out = new ArrayList<>();
        try {
            for (LammpsData.Style s : LammpsData.Style.values()) {
                StringWriter w = new StringWriter();
                LammpsData.write(small(4, TestSystems.triclinic()), w, s);
                out.add(bytes(w.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(bytes("LAMMPS data\n\n2 atoms\n2 atom types\n0 bonds\n\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nMasses\n\n1 6.94\n2 32.06\n\n"
            + "Pair Coeffs # lj/cut\n\n1 0.01 1.6\n2 0.02 2.4\n\nAtom Type Labels\n\n1 Li\n2 S\n\nVelocities\n\n2 0.5 0 0\n1 0 0 -0.5\n\n"
            + "Atoms\n\n1 1 1 0.5 0.5 0.5\n2 2 -1 2.5 2.5 2.5\n"));
        return out;
    }

    private static List<byte[]> dumpSeeds() {
        List<byte[]> out = new ArrayList<>();
        StringWriter w = new StringWriter();
        try (LammpsDumpWriter d = new LammpsDumpWriter(w).time(true).velocities(true)) {
            d.write(small(5, TestSystems.triclinic()), 0, 0.0);
            d.positions(LammpsDumpWriter.Positions.WRAPPED_WITH_IMAGES).write(small(6, TestSystems.orthorhombic()), 100, 0.1);
        }
        out.add(bytes(w.toString()));
        out.add(bytes("ITEM: TIMESTEP\n7\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS xy xz yz pp pp pp\n-1 11 1\n0 10 -1\n0 10 0\n"
            + "ITEM: ATOMS id type xs ys zs ix iy iz\n2 2 0.5 0.5 0.5 1 0 -1\n1 1 0.25 0 0 0 2 0\n"));
        try {
            // the first 40 atoms of the first frame of a dump LAMMPS wrote
            List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.file("lammps-reference/lj_liquid_traj.dump")).subList(0, 9 + 40));
            lines.set(3, "40");
            out.add(bytes(String.join("\n", lines) + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** MLIP's own files: a periodic argyrodite cell and labelled Li configurations (energies, forces, stresses). */
    private static List<byte[]> cfgSeeds() {
        try {
            String train = Files.readString(SharedData.file("mtp-reference/mlip3_Li_example/train.cfg"));
            int second = train.indexOf("END_CFG", train.indexOf("END_CFG") + 1) + "END_CFG".length();
            return List.of(Files.readAllBytes(SharedData.file("mtp-reference/random4_argyrodite/lpscl_1x1x1.cfg")),
                bytes(train.substring(0, second) + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An untrained template, a trained potential and an MLIP-3 active-learning file (text plus binary set). */
    private static List<byte[]> mtpSeeds() {
        try {
            return List.of(Files.readAllBytes(SharedData.file("mtp-reference/random4_argyrodite/untrained4_08.mtp")),
                Files.readAllBytes(SharedData.file("mtp-reference/random4_argyrodite/random4_08.mtp")),
                Files.readAllBytes(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String VASP4 = "no species line\n1.0\n4 0 0\n0 4 0\n0 0 4\n2 1\nSelective dynamics\nDirect\n0 0 0 T T F\n0.5 0.5 0.5 F F F\n"
        + "0.25 0.25 0.25 T T T\n";

    static final String XDATCAR = """
        Li2 S1
        1.0
        4.0 0.01 0
        0.01 4.0 0
        0 0 4.0
        Li S
        2 1
        Direct configuration=     1
        0.1 0.2 0.3
        0.5 0.5 0.5
        0.9 0.9 0.1
        Direct configuration=     2
        0.11 0.21 0.31
        0.51 0.52 0.5
        0.91 0.95 0.15
        Direct configuration=     3
        0.12 0.22 0.32
        0.52 0.53 0.5
        0.92 0.99 0.16
        """;

    static final String XDATCAR_VARIABLE = """
        run
        1.0
        4 0 0
        0 4 0
        0 0 4
        Li S
        1 1
        Direct configuration=     1
        0.5 0.5 0.5
        0 0 0
        run
        1.0
        4.4 0 0
        0.2 4 0
        0 0 3.6
        Li S
        1 1
        Direct configuration=     2
        0.5 0.5 0.5
        0.1 0 0
        """;

    static final String CIF = """
        data_example
        _cell_length_a    5.0000(2)
        _cell_length_b    6.0000
        _cell_length_c    7.0000(10)
        _cell_angle_alpha 90
        _cell_angle_beta  100.0
        _cell_angle_gamma 90
        _publ_section_comment
        ;
        text field
        ;
        _symmetry_space_group_name_H-M   'P 1 21/c 1'
        loop_
          _symmetry_equiv_pos_as_xyz
          x,y,z
          -x,y+1/2,-z+1/2
          -x,-y,-z
          "x, -y+1/2, z+1/2"
        loop_
          _atom_site_label
          _atom_site_type_symbol
          _atom_site_fract_x
          _atom_site_fract_y
          _atom_site_fract_z
          _atom_site_occupancy
          Li1 Li1+ 0.1000(3) 0.2000 0.3000 1
          S1  S2- 0 0 0 1.0
          Cl1 Cl 0.3 0.4 0.1 1
        """;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
