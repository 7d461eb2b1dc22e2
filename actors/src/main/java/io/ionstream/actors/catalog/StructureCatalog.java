package io.ionstream.actors.catalog;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.CheckpointCodec;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.structure.BuiltStructure;
import io.ionstream.engine.structure.StructureReport;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.proto.v1.BuildStructureRequest;
import io.ionstream.proto.v1.Problem;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.UploadStructureRequest;
import io.ionstream.proto.v1.ValidateStructureRequest;
import io.ionstream.proto.v1.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Structures built from presets or uploaded, stored under {@code structures/<id>/} of the data
 * directory ({@code structure.ckpt}: the atoms; {@code info.pb}: name, origin and report), and
 * the structure a job names (a preset is built on the spot).
 */
public final class StructureCatalog {
    private final DataDirectory data;
    private final int maxAtoms;
    private final long maxUploadBytes;
    private final double minDistance;
    private final Map<String, StructureInfo> infos = new ConcurrentHashMap<>();

    public StructureCatalog(DataDirectory data, int maxAtoms, long maxUploadBytes, double minDistance) throws IOException {
        this.data = data;
        this.maxAtoms = maxAtoms;
        this.maxUploadBytes = maxUploadBytes;
        this.minDistance = minDistance;
        try (var dirs = Files.list(data.structuresDir())) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path info = d.resolve("info.pb");
                if (DataDirectory.isId(d.getFileName().toString()) && Files.isRegularFile(info) && Files.isRegularFile(d.resolve("structure.ckpt"))) {
                    StructureInfo i = StructureInfo.parseFrom(Files.readAllBytes(info));
                    infos.put(i.getStructureId(), i);
                }
            }
        }
    }

    public StructureInfo build(BuildStructureRequest req) {
        if (!req.hasPreset()) throw ServiceException.invalid("build needs a preset");
        BuiltStructure b = PresetStructures.build(req.getPreset(), maxAtoms);
        refuseProblems(b.system(), "preset " + req.getPreset().getName());
        String name = req.getName().isBlank() ? req.getPreset().getName() : req.getName().strip();
        return store(name, "preset " + req.getPreset().getName(), b.system(), b.report());
    }

    public StructureInfo upload(UploadStructureRequest req) {
        AtomSystem sys = parse(req);
        String file = req.getFile().getFileName();
        refuseProblems(sys, file);
        String name = req.getName().isBlank() ? file : req.getName().strip();
        return store(name, "upload " + file, sys, StructureReports.of(name, sys));
    }

    public ValidationReport validate(ValidateStructureRequest req) {
        AtomSystem sys;
        String title;
        switch (req.getStructureCase()) {
            case UPLOAD -> {
                try {
                    sys = parse(req.getUpload());
                } catch (ServiceException e) {
                    if (e.kind() != ServiceException.Kind.INVALID_ARGUMENT) throw e;
                    return ValidationReport.newBuilder().setOk(false)
                        .addProblems(Problem.newBuilder().setSeverity(Problem.Severity.ERROR).setMessage(e.getMessage())).build();
                }
                title = req.getUpload().getFile().getFileName();
            }
            case STRUCTURE_ID -> {
                sys = load(req.getStructureId());
                title = get(req.getStructureId()).getName();
            }
            default -> throw ServiceException.invalid("validate needs an upload or a structure_id");
        }
        List<Problem> problems = StructureChecks.check(sys, minDistance);
        ValidationReport.Builder r = ValidationReport.newBuilder().setOk(StructureChecks.ok(problems)).addAllProblems(problems);
        if (sys.size() > 0 && StructureChecks.ok(problems)) r.setReport(StructureReports.toProto(StructureReports.of(title, sys), sys));
        return r.build();
    }

    public StructureInfo get(String id) {
        StructureInfo i = id == null ? null : infos.get(id);
        if (i == null) throw ServiceException.notFound("no structure with id '" + id + "'");
        return i;
    }

    public List<StructureInfo> list() {
        List<StructureInfo> out = new ArrayList<>(infos.values());
        out.sort(Comparator.comparingLong((StructureInfo i) -> i.getCreated().getSeconds()).thenComparing(StructureInfo::getStructureId));
        return out;
    }

    /** Removes a stored structure (one built for a submission that was then refused). */
    public void remove(String id) {
        get(id);
        infos.remove(id);
        Path d = data.structuresDir().resolve(id);
        try (var files = Files.list(d)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
            Files.deleteIfExists(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove structure " + id + ": " + e.getMessage(), e);
        }
    }

    /** The atoms of a stored structure. */
    public AtomSystem load(String id) {
        get(id);
        Path p = data.structuresDir().resolve(id).resolve("structure.ckpt");
        try {
            return CheckpointCodec.decode(AtomicFiles.read(p), p.toString()).atoms().toSystem();
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Kind.INTERNAL, "structure " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The structure a job names, checked like an upload. */
    public AtomSystem resolve(StructureSource source) {
        AtomSystem sys = switch (source.getSourceCase()) {
            case PRESET -> PresetStructures.build(source.getPreset(), maxAtoms).system();
            case STRUCTURE_ID -> load(source.getStructureId());
            case SOURCE_NOT_SET -> throw ServiceException.invalid("structure needs a preset or a structure_id");
        };
        refuseProblems(sys, source.hasPreset() ? "preset " + source.getPreset().getName() : "structure " + source.getStructureId());
        return sys;
    }

    private AtomSystem parse(UploadStructureRequest req) {
        if (!req.hasFile()) throw ServiceException.invalid("upload needs a file (file_name and content)");
        long size = req.getFile().getContent().size();
        if (size > maxUploadBytes) {
            throw ServiceException.exhausted("'" + req.getFile().getFileName() + "' has " + size + " bytes; uploads are limited to "
                + maxUploadBytes + " bytes (ionstream.limits.max-upload-size)");
        }
        if (size == 0) throw ServiceException.invalid("'" + req.getFile().getFileName() + "' is empty");
        AtomSystem sys = UploadedStructures.read(data.root().resolve("staging"), req.getFile().getFileName(),
            req.getFile().getContent().toByteArray(), req.getSpeciesList(), maxAtoms);
        if (sys.size() > maxAtoms) {
            throw ServiceException.exhausted("'" + req.getFile().getFileName() + "' has " + sys.size() + " atoms; this server accepts at most "
                + maxAtoms + " (ionstream.limits.max-atoms)");
        }
        return sys;
    }

    private void refuseProblems(AtomSystem sys, String what) {
        List<Problem> problems = StructureChecks.check(sys, minDistance);
        if (!StructureChecks.ok(problems)) throw ServiceException.invalid(what + ": " + StructureChecks.errors(problems));
    }

    private StructureInfo store(String name, String origin, AtomSystem sys, StructureReport report) {
        String id = data.newId("str", data.structuresDir());
        Instant now = Instant.now();
        StructureInfo info = StructureInfo.newBuilder().setStructureId(id).setName(name).setOrigin(origin)
            .setReport(StructureReports.toProto(report, sys))
            .setCreated(ProtoTime.of(now)).build();
        Path dir = data.structuresDir().resolve(id);
        try {
            Files.createDirectories(dir);
            Snapshot s = Snapshot.initial(AtomState.capture(sys));
            AtomicFiles.write(dir.resolve("structure.ckpt"), out -> CheckpointCodec.write(s, out));
            AtomicFiles.write(dir.resolve("info.pb"), info.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store structure " + id + " in " + dir + ": " + e.getMessage(), e);
        }
        infos.put(id, info);
        return info;
    }
}
