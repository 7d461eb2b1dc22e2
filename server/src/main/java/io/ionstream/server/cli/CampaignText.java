package io.ionstream.server.cli;

import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.FeChannel;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.Job;
import java.io.PrintStream;
import java.util.Locale;

/** A campaign's results as terminal text: its runs, its Arrhenius laws and its D_macro table. */
final class CampaignText {
    private CampaignText() {}

    static void print(PrintStream out, Job j, CampaignResults c) {
        out.printf(Locale.ROOT, "%s %s: campaign, %d MD runs, %d D components, %d FE cases (stage %s)%n", j.getJobId(), j.getState(),
            c.getRunsCount(), c.getFitsCount(), c.getFeCount(), c.getStage());
        if (!j.getMessage().isEmpty()) out.println("  " + j.getMessage());
        if (c.getRunsCount() > 0) {
            out.printf(Locale.ROOT, "  %-14s %7s  %-16s %-22s %6s %-22s %-22s%n", "run", "T (K)", "job", "D (cm2/s)", "alpha", "D par (cm2/s)",
                "D perp (cm2/s)");
            for (CampaignRun r : c.getRunsList()) {
                out.printf(Locale.ROOT, "  %-14s %7.1f  %-16s %-22s %6s %-22s %-22s%n", r.getStructure(), r.getTemperatureK(), r.getJobId(),
                    d(r.hasTotal(), r.getTotal()), r.hasTotal() ? String.format(Locale.ROOT, "%.3f", r.getTotal().getAlpha()) : "-",
                    d(r.hasParallel(), r.getParallel()), d(r.hasPerpendicular(), r.getPerpendicular()));
                if (r.getGbSpacingA() > 0) {
                    out.printf(Locale.ROOT, "  %-14s GB width %.3g A (%s), tau %.3g; Hart D_GB par %s, perp %s%n", "", r.getGbWidthA(),
                        r.getGbWidthSource(), r.getTau(), d(r.hasGbParallel(), r.getGbParallel()), d(r.hasGbPerpendicular(), r.getGbPerpendicular()));
                }
            }
        }
        if (c.getFitsCount() > 0) {
            out.printf(Locale.ROOT, "  %-26s %-24s %-20s %-22s%n", "component", "D0 (cm2/s)", "Ea (eV)", "D(300 K) (cm2/s)");
            for (ComponentFit f : c.getFitsList()) {
                if (!f.getFitted()) {
                    out.printf(Locale.ROOT, "  %-26s no law: %s%n", f.getComponent(), f.getNote());
                    continue;
                }
                out.printf(Locale.ROOT, "  %-26s %-24s %-20s %-22s%n", f.getComponent(), pm(f.getD0Cm2S(), f.getD0ErrorCm2S()),
                    String.format(Locale.ROOT, "%.4f +- %.2g", f.getEaEv(), f.getEaErrorEv()), pm(f.getD300Cm2S(), f.getD300ErrorCm2S()));
            }
        }
        if (c.getFeCount() > 0) {
            out.printf(Locale.ROOT, "  FE: GB width %.4g nm (%s)%n", c.getFeGbWidthNm(), c.getFeGbWidthSource());
            out.printf(Locale.ROOT, "  %10s %8s %-10s %-14s %-14s %-14s %-14s %8s%n", "d (nm)", "T (K)", "model", "D_macro", "D_bulk", "D_gb par",
                "D_gb perp", "f_gb");
            for (FePoint p : c.getFeList()) {
                out.printf(Locale.ROOT, "  %10.4g %8.1f %-10s %-14.5g %-14.5g %-14.5g %-14.5g %8.4f%n", p.getGrainSizeNm(), p.getTemperatureK(),
                    p.getModel(), p.getDMacroCm2S(), p.getChannels(0).getDCm2S(), p.getChannels(1).getDCm2S(), p.getChannels(2).getDCm2S(),
                    p.getFGb());
            }
            FePoint first = c.getFe(0);
            StringBuilder ch = new StringBuilder("  channels:");
            for (FeChannel x : first.getChannelsList()) ch.append(' ').append(x.getChannel()).append(" = ").append(x.getComponent()).append(" (")
                .append(x.getSource()).append(')');
            out.println(ch);
        }
        for (String n : c.getNotesList()) out.println("  note: " + n);
    }

    private static String d(boolean has, DiffusionValue v) {
        return has ? pm(v.getDCm2S(), v.getErrorCm2S()) : "-";
    }

    private static String pm(double v, double e) {
        return String.format(Locale.ROOT, "%.4g +- %.2g", v, e);
    }
}
