package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.jobs.run.LiveObservable;
import io.ionstream.actors.jobs.run.ObservablePlan;
import io.ionstream.actors.jobs.run.ThermoObservable;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.ObservableRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The observables a job can ask for by name. Requests are checked against the structure's
 * species and the protocol's stage names; every refusal names the observable.
 */
public final class ObservableCatalog {
    /** Makes an observable for a request (species already checked). */
    private static final Map<String, Function<ObservableRequest, LiveObservable>> KNOWN = new TreeMap<>(Map.of(
        ThermoObservable.NAME, r -> {
            if (r.getSpeciesCount() > 0) throw ServiceException.invalid("observable 'thermo' takes no species");
            return new ThermoObservable();
        }));

    private ObservableCatalog() {}

    public static List<String> names() { return List.copyOf(KNOWN.keySet()); }

    /** The plan for the requested observables (thermo every {@code defaultEvery} steps when none are). */
    static ObservablePlan plan(List<ObservableRequest> requests, List<Stage> stages, SpeciesTable species, int defaultEvery) {
        List<ObservableRequest> rs = requests.isEmpty()
            ? List.of(ObservableRequest.newBuilder().setName(ThermoObservable.NAME).build()) : requests;
        List<ObservablePlan.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            ObservableRequest r = rs.get(i);
            String name = r.getName().strip();
            var make = KNOWN.get(name);
            if (make == null) {
                throw ServiceException.invalid("observables[" + i + "]: unknown observable '" + r.getName() + "' (available: "
                    + String.join(", ", KNOWN.keySet()) + ")");
            }
            for (String s : r.getSpeciesList()) {
                if (species.indexOf(s) < 0) {
                    throw ServiceException.invalid("observables[" + i + "] (" + name + "): species '" + s + "' is not in the structure ("
                        + species + ")");
                }
            }
            String stage = r.getStage().isBlank() ? null : r.getStage().strip();
            if (stage != null && stages.stream().noneMatch(s -> s.name().equals(stage))) {
                throw ServiceException.invalid("observables[" + i + "] (" + name + "): no stage named '" + stage + "' (stages: "
                    + String.join(", ", stages.stream().map(Stage::name).toList()) + ")");
            }
            int every = r.getEvery() == 0 ? defaultEvery : r.getEvery();
            try {
                entries.add(new ObservablePlan.Entry(make.apply(r), every, stage));
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalid("observables[" + i + "] (" + name + "): " + e.getMessage());
            }
        }
        try {
            return new ObservablePlan(entries);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("observables: " + e.getMessage());
        }
    }
}
