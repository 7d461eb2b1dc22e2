package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.actors.catalog.BundledPotentials;
import io.ionstream.proto.v1.Barostat;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.Decomposition;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.Thermostat;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** {@code bin/ionstream submit}: submits a job from a JSON spec or from options. */
final class SubmitCommand implements Command {
    @Override public String name() { return "submit"; }
    @Override public String summary() { return "submit an MD job (JSON spec or options) or a campaign (--campaign FILE.json); --watch follows it"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream submit --spec FILE.json [--watch] [client options] [--json]
                   bin/ionstream submit --campaign FILE.json [--name TEXT] [--watch] [client options] [--json]
                   bin/ionstream submit --preset NAME [--supercell a,b,c] [--potential NAME | --potential-id ID]
                                        [--ensemble nvt|nve|npt] [--temperature K] [--pressure BAR] [--steps N]
                                        [--dt PS] [--observables name:every,...] [--checkpoint-every N]
                                        [--frame-every N] [--subdomains N] [--seed S] [--name TEXT] [--watch] [--json]

            The spec file is a JobSpec in the protobuf JSON mapping (the README shows one). With options,
            the job draws velocities at --temperature (default 300 K) and runs --steps steps (default 10000)
            of --ensemble (default nvt; npt at --pressure, default 0 bar) with time step --dt (default
            0.002 ps), sampling --observables (default thermo:10). The potential is a bundled one
            (--potential NAME, default lpscl-xtb-l10: Li6PS5Cl fitted to GFN1-xTB, constant volume only)
            or an uploaded one (--potential-id ID).
            Prints the job id (the whole job with --json); --watch then follows it live.

            --campaign FILE.json is a CampaignJob in the protobuf JSON mapping (the README's
            "Campaigns (MD → FE)" section shows one): structures × temperatures run as child MD jobs,
            D per run, Arrhenius laws per component, FE homogenisation for grain sizes × temperatures;
            or, with "given" D components and no structures, the FE half alone. The campaign's id
            starts with cmp-; `results` prints its runs, fits and D_macro table, `list --parent ID`
            its MD runs.

            Options:
              --structure-id ID      a structure uploaded or built before (instead of --preset)
            """ + ClientOptions.HELP;
    }

    @Override
    public Set<String> valueOptions() {
        return ClientOptions.values("spec", "campaign", "preset", "supercell", "structure-id", "potential", "potential-id", "ensemble", "temperature",
            "pressure", "steps", "dt", "observables", "checkpoint-every", "frame-every", "subdomains", "seed", "name");
    }

    @Override public Set<String> flagOptions() { return ClientOptions.flags("watch"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        JobSpec spec = args.has("campaign") ? campaign(args) : args.has("spec") ? fromFile(args) : fromOptions(args);
        try (IonstreamClient client = ClientOptions.connect(args)) {
            Job job = client.submit(spec);
            if (args.flag("json") && !args.flag("watch")) console.out().println(ProtoJson.print(job));
            else console.out().println(job.getJobId());
            if (!args.flag("watch")) return Main.OK;
            LiveView view = new LiveView(console, job.getJobId());
            Watch w = client.watch(job.getJobId(), view);
            Job last = w.await(Duration.ofDays(365));
            return WatchCommand.report(console, last, args.flag("json"));
        }
    }

    /** A campaign from a CampaignJob JSON file, named by --name (default: the file's name without extension). */
    static JobSpec campaign(Args args) throws Exception {
        for (String o : new String[] {"spec", "preset", "structure-id", "potential", "potential-id", "ensemble", "steps"}) {
            if (args.has(o)) throw new UsageException("--campaign and --" + o + " do not go together");
        }
        var file = Args.existingFile(args.required("campaign"), "campaign spec");
        CampaignJob.Builder c = CampaignJob.newBuilder();
        ProtoJson.parse(Files.readString(file), c, file.toString());
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        return JobSpec.newBuilder().setName(args.string("name", base)).setCampaign(c).build();
    }

    private static JobSpec fromFile(Args args) throws Exception {
        for (String o : new String[] {"preset", "structure-id", "potential", "potential-id", "ensemble", "steps"}) {
            if (args.has(o)) throw new UsageException("--spec and --" + o + " do not go together");
        }
        var file = Args.existingFile(args.required("spec"), "job spec");
        JobSpec.Builder b = JobSpec.newBuilder();
        ProtoJson.parse(Files.readString(file), b, file.toString());
        return b.build();
    }

    static JobSpec fromOptions(Args args) {
        MdJob.Builder md = MdJob.newBuilder();
        if (args.has("preset") == args.has("structure-id")) throw new UsageException("give --preset NAME or --structure-id ID (or --spec FILE)");
        if (args.has("preset")) {
            PresetStructure.Builder p = PresetStructure.newBuilder().setName(args.required("preset"));
            for (int n : args.ints("supercell", new int[0])) {
                if (n < 1) throw new UsageException("--supercell entries must be positive");
                p.addSupercell(n);
            }
            p.setSeed(args.integer("seed", 1));
            md.setStructure(StructureSource.newBuilder().setPreset(p));
        } else {
            md.setStructure(StructureSource.newBuilder().setStructureId(args.required("structure-id")));
        }
        if (args.has("potential") && args.has("potential-id")) throw new UsageException("give --potential NAME (bundled) or --potential-id ID, not both");
        md.setPotential(!args.has("potential-id")
            ? PotentialSource.newBuilder().setBundled(args.string("potential", BundledPotentials.LPSCL_XTB)).build()
            : PotentialSource.newBuilder().setPotentialId(args.required("potential-id")).build());
        double t = args.positive("temperature", 300);
        double dt = args.positive("dt", 0.002);
        long steps = args.integer("steps", 10_000, 1, Long.MAX_VALUE);
        MdStage.Builder stage = MdStage.newBuilder().setSteps(steps);
        switch (args.string("ensemble", "nvt").toLowerCase(Locale.ROOT)) {
            case "nve" -> stage.setEnsemble(Ensemble.NVE);
            case "nvt" -> stage.setEnsemble(Ensemble.NVT).setThermostat(Thermostat.newBuilder().setTemperatureK(t));
            case "npt" -> stage.setEnsemble(Ensemble.NPT).setThermostat(Thermostat.newBuilder().setTemperatureK(t))
                .setBarostat(Barostat.newBuilder().setPressureBar(args.decimal("pressure", 0)));
            default -> throw new UsageException("--ensemble must be nve, nvt or npt, got '" + args.required("ensemble") + "'");
        }
        md.setProtocol(Protocol.newBuilder().setTimestepPs(dt).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(t)))
            .addStages(Stage.newBuilder().setName("md").setMd(stage))));
        for (String o : args.string("observables", "thermo:10").split(",")) {
            if (o.isBlank()) continue;
            String[] nv = o.strip().split(":");
            ObservableRequest.Builder r = ObservableRequest.newBuilder().setName(nv[0].strip());
            if (nv.length > 1) {
                try {
                    r.setEvery(Integer.parseInt(nv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--observables expects name:every,..., got '" + o + "'");
                }
            }
            md.addObservables(r);
        }
        md.setCheckpointEvery(args.integer("checkpoint-every", 0, 0, Long.MAX_VALUE));
        md.setFrameEvery(args.integer("frame-every", 0, 0, Long.MAX_VALUE));
        md.setSeed(args.integer("seed", 1));
        if (args.has("subdomains")) md.setDecomposition(Decomposition.newBuilder().setSubdomains((int) args.integer("subdomains", 1, 1, 4096)));
        return JobSpec.newBuilder().setName(args.string("name", "")).setMd(md).build();
    }
}
