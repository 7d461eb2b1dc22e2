package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.jobs.run.CellObservable;
import io.ionstream.actors.jobs.run.ObservablePlan;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.MsdObservable;
import io.ionstream.engine.analysis.live.Observable;
import io.ionstream.engine.analysis.live.RdfObservable;
import io.ionstream.engine.analysis.live.ReductionFraction;
import io.ionstream.engine.analysis.live.ThermoObservable;
import io.ionstream.engine.analysis.live.ZProfile;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.ObservableRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The observables a job can ask for by name, built from {@code engine.analysis.live}. Requests
 * are checked against the structure's species and the protocol's stage names; every refusal
 * names the observable.
 */
public final class ObservableCatalog {
    /** Builds an observable for a request on a structure (species already checked to exist). */
    @FunctionalInterface
    private interface Maker {
        Supplier<Observable> make(ObservableRequest r, SpeciesTable species, Box box);
    }

    private record Known(String description, Maker maker) {}

    private static final Map<String, Known> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("thermo", new Known("temperature, pressure (scalar and tensor), energies, conserved energy", (r, s, b) -> {
            noSpecies(r);
            return ThermoObservable::new;
        }));
        KNOWN.put(CellObservable.NAME, new Known("cell volume, edge lengths and tilts", (r, s, b) -> {
            noSpecies(r);
            return CellObservable::new;
        }));
        KNOWN.put("msd", new Known("mean-squared displacement of the species (default Li), total and per direction, "
            + "framework drift removed", (r, s, b) -> {
                String[] sp = r.getSpeciesCount() > 0 ? r.getSpeciesList().toArray(String[]::new)
                    : s.indexOf("Li") >= 0 ? new String[] {"Li"} : s.symbols();
                MsdObservable.Drift drift = Arrays.asList(sp).containsAll(Arrays.asList(s.symbols())) ? MsdObservable.Drift.ALL_ATOMS
                    : MsdObservable.Drift.FRAMEWORK;
                return () -> new MsdObservable(sp, null, drift);
            }));
        KNOWN.put("reduction", new Known("reduction fraction of the thiophosphate (P by S coordination within 3 A)", (r, s, b) -> {
            noSpecies(r);
            need(s, "reduction", "P", "S");
            return ReductionFraction::new;
        }));
        KNOWN.put("crystallinity", new Known("fraction of anions in an fcc (antifluorite-like) anion neighbourhood", (r, s, b) -> {
            noSpecies(r);
            return CrystallinityObservable::new;
        }));
        KNOWN.put("rdf", new Known("radial distribution function of two species (species: A, B; default all atoms), to 8 A in 80 bins",
            (r, s, b) -> {
                if (r.getSpeciesCount() != 0 && r.getSpeciesCount() != 2) throw ServiceException.invalid("observable 'rdf' takes two species or none");
                String x = r.getSpeciesCount() == 2 ? r.getSpecies(0) : "*", y = r.getSpeciesCount() == 2 ? r.getSpecies(1) : "*";
                return () -> new RdfObservable(x, y, 8.0, 80);
            }));
        KNOWN.put("profile", new Known("number density along z of the species (default all) in bins of about 5 A", (r, s, b) -> {
            String[] sp = r.getSpeciesCount() > 0 ? r.getSpeciesList().toArray(String[]::new) : s.symbols();
            int bins = ZProfile.binsFor(b.lz(), 5.0);
            return () -> new ZProfile(sp, bins, false);
        }));
    }

    private ObservableCatalog() {}

    public static List<String> names() { return List.copyOf(KNOWN.keySet()); }

    /** Name and description of each observable, for listings. */
    public static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        KNOWN.forEach((k, v) -> m.put(k, v.description()));
        return m;
    }

    private static void noSpecies(ObservableRequest r) {
        if (r.getSpeciesCount() > 0) throw ServiceException.invalid("observable '" + r.getName() + "' takes no species");
    }

    private static void need(SpeciesTable s, String what, String... symbols) {
        for (String x : symbols) {
            if (s.indexOf(x) < 0) throw ServiceException.invalid("observable '" + what + "' needs " + x + " in the structure (" + s + ")");
        }
    }

    /** The plan for the requested observables (thermo every {@code defaultEvery} steps when none are). */
    static ObservablePlan plan(List<ObservableRequest> requests, List<Stage> stages, SpeciesTable species, Box box, int defaultEvery) {
        List<ObservableRequest> rs = requests.isEmpty() ? List.of(ObservableRequest.newBuilder().setName("thermo").build()) : requests;
        List<ObservablePlan.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            ObservableRequest r = rs.get(i);
            String name = r.getName().strip();
            String where = "observables[" + i + "] (" + name + ")";
            Known k = KNOWN.get(name);
            if (k == null) {
                throw ServiceException.invalid("observables[" + i + "]: unknown observable '" + r.getName() + "' (available: "
                    + String.join(", ", KNOWN.keySet()) + ")");
            }
            for (String s : r.getSpeciesList()) {
                if (species.indexOf(s) < 0) throw ServiceException.invalid(where + ": species '" + s + "' is not in the structure (" + species + ")");
            }
            String stage = r.getStage().isBlank() ? null : r.getStage().strip();
            if (stage != null && stages.stream().noneMatch(s -> s.name().equals(stage))) {
                throw ServiceException.invalid(where + ": no stage named '" + stage + "' (stages: "
                    + String.join(", ", stages.stream().map(Stage::name).toList()) + ")");
            }
            int every = r.getEvery() == 0 ? defaultEvery : r.getEvery();
            try {
                Supplier<Observable> f = k.maker().make(r, species, box);
                entries.add(new ObservablePlan.Entry(f.get().name(), f, every, stage));
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalid(where + ": " + e.getMessage());
            }
        }
        try {
            return new ObservablePlan(entries);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("observables: " + e.getMessage());
        }
    }
}
