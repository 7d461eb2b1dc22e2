package io.ionstream.server.http.api;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.ionstream.actors.catalog.PresetStructures;
import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ListJobsResponse;
import io.ionstream.proto.v1.ListPotentialsResponse;
import io.ionstream.proto.v1.ListPresetsResponse;
import io.ionstream.proto.v1.ListStructuresResponse;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.http.HttpSettings;
import io.ionstream.server.http.ProblemException;
import io.ionstream.server.http.ProtoJson;
import io.ionstream.server.http.sse.JobEvents;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.MessageOrBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The REST/JSON API under {@code /api/v1}: the read side of the gRPC API (jobs, their results,
 * samples, files and live events; structures, presets and potentials) plus submit and cancel.
 * Bodies are the gRPC messages in the protobuf JSON mapping; refusals are problem documents
 * (thrown here, written by {@code HttpRoutes}). Work that may touch the disk or wait for the job
 * manager runs on {@code blocking}, never on the HTTP dispatcher.
 */
public final class ApiRoutes extends AllDirectives {
    private static final int DEFAULT_PAGE = 1000;
    private static final ContentType EVENT_STREAM = ContentTypes.create(MediaTypes.TEXT_EVENT_STREAM);
    private final IonstreamService service;
    private final HttpSettings settings;
    private final JobEvents events;
    private final Executor blocking;

    public ApiRoutes(IonstreamService service, HttpSettings settings, JobEvents events, Executor blocking) {
        this.service = service;
        this.settings = settings;
        this.events = events;
        this.blocking = blocking;
    }

    /** The routes below {@code /api/v1}. */
    public Route route() {
        return concat(
            pathPrefix("jobs", () -> concat(
                pathEnd(() -> concat(
                    get(() -> parameterOptional("state", states -> json(() -> listJobs(states)))),
                    post(() -> submit()))),
                pathPrefix(segment(), id -> concat(
                    pathEnd(() -> get(() -> json(() -> service.jobs().get(id)))),
                    path("results", () -> get(() -> onBlocking(() -> service.results(id)))),
                    path("samples", () -> get(() -> parameterOptional("from", from -> parameterOptional("limit", limit ->
                        onBlocking(() -> samplesPage(id, from, limit)))))),
                    path("events", () -> get(() -> events(id))),
                    path(segment("files").slash(segment()), name -> get(() -> file(id, name))),
                    path("cancel", () -> post(() -> onBlocking(() -> service.cancel(id)))))))),
            path("structures", () -> get(() -> json(() -> ListStructuresResponse.newBuilder().addAllStructures(service.structures().list())))),
            path(segment("structures").slash(segment()), id -> get(() -> json(() -> service.structures().get(id)))),
            path("presets", () -> get(() -> json(() -> ListPresetsResponse.newBuilder().addAllPresets(PresetStructures.list())))),
            path("potentials", () -> get(() -> json(() -> ListPotentialsResponse.newBuilder().addAllPotentials(service.potentials().list())))),
            path(segment("potentials").slash(segment()), id -> get(() -> json(() -> service.potentials().describe(id)))));
    }

