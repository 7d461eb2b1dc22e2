package io.ionstream.client;

import io.ionstream.proto.v1.BuildStructureRequest;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CancelJobRequest;
import io.ionstream.proto.v1.DescribePotentialRequest;
import io.ionstream.proto.v1.FetchFileRequest;
import io.ionstream.proto.v1.FileChunk;
import io.ionstream.proto.v1.FrameEvent;
import io.ionstream.proto.v1.StreamFramesRequest;
import io.ionstream.proto.v1.GetJobRequest;
import io.ionstream.proto.v1.GetResultsRequest;
import io.ionstream.proto.v1.InlineFile;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobServiceGrpc;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ListJobsRequest;
import io.ionstream.proto.v1.ListPotentialsRequest;
import io.ionstream.proto.v1.ListPresetsRequest;
import io.ionstream.proto.v1.ListStructuresRequest;
import io.ionstream.proto.v1.PotentialInfo;
import io.ionstream.proto.v1.PotentialServiceGrpc;
import io.ionstream.proto.v1.Preset;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.proto.v1.StructureServiceGrpc;
import io.ionstream.proto.v1.SubmitJobRequest;
import io.ionstream.proto.v1.UploadPotentialRequest;
import io.ionstream.proto.v1.UploadStructureRequest;
import io.ionstream.proto.v1.ValidateStructureRequest;
import io.ionstream.proto.v1.ValidationReport;
import io.ionstream.proto.v1.WatchMode;
import com.google.protobuf.ByteString;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Java client of an ionstream server: submit, follow, cancel and fetch jobs; build, upload
 * and validate structures; upload and list potentials. Calls throw
 * {@link io.grpc.StatusRuntimeException} with the server's status and message. {@link #watch}
 * reconnects by itself and resumes after the last sample it delivered.
 *
 * <pre>{@code
 * try (IonstreamClient c = IonstreamClient.connect("127.0.0.1:50051").token("s3cret").build()) {
 *     Job job = c.submit(spec);
 *     c.watch(job.getJobId(), new WatchListener() {
 *         public void sample(Sample s, long dropped) { System.out.println(s.getStep()); }
 *     }).await(Duration.ofHours(1));
 *     c.fetchFile(job.getJobId(), "observables.csv", Path.of("observables.csv"));
 * }
 * }</pre>
 */
