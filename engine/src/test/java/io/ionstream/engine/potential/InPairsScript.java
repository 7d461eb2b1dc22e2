package io.ionstream.engine.potential;

import io.ionstream.engine.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The pair-style commands of LAMMPS's {@code in.pairs} ({@code ../shared/lammps-reference}), run
 * by run ({@link LammpsPairReference#LJ} ...), as a potential file: its pair_style, pair_coeff and
 * kspace_style lines exactly as LAMMPS read them.
 */
public final class InPairsScript {
    private InPairsScript() {}

    public static String run(int run) {
        List<StringBuilder> runs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(SharedData.file("lammps-reference/in.pairs"))) {
                String t = line.strip();
                if (t.startsWith("pair_style")) runs.add(new StringBuilder());
                if (t.startsWith("pair_style") || t.startsWith("pair_coeff") || t.startsWith("kspace_style")) {
                    runs.get(runs.size() - 1).append(t).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs.get(run).toString();
    }
}
