package io.ionstream.actors.catalog;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.FileInfo;
import io.ionstream.proto.v1.InlineFile;
import io.ionstream.proto.v1.PotentialInfo;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.UploadPotentialRequest;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The potentials a job may name: bundled ones ({@link BundledPotentials}) and uploaded files
 * stored under {@code potentials/<id>/} ({@code info.pb} and the file itself), read by the
 * {@link PotentialFormat}s this server has.
 */
public final class PotentialCatalog {
    private final DataDirectory data;
    private final long maxUploadBytes;
    private final List<PotentialFormat> formats;
    private final Map<String, PotentialInfo> uploaded = new ConcurrentHashMap<>();

    /** A job's potential: how to build it and, for an uploaded one, the file the job keeps a copy of. */
    public record Resolved(ForceFieldFactory factory, InlineFile file, PotentialInfo info) {}

    public PotentialCatalog(DataDirectory data, long maxUploadBytes, List<PotentialFormat> formats) throws IOException {
        this.data = data;
        this.maxUploadBytes = maxUploadBytes;
        this.formats = List.copyOf(formats);
        try (var dirs = Files.list(data.potentialsDir())) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path info = d.resolve("info.pb");
                if (DataDirectory.isId(d.getFileName().toString()) && Files.isRegularFile(info)) {
                    PotentialInfo i = PotentialInfo.parseFrom(Files.readAllBytes(info));
                    uploaded.put(i.getPotentialId(), i);
                }
            }
        }
    }

    /** The formats uploads may use, for messages. */
    public String formatNames() {
        return formats.isEmpty() ? "none in this build" : String.join(", ", formats.stream().map(PotentialFormat::name).toList());
    }

    public PotentialInfo upload(UploadPotentialRequest req) {
        if (!req.hasFile()) throw ServiceException.invalid("upload needs a file (file_name and content)");
        InlineFile f = req.getFile();
        String file = plainName(f.getFileName());
        long size = f.getContent().size();
        if (size > maxUploadBytes) {
            throw ServiceException.exhausted("'" + file + "' has " + size + " bytes; uploads are limited to " + maxUploadBytes
                + " bytes (ionstream.limits.max-upload-size)");
        }
        if (size == 0) throw ServiceException.invalid("'" + file + "' is empty");
        PotentialFormat format = format(file);
        PotentialFormat.Parsed p = read(format, file, f.getContent().toByteArray(), req.getSpeciesList());
        String id = data.newId("pot", data.potentialsDir());
        Instant now = Instant.now();
        PotentialInfo info = PotentialInfo.newBuilder().setPotentialId(id).setName(req.getName().isBlank() ? file : req.getName().strip())
            .setFormat(format.name()).setBundled(false).addAllSpecies(p.species()).setCutoff(p.cutoff()).setDescription(p.description())
            .putAllDetails(p.details()).setCreated(ProtoTime.of(now))
            .setFile(FileInfo.newBuilder().setName(file).setSize(size)).build();
        Path dir = data.potentialsDir().resolve(id);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(file), f.getContent().toByteArray());
            AtomicFiles.write(dir.resolve("info.pb"), info.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store potential " + id + ": " + e.getMessage(), e);
        }
        uploaded.put(id, info);
        return info;
    }

    public List<PotentialInfo> list() {
        List<PotentialInfo> out = new ArrayList<>();
        for (BundledPotentials.Bundled b : BundledPotentials.all()) out.add(info(b));
        List<PotentialInfo> up = new ArrayList<>(uploaded.values());
        up.sort(Comparator.comparingLong((PotentialInfo i) -> i.getCreated().getSeconds()).thenComparing(PotentialInfo::getPotentialId));
        out.addAll(up);
        return out;
    }

    public PotentialInfo describe(String idOrName) {
        BundledPotentials.Bundled b = BundledPotentials.get(idOrName);
        if (b != null) return info(b);
        PotentialInfo i = idOrName == null ? null : uploaded.get(idOrName);
        if (i == null) {
            throw ServiceException.notFound("no potential '" + idOrName + "' (bundled: " + String.join(", ", BundledPotentials.names())
                + "; uploaded ids come from PotentialService.Upload)");
        }
        return i;
    }

    /** Resolves a job's potential at submission. */
    public Resolved resolve(PotentialSource source) {
        return switch (source.getSourceCase()) {
            case BUNDLED -> {
                BundledPotentials.Bundled b = BundledPotentials.get(source.getBundled());
                if (b == null) {
                    throw ServiceException.invalid("no bundled potential '" + source.getBundled() + "' (bundled: "
                        + String.join(", ", BundledPotentials.names()) + ")");
                }
                yield new Resolved(b, null, null);
            }
            case POTENTIAL_ID -> {
                PotentialInfo i = describe(source.getPotentialId());
                Path p = data.potentialsDir().resolve(i.getPotentialId()).resolve(i.getFile().getName());
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new ServiceException(ServiceException.Kind.INTERNAL, "potential " + i.getPotentialId() + " cannot be read: " + e.getMessage(), e);
                }
                InlineFile copy = InlineFile.newBuilder().setFileName(i.getFile().getName()).setContent(ByteString.copyFrom(bytes)).build();
                yield new Resolved(fromFile(copy.getFileName(), bytes, i.getSpeciesList()), copy, i);
            }
            case PAIR_STYLE -> new Resolved(pairStyle(source.getPairStyle().getText()), null, null);
            case SOURCE_NOT_SET -> throw ServiceException.invalid("potential needs one of potential_id, bundled, pair_style");
        };
    }

    /** The force field of a file a job keeps (its copy of an uploaded potential). */
    public ForceFieldFactory fromFile(String fileName, byte[] bytes, List<String> species) {
        return read(format(fileName), fileName, bytes, species).factory();
    }

    /** An inline pair style (LAMMPS pair_style / pair_coeff lines). */
    public ForceFieldFactory pairStyle(String text) {
        if (text == null || text.isBlank()) throw ServiceException.invalid("pair_style.text is empty");
        PotentialFormat f = formats.stream().filter(x -> x.accepts(PairStyleFormat.INLINE)).findFirst().orElseThrow(() ->
            new ServiceException(ServiceException.Kind.UNIMPLEMENTED, "inline pair styles need the pair-style reader, which this build "
                + "does not have yet; use a bundled potential (" + String.join(", ", BundledPotentials.names()) + ")"));
        return read(f, PairStyleFormat.INLINE, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of()).factory();
    }

    private PotentialFormat format(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        for (PotentialFormat f : formats) if (f.accepts(lower)) return f;
        throw new ServiceException(formats.isEmpty() ? ServiceException.Kind.UNIMPLEMENTED : ServiceException.Kind.INVALID_ARGUMENT,
            "cannot read potential file '" + file + "' (formats this server reads: " + formatNames() + ")");
    }

    private static PotentialFormat.Parsed read(PotentialFormat format, String file, byte[] bytes, List<String> species) {
        try {
            return format.read(file, bytes, species);
        } catch (ServiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ServiceException.invalid(e.getMessage() == null ? file + ": " + e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String plainName(String name) {
        String n = name == null ? "" : name.strip();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        if (n.isEmpty() || n.startsWith(".") || n.equals("info.pb")) throw ServiceException.invalid("the potential file needs a plain name, got '" + name + "'");
        return n;
    }

    private static PotentialInfo info(BundledPotentials.Bundled b) {
        return PotentialInfo.newBuilder().setPotentialId(b.name()).setName(b.name()).setFormat("bundled").setBundled(true)
            .addAllSpecies(b.species()).setCutoff(b.cutoff()).setDescription(b.description()).build();
    }
}