    private ListJobsResponse listJobs(Optional<String> states) {
        Set<JobState> wanted = EnumSet.noneOf(JobState.class);
        if (states.isPresent()) {
            for (String s : states.get().split(",")) {
                String name = s.strip().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) continue;
                try {
                    JobState st = JobState.valueOf(name);
                    if (st == JobState.UNRECOGNIZED || st == JobState.JOB_STATE_UNSPECIFIED) throw new IllegalArgumentException();
                    wanted.add(st);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("parameter 'state' must list job states (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED), got '"
                        + s.strip() + "'");
                }
            }
        }
        return ListJobsResponse.newBuilder().addAllJobs(service.jobs().list(wanted)).build();
    }

    /** A JobSpec in JSON in the body: the queued job, 200. Bodies above the upload limit get 413. */
    private Route submit() {
        long limit = service.settings().maxUploadBytes() + (1 << 20);
        return extractMaterializer(mat -> extractRequestEntity(entity -> {
            var declared = entity.getContentLengthOption();
            if (declared.isPresent() && declared.getAsLong() > limit) throw tooLarge(declared.getAsLong(), limit);
            return onSuccess(entity.toStrict(30_000, limit, mat), strict -> {
                String body = strict.getData().decodeString(StandardCharsets.UTF_8);
                if (body.isBlank()) throw ProblemException.badRequest("the body must be a JobSpec in JSON (the gRPC SubmitJobRequest.spec)");
                JobSpec.Builder spec = JobSpec.newBuilder();
                ProtoJson.parse(body, spec);
                return onBlocking(() -> service.submit(spec.build()));
            });
        }));
    }

    /** 413 for a body above the limit (ionstream.limits.max-upload-size, plus room for the rest of a JobSpec). */
    public static ProblemException tooLarge(long size, long limit) {
        return new ProblemException(StatusCodes.PAYLOAD_TOO_LARGE, "the request body is larger than the limit of " + limit + " bytes"
            + (size > 0 ? " (" + size + " bytes)" : "") + " (ionstream.limits.max-upload-size + 1 MiB)");
    }

    private Route events(String id) {
        return parameterOptional("from", from -> parameterOptional("mode", mode -> optionalHeaderValueByName("Last-Event-ID", last -> {
            JobEntry job = service.jobs().entry(id);
            // a reconnecting EventSource repeats its URL and names the last event it saw: that wins
            long start = last.filter(s -> !s.isBlank()).isPresent()
                ? QueryParams.sequence(last, "Last-Event-ID", 0) + 1
                : QueryParams.sequence(from, "from", 0);
            StreamCursor.Mode m = QueryParams.choice(mode, "mode", "all", "all", "latest").equals("latest")
                ? StreamCursor.Mode.LATEST : StreamCursor.Mode.ALL;
            var source = events.open(job, start, m);
            if (source.isEmpty()) return complete(StatusCodes.NO_CONTENT);
            return complete(HttpResponse.create().addHeader(CacheControl.create(CacheDirectives.NO_CACHE))
                .withEntity(HttpEntities.create(EVENT_STREAM, source.get())));
        })));
    }

    /** Samples {@code from}.. as one JSON document: {@code {jobId, from, next, published, ended, samples: [...]}}. */
    private String samplesPage(String id, Optional<String> fromParam, Optional<String> limitParam) {
        long from = QueryParams.sequence(fromParam, "from", 0);
        int limit = QueryParams.count(limitParam, "limit", Math.min(DEFAULT_PAGE, settings.maxPage()), settings.maxPage());
        JobEntry job = service.jobs().entry(id);
        boolean ended = job.ended(); // before the count: once ended, the count is final
        StreamLog<Sample> log = job.streams().samples();
        long published = log.count();
        long to = Math.min(published, from + limit);
        StringBuilder b = new StringBuilder(256 + 400 * (int) Math.max(0, to - from));
        b.append("{\"jobId\":\"").append(JsonStringEncoder.getInstance().quoteAsString(id)).append("\",\"from\":").append(from).append(",\"next\":").append(Math.max(from, to))
            .append(",\"published\":").append(published).append(",\"ended\":").append(ended).append(",\"samples\":[");
        for (long s = from; s < to; s++) {
            if (s > from) b.append(',');
            b.append(ProtoJson.print(log.get(s)));
        }
        return b.append("]}").toString();
    }

    private Route file(String id, String name) {
        return onSuccess(CompletableFuture.supplyAsync(() -> service.file(id, name), blocking), (Path p) ->
            complete(HttpResponse.create()
                .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT, java.util.Map.of("filename", name)))
                .withEntity(HttpEntities.create(contentType(name), p))));
    }

    private static ContentType contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return ContentTypes.create(MediaTypes.TEXT_CSV, org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8);
        if (n.endsWith(".json")) return ContentTypes.APPLICATION_JSON;
        if (n.endsWith(".data") || n.endsWith(".lmp") || n.endsWith(".txt") || n.endsWith(".xyz") || n.endsWith(".log")
            || n.endsWith(".dump") || n.endsWith(".mtp") || n.endsWith(".cfg")) {
            return ContentTypes.TEXT_PLAIN_UTF8;
        }
        return ContentTypes.APPLICATION_OCTET_STREAM;
    }

    /** Answers with a message (or a ready JSON string) computed on the calling HTTP thread: quick registry reads only. */
    private Route json(Supplier<?> answer) {
        return complete(jsonResponse(answer.get()));
    }

    /** Answers with what {@code answer} returns, computed on the blocking executor. */
    private Route onBlocking(Supplier<?> answer) {
        return onSuccess(CompletableFuture.supplyAsync(answer, blocking), r -> complete(jsonResponse(r)));
    }

    private static HttpResponse jsonResponse(Object o) {
        String body = switch (o) {
            case String s -> s;
            case MessageOrBuilder m -> ProtoJson.print(m);
            default -> throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON");
        };
        return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body));
    }

    /** Paths this router answers, for the API index. */
    public static List<String> endpoints() {
        return List.of("GET /api/v1/jobs[?state=RUNNING,QUEUED]", "POST /api/v1/jobs (JobSpec JSON)", "GET /api/v1/jobs/{id}",
            "GET /api/v1/jobs/{id}/results", "GET /api/v1/jobs/{id}/samples?from=SEQ&limit=N",
            "GET /api/v1/jobs/{id}/events?from=SEQ&mode=all|latest (text/event-stream; Last-Event-ID resumes)",
            "GET /api/v1/jobs/{id}/files/{name}", "POST /api/v1/jobs/{id}/cancel", "GET /api/v1/structures", "GET /api/v1/structures/{id}",
            "GET /api/v1/presets", "GET /api/v1/potentials", "GET /api/v1/potentials/{id or name}");
    }
}
