package io.ionstream.actors.catalog;

import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.potential.SystemSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moment Tensor Potentials ({@code .mtp}, {@code .almtp} with an active set), read by the
 * engine's {@link MtpReader}. MTP files number their species; the upload names them.
 */
public final class MtpFormat implements PotentialFormat {
    @Override public String name() { return "mtp"; }

    @Override
    public boolean accepts(String lower) {
        return lower.endsWith(".mtp") || lower.endsWith(".almtp");
    }

    @Override
    public Parsed read(String fileName, byte[] content, List<String> species) {
        MtpReader.MtpFile f = MtpReader.read(content, fileName);
        MtpModel m = f.model();
        m.requireTrained(fileName);
        if (species.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": an MTP numbers its " + m.speciesCount()
                + " species; name them in type order (species, e.g. Li,P,S,Cl)");
        }
        MlipSpecies named = MlipSpecies.named(species.toArray(String[]::new));
        if (named.size() != m.speciesCount()) {
            throw new IllegalArgumentException(fileName + " describes " + m.speciesCount() + " species but " + named.size()
                + " were named (" + named.describe() + ")");
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("version", m.version());
        if (!m.potentialName().isEmpty()) d.put("potential_name", m.potentialName());
        d.put("species_count", Integer.toString(m.speciesCount()));
        d.put("radial_basis", m.basisType() + ", size " + m.basisSize() + ", " + m.radialFuncs() + " radial functions");
        d.put("min_dist_A", String.format(Locale.ROOT, "%.4g", m.minDist()));
        d.put("max_dist_A", String.format(Locale.ROOT, "%.4g", m.maxDist()));
        d.put("moments", m.momentsCount() + " (" + m.scalarMoments() + " scalar)");
        d.put("coefficients", Integer.toString(m.coefficientCount()));
        d.put("active_set", f.activeSet() != null ? "yes (extrapolation grades available)" : "no");
        String describe = "MTP, " + m.speciesCount() + " species (" + named.describe() + "), cut-off "
            + String.format(Locale.ROOT, "%.3g", m.maxDist()) + " A";
        ForceFieldFactory factory = new ForceFieldFactory() {
            @Override
            public ForceField create(SystemSummary system) {
                // one potential per run segment: MTP evaluators keep per-thread scratch
                return ForceField.of(new MtpPotential(m, named));
            }

            @Override
            public String description() { return describe + " from " + fileName; }
        };
        return new Parsed(List.of(species.stream().map(String::strip).toArray(String[]::new)), m.maxDist(), describe, d, factory);
    }
}
