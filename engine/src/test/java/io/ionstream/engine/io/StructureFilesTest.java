package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFilesTest {
    @TempDir
    Path dir;

    @Test
    void formatFollowsTheName() {
        String[][] cases = {{"a.xyz", "EXTXYZ"}, {"a.extxyz.gz", "EXTXYZ"}, {"POSCAR", "POSCAR"}, {"CONTCAR_relaxed", "POSCAR"},
            {"li.vasp", "POSCAR"}, {"x.poscar", "POSCAR"}, {"Li6PS5Cl_0p_run1_actual_XDATCAR.gz", "XDATCAR"}, {"in.data", "LAMMPS_DATA"},
            {"s.lmp", "LAMMPS_DATA"}, {"t.dump", "LAMMPS_DUMP"}, {"t.lammpstrj.gz", "LAMMPS_DUMP"}, {"train.cfg", "MLIP_CFG"},
            {"LiCl.cif", "CIF"}};
        for (String[] c : cases) assertEquals(FileFormat.valueOf(c[1]), FileFormat.of(Path.of(c[0])), c[0]);
        FormatException e = assertThrows(FormatException.class, () -> FileFormat.of(Path.of("structure.txt")));
        assertTrue(e.getMessage().contains("cannot tell the file format"), e.getMessage());
    }

    /** Every writable format reads back the same atoms (POSCAR reorders by species, so the system is type-sorted here). */
    @Test
    void everyWritableFormatRoundTripsThroughTheFacade() {
        SpeciesTable sp = SpeciesTable.of("Li", "P", "S", "Cl");
        AtomSystem random = TestSystems.random(31, TestSystems.triclinic(), sp, 24);
        AtomSystem sorted = new AtomSystem(sp, random.box().copy(), random.size());
        for (int t = 0; t < sp.size(); t++) {
            for (int i = 0; i < random.size(); i++) {
                if (random.type()[i] == t) sorted.add(t, random.x()[3 * i], random.x()[3 * i + 1], random.x()[3 * i + 2]);
            }
        }
        for (String name : new String[] {"s.extxyz", "s.xyz.gz", "POSCAR", "s.vasp", "s.data", "s.lmp.gz", "s.dump", "s.cfg", "s.cfg.gz"}) {
            Path file = dir.resolve(name);
            StructureFiles.write(sorted, file);
            AtomSystem back = StructureFiles.read(file, new String[] {"Li", "P", "S", "Cl"});
            TestSystems.assertSameAtoms(sorted, back);
            assertEquals(sorted.box().volume(), back.box().volume(), 1e-12 * sorted.box().volume(), name);
        }
    }

    /** A .cfg set reads as a trajectory, one frame per configuration; types need the species named. */
    @Test
    void cfgSetsAreTrajectoriesAndNeedTheirSpecies() {
        SpeciesTable sp = SpeciesTable.of("Li", "S");
        AtomSystem a = TestSystems.random(5, TestSystems.triclinic(), sp, 6);
        AtomSystem b = TestSystems.random(6, TestSystems.orthorhombic(), sp, 9);
        Path set = dir.resolve("set.cfg");
        StructureFiles.write(a, dir.resolve("a.cfg"));
        StructureFiles.write(b, dir.resolve("b.cfg"));
        try {
            Files.writeString(set, Files.readString(dir.resolve("a.cfg")) + Files.readString(dir.resolve("b.cfg")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] names = {"Li", "S"};
        try (TrajectoryReader t = TrajectoryFiles.open(set, names)) {
            TrajectoryFrame f0 = t.next();
            TrajectoryFrame f1 = t.next();
            assertEquals(6, f0.atoms());
            assertEquals(9, f1.atoms());
            assertEquals(1, f1.step());
            assertArrayEquals(java.util.Arrays.copyOf(b.x(), 27), f1.x(), 1e-12);
            assertNull(t.next());
        }
        FormatException two = assertThrows(FormatException.class, () -> StructureFiles.read(set, names));
        assertTrue(two.getMessage().contains("more than one configuration"), two.getMessage());
        FormatException unnamed = assertThrows(FormatException.class, () -> StructureFiles.read(dir.resolve("a.cfg")));
        assertTrue(unnamed.getMessage().contains("give the species"), unnamed.getMessage());
    }

    @Test
    void unsupportedDirectionsSayWhy() {
        AtomSystem sys = TestSystems.random(1, TestSystems.orthorhombic(), SpeciesTable.of("Li"), 2);
        FormatException cif = assertThrows(FormatException.class, () -> StructureFiles.write(sys, dir.resolve("a.cif")));
        assertTrue(cif.getMessage().contains("read-only"), cif.getMessage());
        FormatException traj = assertThrows(FormatException.class, () -> TrajectoryFiles.open(dir.resolve("POSCAR")));
        assertTrue(traj.getMessage().contains("not a trajectory"), traj.getMessage());
    }
}
