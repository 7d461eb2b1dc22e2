package io.ionstream.server.cli;

import io.ionstream.engine.protocol.LjLiquidDemo;
import io.ionstream.engine.protocol.ProtocolListener;
import io.ionstream.engine.protocol.ThermoSample;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ionstream demo}: the main job. By default an in-process server runs the demo job
 * and the terminal watches it over gRPC ({@link ServerDemo}); {@code --engine} runs the
 * self-contained engine demo ({@link LjLiquidDemo}) in this thread instead.
 */
final class DemoCommand implements Command {
    @Override public String name() { return "demo"; }
    @Override public String summary() { return "the main job: an in-process server runs a short MD job, its observables stream live (--engine: engine only)"; }

    @Override
    public String help() {
        LjLiquidDemo.Settings d = LjLiquidDemo.Settings.defaults();
        return ServerDemo.HELP + String.format(Locale.ROOT, """

            Engine demo:
            Usage: bin/ionstream demo --engine [--steps N] [--cells N] [--seed S] [--json]

            Runs an argon-like Lennard-Jones liquid (eps 0.0104 eV, sigma 3.405 A, cut 8.5 A; fcc start at
            4/5.8^3 atoms/A^3, melted from velocities at twice the target temperature) in the MD engine:
            Nose-Hoover NVT at %.0f K for 40%% of the steps, then NVE, with a %.0f fs time step. The progress
            bar shows temperature, potential and total energy and pressure; the summary reports the
            throughput (atom-steps per second), the NVE energy drift per atom per ps and the mean T and P.

            Options:
              --steps N   MD steps in total (default %d)
              --cells N   fcc cells per direction, 4 N^3 atoms (default %d: %d atoms)
              --seed S    seed of the initial velocities (default %d); the same seed gives the same run
              --json      print the summary as JSON on stdout

            Takes about 20-40 s on 2 cores with the defaults.
            """, d.temperature(), d.dt() * 1000, d.steps(), d.cells(), 4 * d.cells() * d.cells() * d.cells(), d.seed());
    }

    @Override public Set<String> valueOptions() { return Set.of("steps", "cells", "seed", "data-dir"); }
    @Override public Set<String> flagOptions() { return Set.of("json", "engine", "keep", "argon"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        if (!args.flag("engine")) {
            if (args.has("cells")) throw new UsageException("--cells goes with --engine");
            return new ServerDemo(console).run(args);
        }
        if (args.has("data-dir") || args.flag("keep") || args.flag("argon")) {
            throw new UsageException("--data-dir, --keep and --argon go with the server demo (without --engine)");
        }
        LjLiquidDemo.Settings d = LjLiquidDemo.Settings.defaults();
        LjLiquidDemo.Settings s = d.withSteps(args.integer("steps", d.steps(), 10, 100_000_000))
            .withCells((int) args.integer("cells", d.cells(), 2, 60))
            .withSeed(args.integer("seed", d.seed()));
        int atoms = 4 * s.cells() * s.cells() * s.cells();
        console.info(String.format(Locale.ROOT, "demo: %d argon atoms, %d steps of %.0f fs (NVT %.0f K, then NVE), seed %d",
            atoms, s.steps(), s.dt() * 1000, s.temperature(), s.seed()));
        ProgressBar bar = new ProgressBar(console, "demo", s.steps());
        ProtocolListener progress = new ProtocolListener() {
            @Override public void thermo(ThermoSample t) {
                bar.update(t.step(), String.format(Locale.ROOT, "%s T %6.1f K  PE %9.3f eV  E %9.3f eV  P %7.0f bar",
                    t.stage(), t.temperature(), t.potentialEnergy(), t.totalEnergy(), t.pressure()));
            }
        };
        LjLiquidDemo.Result r = LjLiquidDemo.run(s, progress);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("atoms", r.atoms());
        out.put("steps", r.steps());
        out.put("seconds", r.seconds());
        out.put("atom_steps_per_s", r.atomStepsPerSecond());
        out.put("nve_ps", r.nvePicoseconds());
        out.put("energy_drift_ev_per_atom_per_ps", r.driftPerAtomPerPs());
        out.put("energy_fluctuation_ev_per_atom", r.fluctuationPerAtom());
        out.put("mean_temperature_k", r.meanTemperature());
        out.put("mean_pressure_bar", r.meanPressure());
        out.put("final_total_energy_ev", r.finalTotalEnergy());
        out.put("seed", s.seed());
        if (args.flag("json")) {
            console.json(out);
        } else {
            console.out().printf(Locale.ROOT, "atoms                 %d%n", r.atoms());
            console.out().printf(Locale.ROOT, "steps                 %d (%.1f s wall)%n", r.steps(), r.seconds());
            console.out().printf(Locale.ROOT, "throughput            %.3g atom-steps/s%n", r.atomStepsPerSecond());
            console.out().printf(Locale.ROOT, "NVE energy drift      %.2e eV/atom/ps over %.1f ps (fluctuation %.1e eV/atom)%n",
                r.driftPerAtomPerPs(), r.nvePicoseconds(), r.fluctuationPerAtom());
            console.out().printf(Locale.ROOT, "NVE mean temperature  %.2f K%n", r.meanTemperature());
            console.out().printf(Locale.ROOT, "NVE mean pressure     %.1f bar%n", r.meanPressure());
        }
        return 0;
    }
}
