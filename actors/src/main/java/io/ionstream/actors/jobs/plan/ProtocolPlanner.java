package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.RescaleEvery;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.min.BoxRelax;
import io.ionstream.engine.min.ConjugateGradient;
import io.ionstream.engine.min.Fire;
import io.ionstream.engine.min.MinimizeSettings;
import io.ionstream.engine.min.Minimizer;
import io.ionstream.engine.protocol.AnnealQuench;
import io.ionstream.engine.protocol.EquilibrateThenSample;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.MinimizeStage;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.protocol.TemperatureRamp;
import io.ionstream.engine.protocol.VelocityStage;
import io.ionstream.proto.v1.Coupling;
import io.ionstream.proto.v1.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the protocol of a job spec into the engine's stages (velocities, MD with an integrator,
 * minimisation). Every refusal is an INVALID_ARGUMENT naming the field.
 */
final class ProtocolPlanner {
    /** A time step beyond this is not atomistic MD (ps). */
    static final double MAX_TIMESTEP = 0.1;

    private ProtocolPlanner() {}

    static List<Stage> stages(Protocol p, long seed) {
        double dt = p.getTimestepPs();
        if (!(dt > 0) || !(dt <= MAX_TIMESTEP)) {
            throw ServiceException.invalid("protocol.timestep_ps must be in (0, " + MAX_TIMESTEP + "] ps, got " + dt);
        }
        try {
            List<Stage> stages = switch (p.getKindCase()) {
                case STAGES -> list(p.getStages().getStagesList(), dt, seed);
                case EQUILIBRATE_THEN_SAMPLE -> {
                    var e = p.getEquilibrateThenSample();
                    Barostat b = e.hasBarostat() ? barostat(e.getBarostat(), dt, "protocol.equilibrate_then_sample.barostat") : null;
                    double ti = e.hasInitialTemperatureK() ? e.getInitialTemperatureK() : e.getTemperatureK();
                    yield new EquilibrateThenSample(e.getTemperatureK(), b, e.getEquilibratePs(), e.getSamplePs(), dt,
                        orDefault(e.getDampingPs(), 100 * dt), ti, seed).protocol().stages();
                }
                case TEMPERATURE_RAMP -> {
                    var r = p.getTemperatureRamp();
                    Barostat b = r.hasBarostat() ? barostat(r.getBarostat(), dt, "protocol.temperature_ramp.barostat") : null;
                    yield new TemperatureRamp(r.getStartK(), r.getStopK(), r.getDurationPs(), dt, orDefault(r.getDampingPs(), 100 * dt),
                        b, seed).protocol().stages();
                }
                case ANNEAL_QUENCH -> {
                    var a = p.getAnnealQuench();
                    var m = a.getMinimize();
                    yield new AnnealQuench(a.getAnnealK(), a.getAnnealPs(), a.getCoolPs(), a.getPressureBar(), coupling(a.getCoupling()), dt,
                        orDefault(a.getTdampPs(), 100 * dt), orDefault(a.getPdampPs(), 1000 * dt), settings(m), m.getRelaxZ(), seed)
                        .protocol().stages();
                }
                case KIND_NOT_SET -> throw ServiceException.invalid(
                    "protocol needs one of stages, equilibrate_then_sample, temperature_ramp, anneal_quench");
            };
            return stages;
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("protocol: " + e.getMessage());
        }
    }

