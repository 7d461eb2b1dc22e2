package io.ionstream.engine.learn.oracle;

/** The two built-in CP2K levels of theory and their input templates (resources of this package). */
public enum Cp2kMethod {
    /** GFN1-xTB tight binding: seconds per 50-atom label, for fast labels and tests. */
    XTB("cp2k-xtb.inp", "GFN1-xTB (CP2K), Ewald, 300 K Fermi smearing"),
    /** PBE with GTH pseudopotentials and DZVP-MOLOPT basis sets: production labels (minutes to hours each). */
    PBE("cp2k-pbe.inp", "PBE/GTH/DZVP-MOLOPT-SR, 400 Ry (CP2K), Gamma point");

    private final String template;
    private final String description;

    Cp2kMethod(String template, String description) {
        this.template = template;
        this.description = description;
    }

    /** Resource name of the input template. */
    public String templateResource() { return template; }

    public String description() { return description; }

    /** The built-in input template text. */
    public String templateText() {
        try (var in = Cp2kMethod.class.getResourceAsStream(template)) {
            if (in == null) throw new IllegalStateException("CP2K template resource " + template + " is missing from the build");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code xtb} or {@code pbe}, case-insensitive. */
    public static Cp2kMethod parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "xtb", "gfn1-xtb", "gfn1" -> XTB;
            case "pbe" -> PBE;
            default -> throw new IllegalArgumentException("unknown CP2K method '" + s + "': use xtb or pbe");
        };
    }
}