public final class IonstreamClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final JobServiceGrpc.JobServiceBlockingStub jobs;
    private final JobServiceGrpc.JobServiceStub jobsAsync;
    private final StructureServiceGrpc.StructureServiceBlockingStub structures;
    private final PotentialServiceGrpc.PotentialServiceBlockingStub potentials;
    private final ScheduledExecutorService scheduler;
    private final Duration retryWindow;

    /** How to reach a server. */
    public static final class Builder {
        private final String target;
        private String token;
        private Path trustedCertificate;
        private boolean tls;
        private Duration retryWindow = Duration.ofSeconds(60);

        private Builder(String target) {
            this.target = target;
        }

        /** Sends this bearer token with every call. */
        public Builder token(String t) {
            this.token = t == null || t.isBlank() ? null : t.strip();
            return this;
        }

        /** TLS, trusting the system's certificate authorities. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** TLS, trusting the certificate (PEM) of a server or its authority, e.g. a self-signed one. */
        public Builder tls(Path pemCertificate) {
            this.tls = true;
            this.trustedCertificate = pemCertificate;
            return this;
        }

        /** How long a watch keeps trying to reconnect (default 60 s). */
        public Builder retryWindow(Duration d) {
            this.retryWindow = d;
            return this;
        }

        public IonstreamClient build() throws IOException {
            ChannelCredentials creds;
            if (!tls) {
                creds = InsecureChannelCredentials.create();
            } else if (trustedCertificate != null) {
                creds = TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build();
            } else {
                creds = TlsChannelCredentials.create();
            }
            return new IonstreamClient(Grpc.newChannelBuilder(target, creds).build(), token, retryWindow);
        }
    }

    /** A client for {@code host:port}. */
    public static Builder connect(String target) {
        return new Builder(target);
    }

    private IonstreamClient(ManagedChannel channel, String token, Duration retryWindow) {
        this.channel = channel;
        this.retryWindow = retryWindow;
        JobServiceGrpc.JobServiceBlockingStub j = JobServiceGrpc.newBlockingStub(channel);
        JobServiceGrpc.JobServiceStub ja = JobServiceGrpc.newStub(channel);
        StructureServiceGrpc.StructureServiceBlockingStub s = StructureServiceGrpc.newBlockingStub(channel);
        PotentialServiceGrpc.PotentialServiceBlockingStub p = PotentialServiceGrpc.newBlockingStub(channel);
        if (token != null) {
            BearerToken t = new BearerToken(token);
            j = j.withCallCredentials(t);
            ja = ja.withCallCredentials(t);
            s = s.withCallCredentials(t);
            p = p.withCallCredentials(t);
        }
        this.jobs = j;
        this.jobsAsync = ja;
        this.structures = s;
        this.potentials = p;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ionstream-client-retry");
            t.setDaemon(true);
            return t;
        });
    }

    public ManagedChannel channel() { return channel; }

    // ---------------------------------------------------------------- jobs

    public Job submit(JobSpec spec) {
        return jobs.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
    }

    public Job job(String jobId) {
        return jobs.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
    }

    /** Jobs in the given states (all when none are given). */
    public List<Job> list(JobState... states) {
        return jobs.listJobs(ListJobsRequest.newBuilder().addAllStates(List.of(states)).build()).getJobsList();
    }

    /** Cancels a job; returns it once it has stopped. */
    public Job cancel(String jobId) {
        return jobs.cancelJob(CancelJobRequest.newBuilder().setJobId(jobId).build());
    }

    public JobResults results(String jobId) {
        return jobs.getResults(GetResultsRequest.newBuilder().setJobId(jobId).build());
    }

    // ---------------------------------------------------------------- campaigns

    /** Submits a campaign (MD runs → Arrhenius fits → FE D_macro(T), or FE only from given D). */
    public Job submitCampaign(String name, CampaignJob campaign) {
        return submit(JobSpec.newBuilder().setName(name).setCampaign(campaign).build());
    }

    /** The MD runs of a campaign (its child jobs), in submission order. */
    public List<Job> runs(String campaignId) {
        return jobs.listJobs(ListJobsRequest.newBuilder().setParentJobId(campaignId).build()).getJobsList();
    }

    /** An ended campaign's runs, Arrhenius fits and FE points with their provenance. */
    public CampaignResults campaignResults(String campaignId) {
        JobResults r = results(campaignId);
        if (!r.hasCampaign()) throw new IllegalArgumentException(campaignId + " is not a campaign");
        return r.getCampaign();
    }

    /** Every sample from {@code fromSequence} on, reconnecting as needed. */
    public Watch watch(String jobId, long fromSequence, WatchListener listener) {
        return watch(jobId, fromSequence, WatchMode.WATCH_MODE_ALL, listener);
    }

    /** Every sample from the first on. */
    public Watch watch(String jobId, WatchListener listener) {
        return watch(jobId, 0, WatchMode.WATCH_MODE_ALL, listener);
    }

    public Watch watch(String jobId, long fromSequence, WatchMode mode, WatchListener listener) {
        Watch w = new Watch(jobsAsync, jobId, fromSequence, mode, listener, scheduler, retryWindow);
        w.start();
        return w;
    }

    /**
     * A job's trajectory frames as they come (blocking iterator): the job, the frame header (atom
     * ids and types, in the order of every frame's positions), then every {@code stride}-th frame
     * from {@code fromFrame} on, ending when the job has ended.
     */
    public Iterator<FrameEvent> frames(String jobId, int stride, long fromFrame, WatchMode mode) {
        return jobs.streamFrames(StreamFramesRequest.newBuilder().setJobId(jobId).setStride(stride).setFromFrame(fromFrame).setMode(mode).build());
    }

    /** Downloads a job file to {@code target} (written to a temporary file, then moved); returns its size. */
    public long fetchFile(String jobId, String name, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = fetchFile(jobId, name, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streams a job file into {@code out}; returns the number of bytes. */
    public long fetchFile(String jobId, String name, OutputStream out) throws IOException {
        Iterator<FileChunk> it = jobs.fetchFile(FetchFileRequest.newBuilder().setJobId(jobId).setName(name).build());
        long n = 0;
        while (it.hasNext()) {
            FileChunk c = it.next();
            if (c.getOffset() != n) throw new IOException("chunk of " + name + " at offset " + c.getOffset() + ", expected " + n);
            c.getData().writeTo(out);
            n += c.getData().size();
        }
        return n;
    }

    // ---------------------------------------------------------------- structures

    public List<Preset> presets() {
        return structures.listPresets(ListPresetsRequest.getDefaultInstance()).getPresetsList();
    }

    public StructureInfo build(PresetStructure preset, String name) {
        return structures.build(BuildStructureRequest.newBuilder().setPreset(preset).setName(name == null ? "" : name).build());
    }

    /** Uploads a structure file; {@code species} names LAMMPS types 1, 2, … when the file does not. */
    public StructureInfo uploadStructure(Path file, List<String> species) throws IOException {
        return structures.upload(uploadRequest(file, species));
    }

    public ValidationReport validate(Path file, List<String> species) throws IOException {
        return structures.validate(ValidateStructureRequest.newBuilder().setUpload(uploadRequest(file, species)).build());
    }

    public List<StructureInfo> structures() {
        return structures.listStructures(ListStructuresRequest.getDefaultInstance()).getStructuresList();
    }

    private static UploadStructureRequest uploadRequest(Path file, List<String> species) throws IOException {
        return UploadStructureRequest.newBuilder().setFile(inline(file)).addAllSpecies(species).build();
    }

    // ---------------------------------------------------------------- potentials

    /** Uploads a potential file; {@code species} names its species in type order where the file does not. */
    public PotentialInfo uploadPotential(Path file, List<String> species, String name) throws IOException {
        return potentials.upload(UploadPotentialRequest.newBuilder().setFile(inline(file)).addAllSpecies(species)
            .setName(name == null ? "" : name).build());
    }

    public List<PotentialInfo> potentials() {
        return potentials.list(ListPotentialsRequest.getDefaultInstance()).getPotentialsList();
    }

    public PotentialInfo describePotential(String idOrName) {
        return potentials.describe(DescribePotentialRequest.newBuilder().setPotential(idOrName).build());
    }

    private static InlineFile inline(Path file) throws IOException {
        return InlineFile.newBuilder().setFileName(file.getFileName().toString()).setContent(ByteString.copyFrom(Files.readAllBytes(file))).build();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
