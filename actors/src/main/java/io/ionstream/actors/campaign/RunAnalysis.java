package io.ionstream.actors.campaign;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.engine.analysis.diffusion.DiffusionAnalysis;
import io.ionstream.engine.analysis.diffusion.DiffusionResult;
import io.ionstream.engine.analysis.gb.RegionalDiffusion;
import io.ionstream.engine.analysis.live.SlabRegions;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.RegionDiffusion;
import io.ionstream.proto.v1.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * D from one finished run: the frames of its sampling stage as an unwrapped trajectory of the
 * diffusing species (framework drift removed, or the centre of mass when every atom diffuses),
 * the all-origin MSD fitted by generalised least squares on the window (total, ∥ = xy, ⊥ = z,
 * each with α and the normal-diffusion verdict), and for grain boundaries the plane spacing, the
 * GB width (given, or from the per-atom energy profile) and regional D when configured. Hart's
 * decomposition needs the bulk run too and is done with the fits ({@link CampaignFits}).
 */
final class RunAnalysis {
    /** What a finished child job left: its results (stage lengths), atoms, frames, and its plan (force field) on demand. */
    record Child(String jobId, JobResults results, AtomState initial, StreamLog<Frame> frames, FrameHeader header, Supplier<JobPlan> plan) {}

    private RunAnalysis() {}

    static CampaignRun analyse(CampaignRun run, Child child, CampaignPlan.StructurePlan s, CampaignPlan.DiffusionPlan d) {
        long[] range = stageRange(child.results(), s.samplingStage(), child.jobId());
        int frames = FrameLogReader.count(child.frames(), range[0], range[1]);
        if (frames < CampaignPlanner.MIN_FRAMES) {
            long n = child.frames().count();
            String log = n == 0 ? "no frames" : n + " frames, steps " + child.frames().get(0).getStep() + " to " + child.frames().get(n - 1).getStep();
            throw new IllegalStateException("run " + child.jobId() + " recorded " + frames + " frames in its sampling stage '" + s.samplingStage()
                + "' (steps " + range[0] + " to " + range[1] + "; its log holds " + log + "); D needs at least " + CampaignPlanner.MIN_FRAMES);
        }
        Trajectory t = new TrajectoryLoader().keep(s.species()).drift(s.allSpecies() ? DriftReference.ALL_ATOMS : DriftReference.FRAMEWORK)
            .load(List.of(new TrajectorySource(child.jobId(), () -> new FrameLogReader(child.frames(), child.header(),
                child.initial().species(), range[0], range[1]))));
        double span = t.time(t.frames() - 1) - t.time(0);
        DiffusionAnalysis a = DiffusionAnalysis.run(t, true, new double[] {d.windowStart() * span, d.windowEnd() * span});
        CampaignRun.Builder b = run.toBuilder().setTotal(value(a.total())).setVerdict(a.total().verdict())
            .setWindowStartPs(a.windowStart()).setWindowEndPs(a.windowEnd()).setAtoms(t.atoms()).setFrames(t.frames())
            .clearProblems().addAllProblems(a.problems());
        if (a.parallel() != null) b.setParallel(value(a.parallel()));
        if (a.perpendicular() != null) b.setPerpendicular(value(a.perpendicular()));
        if (s.grainBoundary()) grainBoundary(b, child, s, d, t, a, range);
        return b.build();
    }

    private static void grainBoundary(CampaignRun.Builder b, Child child, CampaignPlan.StructurePlan s, CampaignPlan.DiffusionPlan d,
                                      Trajectory t, DiffusionAnalysis a, long[] range) {
        double[] frac = new double[s.planesZ().length];
        for (int k = 0; k < frac.length; k++) frac[k] = (s.planesZ()[k] - s.initialZlo()) / s.initialLz();
        var box = t.box(0);
        b.setGbSpacingA(box.lz() / frac.length);
        if (s.widthA() != null) {
            b.setGbWidthA(s.widthA()).setGbWidthErrorA(0).setGbWidthSource("given (gb_width_a)");
        } else {
            try {
                GbWidthFit w = width(child, s, d, frac, range);
                b.setGbWidthA(w.widthA()).setGbWidthErrorA(w.errorA()).setGbWidthSource(String.format(Locale.ROOT,
                    "6σ of Gaussians fitted to the per-atom energy profile of %s (%d frames, %d bins)", String.join(",", s.species()),
                    w.frames(), w.z().length));
            } catch (IllegalArgumentException e) {
                b.addProblems("GB width: " + e.getMessage());
            }
        }
        if (s.regionSlabA() > 0) {
            double[] planes = new double[frac.length];
            for (int k = 0; k < planes.length; k++) planes[k] = box.zlo() + frac[k] * box.lz();
            RegionalDiffusion.Result r = RegionalDiffusion.analyse(t, t.all(), SlabRegions.grainBoundary(planes, s.regionSlabA()), true,
                a.windowStart(), a.windowEnd());
            for (RegionalDiffusion.Region reg : r.regions()) {
                RegionDiffusion.Builder rb = RegionDiffusion.newBuilder().setRegion(reg.name()).setAtoms(reg.atoms());
                if (reg.parallel() != null) rb.setParallel(value(reg.parallel()));
                if (reg.perpendicular() != null) rb.setPerpendicular(value(reg.perpendicular()));
                if (reg.total() != null) rb.setTotal(value(reg.total()));
                b.addRegions(rb);
                for (String p : reg.problems()) b.addProblems("region " + reg.name() + ": " + p);
            }
        }
    }

    private static GbWidthFit width(Child child, CampaignPlan.StructurePlan s, CampaignPlan.DiffusionPlan d, double[] frac, long[] range) {
        List<Long> sampling = new ArrayList<>();
        StreamLog<Frame> log = child.frames();
        for (long k = 0; k < log.count(); k++) {
            long step = log.get(k).getStep();
            if (step >= range[0] && step <= range[1]) sampling.add(k);
        }
        int n = Math.min(d.profileFrames(), sampling.size());
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) chosen.add(sampling.get((int) ((long) i * (sampling.size() - 1) / Math.max(1, n - 1))));
        var sp = child.initial().species();
        boolean[] mask = new boolean[sp.size()];
        for (String x : s.species()) mask[sp.indexOf(x)] = true;
        JobPlan plan = child.plan().get();
        return GbWidthFit.fit(log, chosen, child.initial(), plan.forceField().create(plan.system()), plan.neighbors(), mask, frac,
            d.profileBinA());
    }

    /** First and last step of the stage named {@code stage}, from the lengths the run's results report. */
    static long[] stageRange(JobResults results, String stage, String jobId) {
        long start = 0;
        for (StageResult r : results.getStagesList()) {
            if (r.getName().equals(stage)) return new long[] {start, start + r.getSteps()};
            start += r.getSteps();
        }
        throw new IllegalStateException("run " + jobId + " has no finished stage '" + stage + "' in its results");
    }

    static DiffusionValue value(DiffusionResult r) {
        return DiffusionValue.newBuilder().setDCm2S(r.d()).setErrorCm2S(r.dError()).setAlpha(r.alpha()).setNormal(r.normal()).build();
    }
}
