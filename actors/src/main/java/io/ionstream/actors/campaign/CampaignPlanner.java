package io.ionstream.actors.campaign;

import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.actors.jobs.plan.JobPlanner;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.fe.study.ModelChoice;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.BuildStructureRequest;
import io.ionstream.proto.v1.CampaignDiffusion;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignStructure;
import io.ionstream.proto.v1.FeSource;
import io.ionstream.proto.v1.GivenComponent;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.proto.v1.StructureRole;
import io.ionstream.proto.v1.StructureSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a campaign spec into a {@link CampaignPlan}, refusing anything wrong with
 * INVALID_ARGUMENT and a message naming the field. Two steps: {@link #resolve} checks the spec,
 * builds the preset structures once and stores them in the structure catalogue (every run then
 * loads its structure by id, and the GB planes the presets report are written into the spec), so
 * the resolved spec names every structure by id with its role and planes; {@link #plan} makes the
 * plan from a resolved spec without building anything, checking each structure's run job with the
 * job planner. A restarted server plans a stored campaign again from its resolved spec.
 */
public final class CampaignPlanner {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern GIVEN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final String PLANES_DETAIL = "GB planes z";
    /** Frames the sampling stage must hold for an all-origin MSD fit. */
    static final int MIN_FRAMES = 20;
    /** Frames aimed at in the sampling stage when nothing sets the frame interval. */
    static final int DEFAULT_FRAMES = 200;

    private final JobPlanner jobs;
    private final StructureCatalog structures;

    public CampaignPlanner(JobPlanner jobs, StructureCatalog structures) {
        this.jobs = jobs;
        this.structures = structures;
    }

    /**
     * Checks a submitted campaign, builds and stores its preset structures, and plans it; a
     * campaign refused after its structures were stored takes them out of the catalogue again.
     */
    public PreparedCampaign prepare(JobSpec spec) {
        List<String> stored = new ArrayList<>();
        try {
            CampaignJob resolved = resolve(spec.getCampaign(), stored);
            String name = spec.getName().isBlank() ? "campaign" : spec.getName().strip();
            return new PreparedCampaign(spec, resolved, plan(name, resolved));
        } catch (RuntimeException e) {
            for (String id : stored) {
                try {
                    structures.remove(id);
                } catch (RuntimeException ignored) {
                    // a leftover catalogue entry is harmless; the refusal is what the caller needs
                }
            }
            throw e;
        }
    }

    /**
     * The campaign with every structure stored and named, its role and planes explicit; the ids
     * of the structures it built go to {@code stored}.
     */
    CampaignJob resolve(CampaignJob c, List<String> stored) {
        boolean md = c.getStructuresCount() + c.getNamedStructuresCount() > 0;
        if (!md && c.getGivenCount() == 0) {
            throw ServiceException.invalid("campaign needs structures (MD runs) or given components (FE from given D values)");
        }
        temperatures(c.getTemperaturesKList(), "campaign.temperatures_k", md);
        if (md) {
            if (!c.hasTemplate()) throw ServiceException.invalid("campaign.template is missing (the MD job every run is made from)");
            TemplateRuns.check(c.getTemplate());
            if (c.getReferenceTemperatureK() < 0 || !Double.isFinite(c.getReferenceTemperatureK())) {
                throw ServiceException.invalid("campaign.reference_temperature_k must be positive, got " + c.getReferenceTemperatureK());
            }
            TemplateRuns.referenceTemperature(c.getTemplate(), c.getReferenceTemperatureK());
        } else if (c.hasTemplate()) {
            throw ServiceException.invalid("campaign.template is set but the campaign has no structures to run");
        }
        diffusion(c.getDiffusion());
        List<CampaignStructure> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < c.getStructuresCount(); i++) {
            all.add(CampaignStructure.newBuilder().setStructure(c.getStructures(i)).build());
            fields.add("campaign.structures[" + i + "]");
        }
        for (int i = 0; i < c.getNamedStructuresCount(); i++) {
            all.add(c.getNamedStructures(i));
            fields.add("campaign.named_structures[" + i + "]");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String n = structureName(all.get(i), fields.get(i));
            if (names.contains(n)) {
                throw ServiceException.invalid(fields.get(i) + ": the name '" + n + "' is used twice (give the structures distinct names)");
            }
            names.add(n);
            CampaignStructure s = all.get(i);
            if (s.getGbPlanesZCount() > 0 && s.getRole() == StructureRole.STRUCTURE_ROLE_BULK) {
                throw ServiceException.invalid(fields.get(i) + ".gb_planes_z is given but the role is bulk");
            }
            for (double z : s.getGbPlanesZList()) finite(z, fields.get(i) + ".gb_planes_z");
            if (s.hasGbWidthA() && !(s.getGbWidthA() > 0 && Double.isFinite(s.getGbWidthA()))) {
                throw ServiceException.invalid(fields.get(i) + ".gb_width_a must be positive, got " + s.getGbWidthA());
            }
            if (s.hasRegionSlabA() && !(s.getRegionSlabA() >= 0 && Double.isFinite(s.getRegionSlabA()))) {
                throw ServiceException.invalid(fields.get(i) + ".region_slab_a must be >= 0, got " + s.getRegionSlabA());
            }
        }
        given(c.getGivenList(), names);
        // build and store only once everything that needs no atoms is known to be right
        List<CampaignStructure> resolved = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) resolved.add(store(all.get(i), names.get(i), fields.get(i), stored));
        List<String> bulk = new ArrayList<>();
        for (CampaignStructure s : resolved) if (s.getRole() == StructureRole.STRUCTURE_ROLE_BULK) bulk.add(s.getName());
        for (int i = 0; i < resolved.size(); i++) {
            CampaignStructure s = resolved.get(i);
            if (s.getRole() != StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY) continue;
            String ref = s.getBulkReference().strip();
            if (ref.isEmpty()) {
                if (!bulk.isEmpty()) resolved.set(i, s.toBuilder().setBulkReference(bulk.get(0)).build());
            } else if (!bulk.contains(ref)) {
                throw ServiceException.invalid(fields.get(i) + ".bulk_reference '" + ref + "' is not a bulk structure of the campaign (bulk: "
                    + (bulk.isEmpty() ? "none" : String.join(", ", bulk)) + ")");
            }
        }
        return c.toBuilder().clearStructures().clearNamedStructures().addAllNamedStructures(resolved).build();
    }

    /** The plan of a resolved campaign (structures stored, named, roles explicit). */
    public CampaignPlan plan(String name, CampaignJob c) {
        List<Double> temps = c.getTemperaturesKList();
        CampaignPlan.DiffusionPlan diffusion = diffusion(c.getDiffusion());
        List<CampaignPlan.StructurePlan> plans = new ArrayList<>();
        List<CampaignPlan.RunPlan> runs = new ArrayList<>();
        double reference = c.getNamedStructuresCount() == 0 ? 0 : TemplateRuns.referenceTemperature(c.getTemplate(), c.getReferenceTemperatureK());
        for (CampaignStructure s : c.getNamedStructuresList()) {
            String where = "campaign structure '" + s.getName() + "'";
            AtomSystem sys = structures.load(s.getStructure().getStructureId());
            SpeciesTable sp = sys.species();
            String[] species = species(c.getDiffusion(), sp, where);
            boolean all = Arrays.asList(species).containsAll(Arrays.asList(sp.symbols()));
            double t0 = temps.get(0);
            JobSpec base = TemplateRuns.child(childName(s.getName(), t0), c.getTemplate(), s.getStructure().getStructureId(), t0, reference);
            PreparedJob p = prepare(base, s.getName(), t0);
            String stage = samplingStage(c, p, where);
            long steps = p.plan().stages().stream().filter(x -> x.name().equals(stage)).findFirst().orElseThrow().plannedSteps();
            long every = frameEvery(c, steps);
            prepare(TemplateRuns.withSampling(base, stage, species, every), s.getName(), t0);
            boolean gb = s.getRole() == StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY;
            String ref = s.getBulkReference().isBlank() ? null : s.getBulkReference();
            plans.add(new CampaignPlan.StructurePlan(s.getName(), s.getStructure().getStructureId(), gb,
                s.getGbPlanesZList().stream().mapToDouble(Double::doubleValue).toArray(), sys.box().zlo(), sys.box().lz(),
                s.hasGbWidthA() ? s.getGbWidthA() : null, gb ? ref : null, s.hasRegionSlabA() ? s.getRegionSlabA() : 0, species, all, stage));
            for (double t : temps) {
                String child = childName(s.getName(), t);
                JobSpec spec = TemplateRuns.withSampling(TemplateRuns.child(child, c.getTemplate(), s.getStructure().getStructureId(), t,
                    reference), stage, species, every);
                runs.add(new CampaignPlan.RunPlan(runs.size(), s.getName(), t, child, spec));
            }
        }
        CampaignPlan.FePlan fe = c.hasFe() ? fe(c, plans) : null;
        return new CampaignPlan(name, plans, temps, runs, diffusion, c.getGivenList(), fe);
    }

    /** The name of a run's child job (a restarted campaign finds its runs' jobs by it). */
    static String childName(String structure, double t) {
        return structure + " @ " + format(t) + " K";
    }

    private PreparedJob prepare(JobSpec spec, String structure, double t) {
        try {
            return jobs.prepare(spec);
        } catch (ServiceException e) {
            if (e.kind() != ServiceException.Kind.INVALID_ARGUMENT) throw e;
            throw ServiceException.invalid("campaign.template (run of structure '" + structure + "' at " + format(t) + " K): " + e.getMessage());
        }
    }

    private static String samplingStage(CampaignJob c, PreparedJob p, String where) {
        List<Stage> stages = p.plan().stages();
        String wanted = c.getDiffusion().getStage().strip();
        if (!wanted.isEmpty()) {
            for (Stage s : stages) if (s.name().equals(wanted) && s instanceof MdStage) return wanted;
            throw ServiceException.invalid("campaign.diffusion.stage: the template has no MD stage named '" + wanted + "' (stages: "
                + String.join(", ", stages.stream().map(Stage::name).toList()) + ")");
        }
        if (c.getTemplate().getProtocol().hasEquilibrateThenSample()) return "nve";
        for (int k = stages.size() - 1; k >= 0; k--) if (stages.get(k) instanceof MdStage) return stages.get(k).name();
        throw ServiceException.invalid("campaign.template.protocol has no MD stage to sample D from (" + where + ")");
    }

    private static long frameEvery(CampaignJob c, long samplingSteps) {
        long every = c.getTemplate().getFrameEvery() > 0 ? c.getTemplate().getFrameEvery()
            : c.getDiffusion().getFrameEvery() > 0 ? c.getDiffusion().getFrameEvery() : Math.max(1, samplingSteps / DEFAULT_FRAMES);
        if (samplingSteps / every + 1 < MIN_FRAMES) {
            String field = c.getTemplate().getFrameEvery() > 0 ? "campaign.template.frame_every" : "campaign.diffusion.frame_every";
            throw ServiceException.invalid(field + " = " + every + " leaves " + (samplingSteps / every + 1) + " frames in the sampling stage of "
                + samplingSteps + " steps; D needs at least " + MIN_FRAMES);
        }
        return every;
    }

    private static String[] species(CampaignDiffusion d, SpeciesTable sp, String where) {
        if (d.getSpeciesCount() == 0) return sp.indexOf("Li") >= 0 ? new String[] {"Li"} : sp.symbols();
        for (String s : d.getSpeciesList()) {
            if (sp.indexOf(s) < 0) throw ServiceException.invalid("campaign.diffusion.species: '" + s + "' is not in " + where + " (" + sp + ")");
        }
        return d.getSpeciesList().toArray(String[]::new);
    }

    private CampaignStructure store(CampaignStructure s, String name, String field, List<String> stored) {
        StructureSource src = s.getStructure();
        StructureInfo info;
        try {
            info = switch (src.getSourceCase()) {
                case PRESET -> {
                    StructureInfo built = structures.build(BuildStructureRequest.newBuilder().setPreset(src.getPreset())
                        .setName("campaign: " + name).build());
                    stored.add(built.getStructureId());
                    yield built;
                }
                case STRUCTURE_ID -> structures.get(src.getStructureId());
                case SOURCE_NOT_SET -> throw ServiceException.invalid("needs a preset or a structure_id");
            };
        } catch (ServiceException e) {
            throw new ServiceException(e.kind(), field + ".structure: " + e.getMessage(), e);
        }
        List<Double> planes = s.getGbPlanesZList();
        if (planes.isEmpty() && s.getRole() != StructureRole.STRUCTURE_ROLE_BULK) {
            String reported = info.getReport().getDetailsMap().get(PLANES_DETAIL);
            if (reported != null) planes = parsePlanes(reported, field);
        }
        StructureRole role = s.getRole();
        if (role == StructureRole.STRUCTURE_ROLE_AUTO) role = planes.isEmpty() ? StructureRole.STRUCTURE_ROLE_BULK : StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY;
        if (role == StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY && planes.isEmpty()) {
            throw ServiceException.invalid(field + ".gb_planes_z: give the GB planes of '" + name + "' (only the gb-* presets report theirs)");
        }
        if (role == StructureRole.UNRECOGNIZED) {
            throw ServiceException.invalid(field + ".role is not a known role");
        }
        return s.toBuilder().setName(name).setStructure(StructureSource.newBuilder().setStructureId(info.getStructureId())).setRole(role)
            .clearGbPlanesZ().addAllGbPlanesZ(role == StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY ? planes : List.of()).build();
    }

    private static List<Double> parsePlanes(String text, String field) {
        String t = text.strip();
        if (t.startsWith("[")) t = t.substring(1);
        if (t.endsWith("]")) t = t.substring(0, t.length() - 1);
        List<Double> out = new ArrayList<>();
        try {
            for (String p : t.split(",")) if (!p.isBlank()) out.add(Double.parseDouble(p.strip()));
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(field + ": the structure reports GB planes '" + text + "' that cannot be read; give gb_planes_z");
        }
        return out;
    }

    private static String structureName(CampaignStructure s, String field) {
        String n = s.getName().strip();
        if (n.isEmpty()) {
            StructureSource src = s.getStructure();
            n = switch (src.getSourceCase()) {
                case PRESET -> src.getPreset().getName().strip();
                case STRUCTURE_ID -> src.getStructureId().strip();
                case SOURCE_NOT_SET -> throw ServiceException.invalid(field + ".structure needs a preset or a structure_id");
            };
        }
        if (!NAME.matcher(n).matches()) {
            throw ServiceException.invalid(field + ".name '" + n + "' must be 1-64 letters, digits, '-' or '_' (it names D components)");
        }
        return n;
    }

    private static void temperatures(List<Double> ts, String field, boolean required) {
        if (required && ts.isEmpty()) throw ServiceException.invalid(field + " is empty: every structure runs at each temperature");
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < ts.size(); i++) {
            double t = ts.get(i);
            if (!(t > 0) || !(t < 1e5)) throw ServiceException.invalid(field + "[" + i + "] must be in (0, 100000) K, got " + t);
            if (!seen.add(t)) throw ServiceException.invalid(field + "[" + i + "]: " + format(t) + " K is given twice");
        }
    }

    static CampaignPlan.DiffusionPlan diffusion(CampaignDiffusion d) {
        double a = d.getWindowStart(), b = d.getWindowEnd();
        if (a == 0 && b == 0) {
            a = 0.4;
            b = 0.85;
        }
        if (!(a >= 0 && a < b && b <= 1)) {
            throw ServiceException.invalid("campaign.diffusion.window_start/window_end must satisfy 0 <= start < end <= 1 (fractions of the "
                + "sampling stage), got " + d.getWindowStart() + " and " + d.getWindowEnd());
        }
        double bin = d.getProfileBinA() == 0 ? 5.0 : d.getProfileBinA();
        if (!(bin > 0 && bin < 1000)) throw ServiceException.invalid("campaign.diffusion.profile_bin_a must be in (0, 1000) Å, got " + bin);
        int frames = d.getProfileFrames() == 0 ? 10 : d.getProfileFrames();
        if (frames > 10_000) throw ServiceException.invalid("campaign.diffusion.profile_frames is at most 10000, got " + frames);
        return new CampaignPlan.DiffusionPlan(a, b, d.getIncludeNonNormal(), bin, frames);
    }

    private static void given(List<GivenComponent> given, List<String> structures) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            GivenComponent g = given.get(i);
            String f = "campaign.given[" + i + "]";
            String n = g.getName().strip();
            if (!GIVEN_NAME.matcher(n).matches()) throw ServiceException.invalid(f + ".name '" + n + "' must be 1-100 letters, digits, '.', '-' or '_'");
            if (!names.add(n)) throw ServiceException.invalid(f + ".name '" + n + "' is used twice");
            int dot = n.lastIndexOf('.');
            if (dot > 0 && structures.contains(n.substring(0, dot))) {
                throw ServiceException.invalid(f + ".name '" + n + "' clashes with the D components of structure '" + n.substring(0, dot) + "'");
            }
            boolean points = g.getTemperaturesKCount() > 0 || g.getDCm2SCount() > 0;
            if (g.hasArrhenius() == points) {
                throw ServiceException.invalid(f + " needs either D values (temperatures_k with d_cm2_s) or arrhenius parameters");
            }
            if (g.hasArrhenius()) {
                var a = g.getArrhenius();
                if (!(a.getD0Cm2S() > 0 && Double.isFinite(a.getD0Cm2S()))) throw ServiceException.invalid(f + ".arrhenius.d0_cm2_s must be positive, got " + a.getD0Cm2S());
                finite(a.getEaEv(), f + ".arrhenius.ea_ev");
                if (!(a.getD0ErrorCm2S() >= 0) || !(a.getEaErrorEv() >= 0)) throw ServiceException.invalid(f + ".arrhenius errors must be >= 0");
                continue;
            }
            if (g.getTemperaturesKCount() != g.getDCm2SCount()) {
                throw ServiceException.invalid(f + ": " + g.getTemperaturesKCount() + " temperatures_k but " + g.getDCm2SCount() + " d_cm2_s");
            }
            if (g.getDErrorCm2SCount() != 0 && g.getDErrorCm2SCount() != g.getDCm2SCount()) {
                throw ServiceException.invalid(f + ".d_error_cm2_s: give an error for every D or none (" + g.getDErrorCm2SCount() + " for "
                    + g.getDCm2SCount() + " values)");
            }
            temperatures(g.getTemperaturesKList(), f + ".temperatures_k", true);
            for (int k = 0; k < g.getDCm2SCount(); k++) {
                double d = g.getDCm2S(k);
                if (!(d > 0) || !Double.isFinite(d)) throw ServiceException.invalid(f + ".d_cm2_s[" + k + "] must be positive, got " + d);
                if (g.getDErrorCm2SCount() > 0 && !(g.getDErrorCm2S(k) > 0 && Double.isFinite(g.getDErrorCm2S(k)))) {
                    throw ServiceException.invalid(f + ".d_error_cm2_s[" + k + "] must be positive, got " + g.getDErrorCm2S(k));
                }
            }
        }
    }

    private CampaignPlan.FePlan fe(CampaignJob c, List<CampaignPlan.StructurePlan> structures) {
        CampaignFe fe = c.getFe();
        if (fe.getGrainSizesNmCount() == 0) throw ServiceException.invalid("campaign.fe.grain_sizes_nm is empty");
        for (int i = 0; i < fe.getGrainSizesNmCount(); i++) {
            double d = fe.getGrainSizesNm(i);
            if (!(d > 0) || !(d < 1e7)) throw ServiceException.invalid("campaign.fe.grain_sizes_nm[" + i + "] must be in (0, 1e7) nm, got " + d);
        }
        double transition = fe.getTransitionNm() == 0 ? 100 : fe.getTransitionNm();
        if (!(transition > 0) || !Double.isFinite(transition)) throw ServiceException.invalid("campaign.fe.transition_nm must be positive, got " + transition);
        ModelChoice model = switch (fe.getModel()) {
            case FE_MODEL_AUTO -> ModelChoice.auto(transition);
            case FE_MODEL_RESOLVED -> ModelChoice.of(GbModel.RESOLVED);
            case FE_MODEL_COLLAPSED -> ModelChoice.of(GbModel.COLLAPSED);
            case UNRECOGNIZED -> throw ServiceException.invalid("campaign.fe.model is not a known model");
        };
        if (fe.getSource() == FeSource.UNRECOGNIZED) throw ServiceException.invalid("campaign.fe.source is not a known source");
        int grains = fe.getGrains() == 0 ? 8 : fe.getGrains();
        int grid = fe.getGrid() == 0 ? 32 : fe.getGrid();
        if (grains > 100_000) throw ServiceException.invalid("campaign.fe.grains is at most 100000, got " + grains);
        if (grid < 4 || grid > 1024) throw ServiceException.invalid("campaign.fe.grid must be in [4, 1024] voxels per axis, got " + grid);
        Seeding seeding;
        try {
            seeding = fe.getSeeding().isBlank() ? Seeding.RANDOM : Seeding.parse(fe.getSeeding().strip());
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("campaign.fe.seeding: " + e.getMessage());
        }
        double tol = fe.getTolerance() == 0 ? 1e-6 : fe.getTolerance();
        if (!(tol > 0 && tol < 1)) throw ServiceException.invalid("campaign.fe.tolerance must be in (0, 1), got " + tol);
        int threads = fe.getThreads() == 0 ? Runtime.getRuntime().availableProcessors() : fe.getThreads();
        if (threads > 1024) throw ServiceException.invalid("campaign.fe.threads is at most 1024, got " + threads);
        PolycrystalSpec micro = new PolycrystalSpec(grains, grid, fe.getGrainSizesNm(0), seeding, fe.getSeed() == 0 ? 1 : fe.getSeed(),
            seeding == Seeding.LLOYD ? 10 : 0);

        Map<String, ComponentInfo> components = components(c, structures);
        String firstBulk = structures.stream().filter(s -> !s.grainBoundary()).map(CampaignPlan.StructurePlan::name).findFirst().orElse(null);
        String firstGb = structures.stream().filter(s -> s.grainBoundary() && s.bulkReference() != null).map(CampaignPlan.StructurePlan::name)
            .findFirst().orElse(null);
        String bulk = channel(fe.getBulk(), firstBulk == null ? null : Quantity.TOTAL.component(firstBulk), "bulk", components);
        String par = channel(fe.getGbParallel(), firstGb == null ? null : Quantity.GB_PARALLEL.component(firstGb), "gb_parallel", components);
        String perp = channel(fe.getGbPerpendicular(), firstGb == null ? null : Quantity.GB_PERPENDICULAR.component(firstGb), "gb_perpendicular",
            components);
        List<Double> temps = fe.getTemperaturesKList();
        String tfield = "campaign.fe.temperatures_k";
        if (temps.isEmpty() && c.getTemperaturesKCount() > 0) {
            temps = c.getTemperaturesKList();
            tfield = "campaign.temperatures_k (the FE temperatures by default)";
        } else if (temps.isEmpty()) {
            // FE only: the temperatures at which all three channels have given values
            Set<Double> common = new java.util.TreeSet<>(components.get(bulk).temperatures());
            common.retainAll(components.get(par).temperatures());
            common.retainAll(components.get(perp).temperatures());
            temps = List.copyOf(common);
            if (temps.isEmpty()) {
                throw ServiceException.invalid("campaign.fe.temperatures_k is empty, and the channels' components have no temperature in common");
            }
        }
        temperatures(temps, tfield, true);
        List<Double> sorted = new ArrayList<>(temps);
        sorted.sort(null);
        for (String[] ch : new String[][] {{"bulk", bulk}, {"gb_parallel", par}, {"gb_perpendicular", perp}}) {
            feasible(components.get(ch[1]), ch[1], "campaign.fe." + ch[0], fe.getSource(), sorted);
        }
        Double width = null;
        String widthFrom = null;
        if (fe.hasGbWidthNm()) {
            width = fe.getGbWidthNm();
            if (!(width > 0) || !(width < 1e5)) throw ServiceException.invalid("campaign.fe.gb_width_nm must be in (0, 1e5) nm, got " + width);
            if (!fe.getGbWidthFrom().isBlank()) throw ServiceException.invalid("campaign.fe: give gb_width_nm or gb_width_from, not both");
        } else {
            widthFrom = fe.getGbWidthFrom().strip();
            if (widthFrom.isEmpty()) {
                int dot = par.lastIndexOf('.');
                widthFrom = dot > 0 ? par.substring(0, dot) : "";
            }
            String wf = widthFrom;
            if (structures.stream().noneMatch(s -> s.name().equals(wf) && s.grainBoundary())) {
                throw ServiceException.invalid("campaign.fe: give gb_width_nm, or gb_width_from naming a grain-boundary structure of the campaign"
                    + (wf.isEmpty() ? "" : " ('" + wf + "' is not one)"));
            }
        }
        return new CampaignPlan.FePlan(fe.getGrainSizesNmList(), sorted, model, width, widthFrom, bulk, par, perp, micro,
            new SolverSettings(tol, 5000, Math.max(1, threads)), fe.getSource());
    }

    /** What is known before any run about a component: the temperatures it has values at, and whether it can have a law. */
    private record ComponentInfo(Set<Double> temperatures, boolean lawPossible, String why) {}

    private static Map<String, ComponentInfo> components(CampaignJob c, List<CampaignPlan.StructurePlan> structures) {
        Map<String, ComponentInfo> m = new LinkedHashMap<>();
        Set<Double> temps = new HashSet<>(c.getTemperaturesKList());
        boolean law = temps.size() >= 2;
        for (CampaignPlan.StructurePlan s : structures) {
            for (Quantity q : Quantity.of(s)) {
                m.put(q.component(s.name()), new ComponentInfo(temps, law, "the campaign runs " + temps.size() + " temperature(s); a fit needs 2"));
            }
        }
        for (GivenComponent g : c.getGivenList()) {
            String n = g.getName().strip();
            if (g.hasArrhenius()) {
                m.put(n, new ComponentInfo(Set.of(), true, ""));
            } else {
                int k = g.getTemperaturesKCount();
                boolean errors = g.getDErrorCm2SCount() > 0;
                m.put(n, new ComponentInfo(new HashSet<>(g.getTemperaturesKList()), errors ? k >= 2 : k >= 3,
                    k + " value(s) " + (errors ? "with errors (a fit needs 2)" : "without errors (a fit needs 3, or 2 with errors)")));
            }
        }
        return m;
    }

    private static String channel(String given, String fallback, String channel, Map<String, ComponentInfo> components) {
        String c = given.strip();
        String field = "campaign.fe." + channel;
        if (c.isEmpty()) {
            if (fallback == null) {
                throw ServiceException.invalid(field + ": name the D component of this channel (components: " + String.join(", ", components.keySet()) + ")");
            }
            c = fallback;
        }
        if (!components.containsKey(c)) {
            throw ServiceException.invalid(field + ": no D component '" + c + "' (components: " + String.join(", ", components.keySet()) + ")");
        }
        return c;
    }

    private static void feasible(ComponentInfo info, String component, String field, FeSource source, List<Double> temps) {
        List<Double> missing = temps.stream().filter(t -> !info.temperatures().contains(t)).toList();
        boolean values = missing.isEmpty();
        String noLaw = field + ": component '" + component + "' can have no Arrhenius law (" + info.why() + ")";
        String noValue = field + ": component '" + component + "' has no value at " + String.join(", ", missing.stream().map(t -> format(t) + " K").toList());
        switch (source) {
            case FE_SOURCE_ARRHENIUS -> { if (!info.lawPossible()) throw ServiceException.invalid(noLaw); }
            case FE_SOURCE_VALUES -> { if (!values) throw ServiceException.invalid(noValue + " (source values)"); }
            default -> { if (!info.lawPossible() && !values) throw ServiceException.invalid(noValue + ", and " + noLaw.substring(field.length() + 2)); }
        }
    }

    private static void finite(double v, String field) {
        if (!Double.isFinite(v)) throw ServiceException.invalid(field + " must be finite, got " + v);
    }

    static String format(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : String.format(Locale.ROOT, "%.6g", t);
    }
}
