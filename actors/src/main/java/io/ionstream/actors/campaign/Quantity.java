package io.ionstream.actors.campaign;

import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.DiffusionValue;

/**
 * The D components a structure's runs give, named {@code <structure>.<suffix>}: the total
 * (n = 3), in-plane xy (∥, n = 2) and z (⊥, n = 1) effective D of every structure, and Hart's
 * D_GB ∥/⊥ of grain boundaries with a bulk reference.
 */
enum Quantity {
    TOTAL("total"), PARALLEL("parallel"), PERPENDICULAR("perpendicular"), GB_PARALLEL("gb_parallel"), GB_PERPENDICULAR("gb_perpendicular");

    private final String suffix;

    Quantity(String suffix) {
        this.suffix = suffix;
    }

    String suffix() { return suffix; }

    boolean hart() { return this == GB_PARALLEL || this == GB_PERPENDICULAR; }

    String component(String structure) { return structure + "." + suffix; }

    /** This quantity of an analysed run, or null when the run has none. */
    DiffusionValue of(CampaignRun r) {
        return switch (this) {
            case TOTAL -> r.hasTotal() ? r.getTotal() : null;
            case PARALLEL -> r.hasParallel() ? r.getParallel() : null;
            case PERPENDICULAR -> r.hasPerpendicular() ? r.getPerpendicular() : null;
            case GB_PARALLEL -> r.hasGbParallel() ? r.getGbParallel() : null;
            case GB_PERPENDICULAR -> r.hasGbPerpendicular() ? r.getGbPerpendicular() : null;
        };
    }

    /** The quantities of a structure: Hart's two only for grain boundaries with a bulk reference. */
    static java.util.List<Quantity> of(CampaignPlan.StructurePlan s) {
        return s.grainBoundary() && s.bulkReference() != null ? java.util.List.of(values()) : java.util.List.of(TOTAL, PARALLEL, PERPENDICULAR);
    }
}
