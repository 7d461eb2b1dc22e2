package io.ionstream.engine.structure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Supercells of any {@link Crystal} (the reference crystals), reported. */
public final class CrystalBuilder {
    private CrystalBuilder() {}

    public static BuiltStructure supercell(Crystal crystal, int n1, int n2, int n3, long seed, double minSplitDistance) {
        CrystalTiler.Tiling t = CrystalTiler.tile(crystal, n1, n2, n3);
        SplitSites.resolve(t.atoms(), t.box(), minSplitDistance, Seeds.stream(seed, Seeds.SPLIT_SITES));
        Map<String, Object> details = new LinkedHashMap<>();
        double[][] l = crystal.lattice();
        details.put("unit cell", String.format(Locale.ROOT, "a %.4f  b %.4f  c %.4f Å", Geometry.norm(l[0]), Geometry.norm(l[1]), Geometry.norm(l[2])));
        details.put("supercell", new int[] {n1, n2, n3});
        var sys = t.atoms().toSystem(t.box());
        int q = Stoichiometry.formalCharge(crystal.name(), t.atoms().counts(), crystal.formalCharges());
        Stoichiometry.requireNeutral(crystal.name(), q);
        String title = String.format(Locale.ROOT, "%s %d×%d×%d supercell", crystal.name(), n1, n2, n3);
        return new BuiltStructure(sys, StructureReport.of(title, sys, crystal.formulaUnit(), crystal.formalCharges(), q, details));
    }

    public static BuiltStructure supercell(Crystal crystal, int n1, int n2, int n3) {
        return supercell(crystal, n1, n2, n3, 1L, 0.0);
    }
}
