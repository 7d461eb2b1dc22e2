package io.ionstream.server.cli;

import io.ionstream.actors.cluster.LoopbackCluster;
import io.ionstream.actors.domain.DomainJob;
import io.ionstream.actors.domain.DomainResult;
import io.ionstream.actors.domain.DomainRun;
import io.ionstream.actors.domain.IntegratorSpec;
import io.ionstream.actors.domain.ModelSpec;
import io.ionstream.actors.domain.ThermoSample;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.PotentialFiles;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ionstream run}: one MD job on the domain-decomposed actor layer, in this process
 * (optionally spread over a loopback cluster of several actor systems).
 */
final class RunCommand implements Command {
    @Override public String name() { return "run"; }

    @Override public String summary() { return "MD on the domain-decomposed actor layer (subdomains exchanging halo atoms)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream run --structure FILE --potential FILE [--species Li,P,S,Cl]
                                     --ensemble nve|nvt|npt --temperature T --dt PS --steps N
                                     --seed S --subdomains N [--nodes N] [--pressure BAR]
                                     [--tdamp PS] [--pdamp PS] [--skin Å] [--thermo N]
                                     [--output FILE] [--json]

            Runs MD with the box split into N subdomains, each an actor that owns its atoms and
            exchanges halo atoms with its neighbours every step. The result is the same as the
            plain engine's to round-off, whatever N. With --nodes M (>= 2) the subdomains are
            spread over M actor systems in this process that form a Pekko cluster on 127.0.0.1
            and talk over TCP.

            Options:
              --structure FILE   initial structure; the format follows the name (LAMMPS data .data/.lmp,
                                 extxyz .xyz, POSCAR, CIF, single-frame dump)
              --potential FILE   potential; .mtp/.almtp/.als: a Moment Tensor Potential (--species
                                 names its species in index order), otherwise a LAMMPS-style
                                 file of pair_style / pair_coeff / kspace_style lines: lj/cut,
                                 buck, coul/dsf, coul/long, buck/coul/long + kspace_style ewald,
                                 hybrid/overlay (e.g. "pair_style lj/cut 8.5" then
                                 "pair_coeff * * 0.0104 3.4"; see the README)
              --species LIST     the species in type order (LAMMPS types 1..n; see the formats)
              --ensemble E       nve, nvt or npt (Nosé-Hoover chains as LAMMPS fix nvt / fix npt
                                 iso; default nve)
              --temperature T    initial velocities: Maxwell-Boltzmann at T K (0: keep the file's);
                                 the thermostat target for nvt and npt
              --pressure P       barostat target for npt, bar (default 1)
              --tdamp PS         thermostat damping time (default 100 time steps)
              --pdamp PS         barostat damping time (default 1000 time steps)
              --dt PS            time step in ps (default 0.001)
              --steps N          number of steps (default 1000)
              --seed S           seed of the initial velocities (default 1)
              --subdomains N     number of subdomains (default: available processors)
              --nodes M          spread the subdomains over M loopback cluster nodes (default 1)
              --skin Å           neighbour-list skin (default 1.0)
              --thermo N         thermo output every N steps (default: 10 lines per run)
              --output FILE      write the final structure (format from the name)
              --json             print the result as JSON: steps, potential_energy,
                                 kinetic_energy, total_energy (final step, eV), atom_steps_per_s …

            Example:
              bin/ionstream run --structure argon.data --potential argon.lmp --temperature 100 \\
                  --dt 0.002 --steps 500 --subdomains 2 --json
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("structure", "potential", "species", "ensemble", "temperature", "dt", "steps", "seed", "subdomains",
            "nodes", "skin", "thermo", "output", "pressure", "tdamp", "pdamp");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        org.slf4j.LoggerFactory.getILoggerFactory(); // before any actor system, or SLF4J warns about replayed calls
        Path structure = Args.existingFile(args.required("structure"), "structure file");
        Path potential = Args.existingFile(args.required("potential"), "potential file");
        String ensemble = args.string("ensemble", "nve").toLowerCase(Locale.ROOT);
        double temperature = args.decimal("temperature", 0);
        if (temperature < 0) throw new UsageException("option --temperature must be >= 0 K, got " + temperature);
        double dt = args.positive("dt", 0.001);
        long steps = args.integer("steps", 1000, 0, Long.MAX_VALUE / 2);
        long seed = args.integer("seed", 1);
        int subdomains = (int) args.integer("subdomains", Runtime.getRuntime().availableProcessors(), 1, 4096);
        int nodes = (int) args.integer("nodes", 1, 1, 64);
        double skin = args.positive("skin", 1.0);
        int thermo = (int) args.integer("thermo", Math.max(1, steps / 10), 1, Integer.MAX_VALUE);
        double tdamp = args.has("tdamp") ? args.positive("tdamp", 1) : 0;
        double pdamp = args.has("pdamp") ? args.positive("pdamp", 1) : 0;
        double pressure = args.decimal("pressure", 1.0);
        if (!ensemble.equals("nve") && !(temperature > 0)) {
            throw new UsageException("--ensemble " + ensemble + " needs --temperature (the thermostat target, K)");
        }
        IntegratorSpec integrator = new IntegratorSpec(ensemble, dt, temperature, tdamp, pressure, pdamp);
        try {
            integrator.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        String[] symbols = args.has("species") ? args.required("species").split(",") : null;
        AtomSystem sys = StructureFiles.read(structure, symbols);
        if (Files.size(potential) > PotentialFiles.MAX_BYTES) throw new UsageException("potential file " + potential + " is too large");
        byte[] contents = Files.readAllBytes(potential);
        ModelSpec model = new ModelSpec(potential.getFileName().toString(), contents, integrator);
        PotentialFiles.parse(potential.toString(), contents, SystemSummary.of(sys)); // report file errors with the full path, before starting actors
        if (temperature > 0) Velocities.maxwellBoltzmann(sys, temperature, seed);
        DomainJob job = new DomainJob(sys, model, NeighborSettings.withSkin(skin), steps, subdomains, thermo);

        boolean json = args.flag("json");
        console.info(String.format(Locale.ROOT, "%d atoms (%s), %s, %d steps of %g ps on %d subdomain%s%s", sys.size(), sys.formula(),
            ensemble, steps, dt, subdomains, subdomains == 1 ? "" : "s", nodes > 1 ? " over " + nodes + " cluster nodes" : ""));
        ProgressBar bar = new ProgressBar(console, "run", steps);
        DomainResult r;
        if (nodes == 1) {
            r = DomainRun.inProcess(job, s -> progress(bar, s));
        } else {
            try (LoopbackCluster cluster = LoopbackCluster.start(nodes, Duration.ofMinutes(1))) {
                r = cluster.run(job, s -> progress(bar, s), Duration.ofDays(365));
            }
        }
        if (args.has("output")) StructureFiles.write(r.system(), Path.of(args.required("output")));

        ThermoSample last = r.last();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("steps", r.steps());
            out.put("atoms", sys.size());
            out.put("ensemble", ensemble);
            out.put("subdomains", r.grid().count());
            out.put("grid", r.grid().toString());
            out.put("nodes", nodes);
            out.put("potential_energy", last.potentialEnergy());
            out.put("kinetic_energy", last.kineticEnergy());
            out.put("total_energy", last.totalEnergy());
            out.put("conserved_energy", last.conserved());
            out.put("temperature", last.temperature());
            out.put("pressure", last.pressure());
            out.put("volume", last.volume());
            out.put("atom_steps_per_s", r.atomStepsPerSecond());
            out.put("wall_s", r.wallNanos() * 1e-9);
            out.put("rebuilds", r.rebuilds());
            out.put("redone_steps", r.redos());
            out.put("halo_wait_share", r.waitShare());
            console.json(out);
        } else {
            console.out().println(String.format(Locale.ROOT, "%10s %16s %16s %16s %10s %12s", "step", "pe (eV)", "ke (eV)",
                "etotal (eV)", "T (K)", "P (bar)"));
            for (ThermoSample s : r.thermo()) {
                console.out().println(String.format(Locale.ROOT, "%10d %16.8f %16.8f %16.8f %10.3f %12.3f", s.step(),
                    s.potentialEnergy(), s.kineticEnergy(), s.totalEnergy(), s.temperature(), s.pressure()));
            }
            console.out().println(String.format(Locale.ROOT,
                "grid %s, %d list rebuilds, %.4g atom-steps/s, %.1f%% of subdomain time waiting for halos", r.grid(),
                r.rebuilds(), r.atomStepsPerSecond(), 100 * r.waitShare()));
        }
        return Main.OK;
    }

    private static void progress(ProgressBar bar, ThermoSample s) {
        bar.update(s.step(), String.format(Locale.ROOT, "E %.6g eV  T %.1f K", s.totalEnergy(), s.temperature()));
    }
}
