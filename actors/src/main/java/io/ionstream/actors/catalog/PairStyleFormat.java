package io.ionstream.actors.catalog;

import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.PotentialFiles;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LAMMPS-style pair styles ({@code pair_style}, {@code pair_coeff}, {@code kspace_style} lines,
 * read by the engine's {@link PotentialFiles}): uploaded as {@code .pair} files, or given inline
 * in a job spec. Types are LAMMPS type numbers in the structure's species order, or element
 * symbols. The force field is built for each job's own system (an Ewald sum sizes itself from it);
 * an upload is checked against the species it names.
 */
public final class PairStyleFormat implements PotentialFormat {
    /** The name under which an inline pair style is read. */
    public static final String INLINE = "pair_style";

    @Override public String name() { return "pair-style"; }

    @Override
    public boolean accepts(String lower) {
        return lower.endsWith(".pair") || lower.equals(INLINE);
    }

    @Override
    public Parsed read(String fileName, byte[] content, List<String> species) {
        String text = new String(content, StandardCharsets.UTF_8);
        String style = text.lines().map(String::strip).filter(l -> l.startsWith("pair_style")).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(fileName + ": no pair_style line"));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pair_style", style.substring("pair_style".length()).strip());
        text.lines().map(String::strip).filter(l -> l.startsWith("kspace_style")).findFirst()
            .ifPresent(k -> details.put("kspace_style", k.substring("kspace_style".length()).strip()));
        double cutoff = 0;
        if (!species.isEmpty()) {
            // a check against the named species in a plausible cell; each job builds its own field
            SpeciesTable table = SpeciesTable.of(species.toArray(String[]::new));
            ForceField probe = PotentialFiles.parse(fileName, content, new SystemSummary(table, 1000, 1000, Box.orthorhombic(30, 30, 30)));
            cutoff = probe.cutoff();
        } else if (!fileName.equals(INLINE)) {
            throw new IllegalArgumentException(fileName + ": name the species of LAMMPS types 1, 2, ... (species, e.g. Li,P,S,Cl)");
        }
        String describe = "pair style " + details.get("pair_style") + (details.containsKey("kspace_style") ? " + kspace "
            + details.get("kspace_style") : "");
        ForceFieldFactory factory = new ForceFieldFactory() {
            @Override public ForceField create(SystemSummary system) { return PotentialFiles.parse(fileName, content, system); }
            @Override public String description() { return describe; }
        };
        return new Parsed(species.stream().map(s -> s.strip()).toList(), cutoff, describe + (cutoff > 0
            ? String.format(Locale.ROOT, ", cut-off %.3g A", cutoff) : ""), details, factory);
    }
}
