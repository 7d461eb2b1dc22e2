package io.ionstream.actors.catalog;

import io.ionstream.actors.jobs.run.ForceFieldFactory;
import io.ionstream.proto.v1.PotentialSource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A job's potential as data that any node can turn into the same force field: a bundled
 * potential by name, a potential file (the job's own copy of an upload: file name, bytes and the
 * species it names, read with the {@link PotentialFormat#standard() standard formats}), or an
 * inline pair style. It is what a job's model carries to subdomains on other cluster nodes.
 */
public record PortablePotential(Kind kind, String name, byte[] content, List<String> species) {
    /** Where the potential comes from. */
    public enum Kind { BUNDLED, FILE, PAIR_STYLE }

    public PortablePotential {
        content = content.clone();
        species = List.copyOf(species);
    }

    public static PortablePotential bundled(String name) {
        return new PortablePotential(Kind.BUNDLED, name, new byte[0], List.of());
    }

    public static PortablePotential file(String fileName, byte[] content, List<String> species) {
        return new PortablePotential(Kind.FILE, fileName, content, species);
    }

    public static PortablePotential pairStyle(String text) {
        return new PortablePotential(Kind.PAIR_STYLE, PairStyleFormat.INLINE, text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** The portable form of a job's potential source; {@code copy} and {@code species}: the job's copy of an upload. */
    public static PortablePotential of(PotentialSource source, String copyName, byte[] copy, List<String> species) {
        return switch (source.getSourceCase()) {
            case BUNDLED -> bundled(source.getBundled());
            case PAIR_STYLE -> pairStyle(source.getPairStyle().getText());
            case POTENTIAL_ID -> file(copyName, copy, species);
            case SOURCE_NOT_SET -> throw new IllegalArgumentException("potential needs one of potential_id, bundled, pair_style");
        };
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The force-field factory, built afresh (each caller gets its own parse of the file). */
    public ForceFieldFactory factory() {
        return switch (kind) {
            case BUNDLED -> {
                BundledPotentials.Bundled b = BundledPotentials.get(name);
                if (b == null) throw new IllegalArgumentException("no bundled potential '" + name + "' in this build");
                yield b;
            }
            case FILE, PAIR_STYLE -> {
                String lower = name.toLowerCase(Locale.ROOT);
                PotentialFormat f = PotentialFormat.standard().stream().filter(x -> x.accepts(lower)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no reader for potential file '" + name + "' in this build"));
                yield f.read(name, content, species).factory();
            }
        };
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeUTF(name);
        out.writeInt(content.length);
        out.write(content);
        out.writeInt(species.size());
        for (String s : species) out.writeUTF(s);
    }

    public static PortablePotential readFrom(DataInputStream in) throws IOException {
        int k = in.readUnsignedByte();
        if (k >= Kind.values().length) throw new IOException("unknown potential kind " + k);
        String name = in.readUTF();
        int len = in.readInt();
        if (len < 0 || len > in.available()) throw new IOException("potential of " + len + " bytes runs past the end");
        byte[] content = new byte[len];
        in.readFully(content);
        int ns = in.readInt();
        if (ns < 0 || ns > 1000) throw new IOException("bad species count " + ns);
        List<String> species = new ArrayList<>();
        for (int i = 0; i < ns; i++) species.add(in.readUTF());
        return new PortablePotential(Kind.values()[k], name, content, species);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortablePotential p && p.kind == kind && p.name.equals(name) && java.util.Arrays.equals(p.content, content)
            && p.species.equals(species);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + name.hashCode()) * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "PortablePotential[" + kind + " " + name + ", " + content.length + " bytes, species " + species + "]";
    }
}
