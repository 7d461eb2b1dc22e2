package io.ionstream.engine.learn;

import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.structure.AnionDisorderSpec;
import io.ionstream.engine.structure.StructurePresets;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A structure named in a learning spec: a preset of {@code bin/ionstream build} with options
 * ({@code li6ps5cl supercell=2,2,2 disorder=0.5 seed=3 lattice=10.2}) or a structure file
 * ({@code file=path.extxyz}). Several are separated by semicolons.
 */
public record StructureSpec(String text) {
    public StructureSpec {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty structure description");
        text = text.strip();
    }

    /** {@code a; b; c} → three specs (empty entries ignored). */
    public static List<StructureSpec> list(String s) {
        List<StructureSpec> out = new ArrayList<>();
        if (s == null) return out;
        for (String part : s.split(";")) if (!part.isBlank()) out.add(new StructureSpec(part));
        return out;
    }

    /** The structure with its species in the order of {@code species} (types = MLIP types). */
    public AtomSystem build(MlipSpecies species, Path baseDir) {
        String[] words = text.split("\\s+");
        AtomSystem sys;
        if (words[0].startsWith("file=")) {
            Path p = baseDir.resolve(words[0].substring(5));
            sys = StructureFiles.read(p);
        } else {
            StructurePresets.Settings s = StructurePresets.Settings.defaults();
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("structure '" + text + "': option '" + words[i] + "' needs a value (name=value)");
                String key = words[i].substring(0, eq), v = words[i].substring(eq + 1);
                try {
                    s = switch (key) {
                        case "supercell" -> s.withSupercell(ints(v));
                        case "disorder" -> s.withDisorder(new AnionDisorderSpec.RandomFraction(Double.parseDouble(v)));
                        case "seed" -> s.withSeed(Long.parseLong(v));
                        case "lattice" -> s.withLattice(Double.parseDouble(v));
                        default -> throw new IllegalArgumentException("structure '" + text + "': unknown option '" + key
                            + "' (supercell, disorder, seed, lattice)");
                    };
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("structure '" + text + "': option " + key + " has a bad value '" + v + "'");
                }
            }
            sys = StructurePresets.build(words[0], s).system();
        }
        return inSpeciesOrder(sys, species);
    }

    private static int[] ints(String v) {
        String[] p = v.split(",");
        int[] n = new int[p.length];
        for (int i = 0; i < p.length; i++) n[i] = Integer.parseInt(p[i].strip());
        return n;
    }

    /** A copy of {@code sys} whose species table is {@code species}' (types remapped by symbol). */
    public static AtomSystem inSpeciesOrder(AtomSystem sys, MlipSpecies species) {
        SpeciesTable target = species.toSpeciesTable();
        int[] map = new int[sys.species().size()];
        for (int t = 0; t < map.length; t++) {
            map[t] = species.indexOf(sys.species().symbol(t));
            if (map[t] < 0) {
                throw new IllegalArgumentException("the structure contains " + sys.species().symbol(t)
                    + ", which is not one of the potential's species " + species.describe());
            }
        }
        AtomSystem c = new AtomSystem(target, sys.box().copy(), Math.max(1, sys.size()));
        for (int i = 0; i < sys.size(); i++) {
            c.add(map[sys.type()[i]], sys.x()[3 * i], sys.x()[3 * i + 1], sys.x()[3 * i + 2]);
            c.id()[i] = sys.id()[i];
        }
        return c;
    }

    @Override
    public String toString() { return text; }
}