    private static List<Stage> list(List<io.ionstream.proto.v1.Stage> specs, double dt, long seed) {
        if (specs.isEmpty()) throw ServiceException.invalid("protocol.stages has no stages");
        List<Stage> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            var s = specs.get(i);
            String where = "protocol.stages[" + i + "]";
            // a velocity stage is always called "velocities" (the engine names it so)
            String name = s.hasVelocities() || s.getName().isBlank() ? defaultName(s, i) : s.getName().strip();
            if (!names.add(name)) throw ServiceException.invalid(where + ": stage name '" + name + "' is used twice");
            try {
                out.add(switch (s.getKindCase()) {
                    case VELOCITIES -> new VelocityStage(s.getVelocities().getTemperatureK(), seed);
                    case MD -> new MdStage(name, integrator(s.getMd(), dt, where), s.getMd().getSteps());
                    case MINIMIZE -> new MinimizeStage(name, minimizer(s.getMinimize(), dt));
                    case KIND_NOT_SET -> throw ServiceException.invalid(where + " needs one of velocities, md, minimize");
                });
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalid(where + " (" + name + "): " + e.getMessage());
            }
        }
        return out;
    }

    private static String defaultName(io.ionstream.proto.v1.Stage s, int i) {
        return switch (s.getKindCase()) {
            case VELOCITIES -> "velocities";
            case MD -> s.getMd().getEnsemble().name().toLowerCase(java.util.Locale.ROOT) + "-" + i;
            case MINIMIZE -> "minimize-" + i;
            case KIND_NOT_SET -> "stage-" + i;
        };
    }

    private static Integrator integrator(io.ionstream.proto.v1.MdStage md, double dt, String where) {
        if (md.getSteps() == 0) throw ServiceException.invalid(where + ".md.steps must be > 0");
        var th = md.getThermostat();
        Integrator base = switch (md.getEnsemble()) {
            case NVE -> new VelocityVerlet(dt);
            case NVT -> NoseHoover.nvt(dt, thermostat(md, dt, where), th.hasStopTemperatureK() ? md.getSteps() : 0);
            case NPT -> {
                if (!md.hasBarostat()) throw ServiceException.invalid(where + ".md: NPT needs a barostat");
                Barostat b = barostat(md.getBarostat(), dt, where + ".md.barostat");
                boolean ramp = th.hasStopTemperatureK() || md.getBarostat().hasStopPressureBar();
                yield NoseHoover.npt(dt, thermostat(md, dt, where), b, ramp ? md.getSteps() : 0);
            }
            case ENSEMBLE_UNSPECIFIED, UNRECOGNIZED -> throw ServiceException.invalid(where + ".md.ensemble must be NVE, NVT or NPT");
        };
        if (md.getRescaleEvery() > 0) {
            if (!md.hasThermostat()) throw ServiceException.invalid(where + ".md.rescale_every needs thermostat.temperature_k as its target");
            return new RescaleEvery(base, md.getRescaleEvery(), th.getTemperatureK());
        }
        return base;
    }

    private static Thermostat thermostat(io.ionstream.proto.v1.MdStage md, double dt, String where) {
        if (!md.hasThermostat()) throw ServiceException.invalid(where + ".md: " + md.getEnsemble() + " needs a thermostat");
        var t = md.getThermostat();
        double stop = t.hasStopTemperatureK() ? t.getStopTemperatureK() : t.getTemperatureK();
        return Thermostat.of(t.getTemperatureK(), stop, orDefault(t.getDampingPs(), 100 * dt));
    }

    private static Barostat barostat(io.ionstream.proto.v1.Barostat b, double dt, String where) {
        double stop = b.hasStopPressureBar() ? b.getStopPressureBar() : b.getPressureBar();
        try {
            return new Barostat(coupling(b.getCoupling()), b.getPressureBar(), stop, orDefault(b.getDampingPs(), 1000 * dt), 3);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(where + ": " + e.getMessage());
        }
    }

    private static Barostat.Coupling coupling(Coupling c) {
        return c == Coupling.COUPLING_Z ? Barostat.Coupling.Z : Barostat.Coupling.ISO;
    }

    private static Minimizer minimizer(io.ionstream.proto.v1.MinimizeStage m, double dt) {
        MinimizeSettings s = settings(m);
        BoxRelax relax = m.getRelaxZ() ? BoxRelax.z(m.getPressureBar()) : BoxRelax.none();
        return switch (m.getAlgorithm()) {
            case FIRE -> new Fire(dt, s, relax);
            default -> new ConjugateGradient(s, relax);
        };
    }

    private static MinimizeSettings settings(io.ionstream.proto.v1.MinimizeStage m) {
        double etol = m.getEnergyTolerance(), ftol = m.getForceTolerance();
        if (etol == 0 && ftol == 0) etol = 1e-8;
        long iter = m.getMaxIterations() == 0 ? 1000 : m.getMaxIterations();
        long evals = m.getMaxEvaluations() == 0 ? 10 * iter : m.getMaxEvaluations();
        return MinimizeSettings.of(etol, ftol, iter, evals);
    }

    private static double orDefault(double v, double def) {
        return v == 0 ? def : v;
    }
}
