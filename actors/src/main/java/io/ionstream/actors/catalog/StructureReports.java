package io.ionstream.actors.catalog;

import io.ionstream.engine.structure.StructureReport;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.proto.v1.Cell;
import java.util.Locale;
import java.util.Map;

/** The engine's {@link StructureReport} as the API's message. */
public final class StructureReports {
    private StructureReports() {}

    /** A report of a structure that no builder made (an upload): no formula unit, no formal charges. */
    public static StructureReport of(String title, AtomSystem sys) {
        return StructureReport.of(title, sys, null, Map.of(), 0, Map.of());
    }

    public static io.ionstream.proto.v1.StructureReport toProto(StructureReport r, AtomSystem sys) {
        var b = io.ionstream.proto.v1.StructureReport.newBuilder().setTitle(r.title()).setFormula(r.formula()).setAtoms(r.atoms())
            .setFormulaUnits(r.formulaUnits()).setFormulaUnit(r.formulaUnit()).setTotalFormalCharge(r.totalFormalCharge())
            .setVolume(r.volume()).setDensityGCm3(r.density());
        r.composition().forEach((k, v) -> b.putComposition(k, v));
        var box = sys.box();
        b.setCell(Cell.newBuilder().setXlo(box.xlo()).setYlo(box.ylo()).setZlo(box.zlo()).setLx(box.lx()).setLy(box.ly()).setLz(box.lz())
            .setXy(box.xy()).setXz(box.xz()).setYz(box.yz()));
        if (Double.isFinite(r.minDistance())) {
            b.setMinDistance(r.minDistance()).setMinDistancePair(r.minDistancePair());
            b.putAllMinDistanceByPair(r.minDistanceByPair());
        }
        r.details().forEach((k, v) -> b.putDetails(k, text(v)));
        return b.build();
    }

    private static String text(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.6g", d);
        if (v instanceof double[] a) return java.util.Arrays.toString(a);
        if (v instanceof int[] a) return java.util.Arrays.toString(a);
        return String.valueOf(v);
    }
}
