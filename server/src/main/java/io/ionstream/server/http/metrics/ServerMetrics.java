package io.ionstream.server.http.metrics;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.server.grpc.GrpcCallCounter;
import io.ionstream.server.http.sse.EventStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code /metrics} reports, read when scraped: jobs by state; per queued or running
 * job its size, throughput, progress, subscribers (gRPC and HTTP) and stream queue depths; the
 * HTTP front end's event streams (open, behind, sent, skipped) and requests; gRPC calls by method
 * and status; and the JVM.
 */
public final class ServerMetrics {
    private final IonstreamService service;
    private final EventStreams events;
    private final RequestCounter requests;
    private final GrpcCallCounter calls;

    public ServerMetrics(IonstreamService service, EventStreams events, RequestCounter requests, GrpcCallCounter calls) {
        this.service = service;
        this.events = events;
        this.requests = requests;
        this.calls = calls;
    }

    /** The whole exposition. */
    public String scrape() {
        PrometheusText m = new PrometheusText();
        jobs(m);
        http(m);
        grpc(m);
        JvmMetrics.write(m);
        return m.toString();
    }

    private void jobs(PrometheusText m) {
        List<JobEntry> live = new ArrayList<>();
        Map<JobState, Integer> byState = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            if (s != JobState.UNRECOGNIZED && s != JobState.JOB_STATE_UNSPECIFIED) byState.put(s, 0);
        }
        for (JobEntry e : service.jobs().entries()) {
            byState.merge(e.state(), 1, Integer::sum);
            if (!e.ended()) live.add(e);
        }
        live.sort(Comparator.comparing(JobEntry::id));
        m.family("ionstream_jobs", PrometheusText.Type.GAUGE, "Jobs known to the server by state.");
        byState.forEach((s, n) -> m.sample(n, "state", s.name()));
        m.family("ionstream_jobs_resumed", PrometheusText.Type.GAUGE, "Jobs resumed from their checkpoints when the server started.")
            .sample(service.recoveredJobs());

        List<Job> jobs = live.stream().map(JobEntry::job).toList();
        m.family("ionstream_job_info", PrometheusText.Type.GAUGE, "Queued and running jobs (always 1) with their name and state.");
        for (Job j : jobs) m.sample(1, "job", j.getJobId(), "name", j.getName(), "state", j.getState().name());
        m.family("ionstream_job_atoms", PrometheusText.Type.GAUGE, "Atoms of a queued or running job.");
        for (Job j : jobs) m.sample(j.getAtoms(), "job", j.getJobId());
        m.family("ionstream_job_steps_per_second", PrometheusText.Type.GAUGE, "MD steps per wall-clock second of a running job.");
        for (Job j : jobs) {
            if (j.getState() == JobState.RUNNING) m.sample(j.getAtoms() > 0 ? j.getAtomStepsPerSecond() / j.getAtoms() : 0, "job", j.getJobId());
        }
        m.family("ionstream_job_atom_steps_per_second", PrometheusText.Type.GAUGE, "Atom-steps per wall-clock second of a running job.");
        for (Job j : jobs) if (j.getState() == JobState.RUNNING) m.sample(j.getAtomStepsPerSecond(), "job", j.getJobId());
        m.family("ionstream_job_step", PrometheusText.Type.GAUGE, "Last completed step of a queued or running job.");
        for (Job j : jobs) m.sample(j.getStep(), "job", j.getJobId());
        m.family("ionstream_job_total_steps", PrometheusText.Type.GAUGE, "Planned steps of a queued or running job.");
        for (Job j : jobs) m.sample(j.getTotalSteps(), "job", j.getJobId());
        m.family("ionstream_job_samples", PrometheusText.Type.GAUGE, "Observable samples a queued or running job has published.");
        for (Job j : jobs) m.sample(j.getSamples(), "job", j.getJobId());
        m.family("ionstream_job_subscribers", PrometheusText.Type.GAUGE, "Live subscribers of a job's streams (gRPC Watch/StreamFrames and HTTP event streams).");
        for (Job j : jobs) m.sample(j.getSubscribers(), "job", j.getJobId());

        // the queue between the MD thread and the job's writer: published items not yet on disk
        m.family("ionstream_stream_pending_writes", PrometheusText.Type.GAUGE,
            "Items a running job has published that its writer has not yet appended to the log file, by stream.");
        for (JobEntry e : live) {
            if (e.state() != JobState.RUNNING) continue;
            JobStreams s = e.streams();
            m.sample(Math.max(0, s.samples().count() - s.samples().persisted()), "job", e.id(), "stream", "samples");
            m.sample(Math.max(0, s.frames().count() - s.frames().persisted()), "job", e.id(), "stream", "frames");
        }
    }

    private void grpc(PrometheusText m) {
        m.family("ionstream_grpc_calls_total", PrometheusText.Type.COUNTER, "gRPC calls finished, by method and status code.");
        calls.snapshot().forEach((k, n) -> m.sample(n, "method", k.method(), "code", k.code()));
    }

    private void http(PrometheusText m) {
        m.family("ionstream_http_event_streams", PrometheusText.Type.GAUGE, "Open Server-Sent Event streams by job.");
        events.streamsByJob().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.sample(e.getValue(), "job", e.getKey()));
        m.family("ionstream_http_event_stream_lag_samples", PrometheusText.Type.GAUGE,
            "Samples the furthest-behind event stream of a job has yet to send (read from the job's log, not buffered).");
        events.largestLagByJob(this::published).entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> m.sample(e.getValue(), "job", e.getKey()));
        m.family("ionstream_http_event_streams_opened_total", PrometheusText.Type.COUNTER, "Event streams opened.").sample(events.openedTotal());
        m.family("ionstream_http_event_samples_sent_total", PrometheusText.Type.COUNTER, "Samples sent on event streams.").sample(events.samplesSent());
        m.family("ionstream_http_event_samples_dropped_total", PrometheusText.Type.COUNTER,
            "Samples skipped for slow clients of event streams in latest mode.").sample(events.samplesDropped());
        requests.write(m);
    }

    private long published(String jobId) {
        try {
            return service.jobs().get(jobId).getSamples();
        } catch (RuntimeException gone) {
            return 0;
        }
    }
}
