package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.catalog.PortablePotential;
import io.ionstream.actors.catalog.PotentialCatalog;
import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.jobs.run.ObservablePlan;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.actors.service.ServiceSettings;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.InlineFile;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns job specs into runnable plans. At submission ({@link #prepare}) it builds or loads the
 * structure, checks it, resolves the potential against the structure's species and plans the
 * protocol and observables, refusing anything wrong with INVALID_ARGUMENT (or NOT_FOUND,
 * RESOURCE_EXHAUSTED, UNIMPLEMENTED) and a message naming the field. The plan carries the job as
 * a {@link JobModel} too, which the actor layer rebuilds on every subdomain (on any node). When a job starts or
 * resumes ({@link #plan}), the same plan is rebuilt from what the job stored: its spec, its
 * initial atoms and its copy of the potential file.
 */
public final class JobPlanner {
    /** Neighbour skin when the spec gives none (Å; the LAMMPS metal default). */
    public static final double DEFAULT_SKIN = 2.0;

    private final ServiceSettings settings;
    private final StructureCatalog structures;
    private final PotentialCatalog potentials;

    public JobPlanner(ServiceSettings settings, StructureCatalog structures, PotentialCatalog potentials) {
        this.settings = settings;
        this.structures = structures;
        this.potentials = potentials;
    }

    public PreparedJob prepare(JobSpec spec) {
        MdJob md = mdJob(spec);
        if (!md.hasStructure()) throw ServiceException.invalid("md.structure is missing");
        if (!md.hasPotential()) throw ServiceException.invalid("md.potential is missing");
        if (!md.hasProtocol()) throw ServiceException.invalid("md.protocol is missing");
        AtomSystem sys = structures.resolve(md.getStructure());
        PotentialCatalog.Resolved pot = potentials.resolve(md.getPotential());
        AtomState initial = AtomState.capture(sys);
        PortablePotential portable = pot.file() != null
            ? PortablePotential.of(md.getPotential(), pot.file().getFileName(), pot.file().getContent().toByteArray(), pot.info().getSpeciesList())
            : PortablePotential.of(md.getPotential(), null, null, List.of());
        JobPlan plan = plan("new", spec, initial, pot.factory(), portable);
        return new PreparedJob(spec, initial, pot.file(), pot.info(), plan);
    }

    /** The plan of a stored job (at start or resume). */
    public JobPlan plan(JobFiles files, JobSpec spec, AtomState initial) {
        MdJob md = mdJob(spec);
        ForceFieldFactory ff;
        PortablePotential portable;
        if (md.getPotential().getSourceCase() == io.ionstream.proto.v1.PotentialSource.SourceCase.POTENTIAL_ID) {
            InlineFile copy = readCopy(files);
            List<String> species = readInfo(files).getSpeciesList();
            ff = potentials.fromFile(copy.getFileName(), copy.getContent().toByteArray(), species);
            portable = PortablePotential.file(copy.getFileName(), copy.getContent().toByteArray(), species);
        } else {
            ff = potentials.resolve(md.getPotential()).factory();
            portable = PortablePotential.of(md.getPotential(), null, null, List.of());
        }
        return plan(files.jobId(), spec, initial, ff, portable);
    }

    /** Largest number of cluster nodes one job may ask for. */
    public static final int MAX_NODES = 64;

    private JobPlan plan(String jobId, JobSpec spec, AtomState initial, ForceFieldFactory ff, PortablePotential portable) {
        MdJob md = mdJob(spec);
        SpeciesTable species = initial.species();
        SystemSummary summary = SystemSummary.of(initial.toSystem());
        try {
            ForceField field = ff.create(summary);
            field.validate(species);
        } catch (IllegalArgumentException e) {
            // FormatException (a pair style naming a missing type …) is an IllegalArgumentException too
            throw ServiceException.invalid("potential (" + ff.description() + "): " + e.getMessage());
        }
        List<Stage> stages = ProtocolPlanner.stages(md.getProtocol(), md.getSeed());
        ObservablePlan observables = ObservableCatalog.plan(md.getObservablesList(), stages, species, initial.cell(), settings.sampleEvery());
        double skin = md.getNeighborSkin() == 0 ? DEFAULT_SKIN : md.getNeighborSkin();
        if (!(skin > 0) || skin > 10) throw ServiceException.invalid("md.neighbor_skin must be in (0, 10] Å, got " + skin);
        var d = md.getDecomposition();
        if (d.getSubdomains() > 4096) throw ServiceException.invalid("decomposition.subdomains " + d.getSubdomains() + " is absurd (at most 4096)");
        if (d.getNodes() > MAX_NODES) throw ServiceException.invalid("decomposition.nodes " + d.getNodes() + " is absurd (at most " + MAX_NODES + ")");
        // subdomains left out: one per node
        int nodes = Math.max(1, d.getNodes()), subdomains = d.getSubdomains() == 0 ? nodes : d.getSubdomains();
        if (nodes > subdomains) {
            throw ServiceException.invalid("decomposition.nodes " + nodes + " is more than decomposition.subdomains " + subdomains
                + ": every node needs at least one subdomain");
        }
        long checkpoint = md.getCheckpointEvery() == 0 ? settings.checkpointEvery() : md.getCheckpointEvery();
        JobModel model = new JobModel(portable, md.getProtocol(), md.getSeed(), md.getObservablesList(), settings.sampleEvery(), summary);
        return new JobPlan(jobId, summary, ff, NeighborSettings.withSkin(skin), stages, observables, checkpoint, md.getFrameEvery(),
            subdomains, nodes, model);
    }

    private static MdJob mdJob(JobSpec spec) {
        return switch (spec.getKindCase()) {
            case MD -> spec.getMd();
            // the service routes campaigns to the CampaignManager; one reaching the MD planner is a routing bug
            case CAMPAIGN -> throw new ServiceException(ServiceException.Kind.INTERNAL,
                "a campaign spec is planned by the campaign manager, not as an MD job");
            case KIND_NOT_SET -> throw ServiceException.invalid("the job spec needs md (or campaign)");
        };
    }

    /** The description of the job's potential, stored next to its copy. */
    public static final String INFO = "info.pb";

    private static io.ionstream.proto.v1.PotentialInfo readInfo(JobFiles files) {
        try {
            return io.ionstream.proto.v1.PotentialInfo.parseFrom(Files.readAllBytes(files.potentialDir().resolve(INFO)));
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Kind.INTERNAL, "job " + files.jobId() + ": its potential description is missing: " + e.getMessage(), e);
        }
    }

    private static InlineFile readCopy(JobFiles files) {
        try (var s = Files.list(files.potentialDir())) {
            Path p = s.filter(Files::isRegularFile).filter(x -> !x.getFileName().toString().equals(INFO)).findFirst()
                .orElseThrow(() -> new IOException("no potential file in " + files.potentialDir()));
            return InlineFile.newBuilder().setFileName(p.getFileName().toString())
                .setContent(com.google.protobuf.ByteString.copyFrom(Files.readAllBytes(p))).build();
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Kind.INTERNAL, "job " + files.jobId() + ": its potential file is missing: " + e.getMessage(), e);
        }
    }
}
