package io.ionstream.server.cli;

import java.util.Locale;

/**
 * A terminal progress bar with rate and ETA on stderr: redrawn in place on a terminal, printed
 * as a line every ~10 % otherwise (logs, CI).
 */
public final class ProgressBar {
    private final Console console;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    public ProgressBar(Console console, String label, long total) {
        this.console = console;
        this.label = label;
        this.total = Math.max(total, 1);
    }

    /** Shows progress {@code done} of total with a trailing status text (observables). */
    public void update(long done, String status) {
        long now = System.nanoTime();
        int decile = (int) (10 * done / total);
        boolean last = done >= total;
        if (console.interactive()) {
            if (!last && now - lastDraw < 100_000_000L) return;
            lastDraw = now;
            console.err().print("\r" + line(done, status, now) + "\u001b[K");
            if (last) console.err().println();
        } else if (decile != lastDecile || last) {
            lastDecile = decile;
            console.err().println(line(done, status, now));
        }
        console.err().flush();
    }

    private String line(long done, String status, long now) {
        double frac = Math.min(1.0, (double) done / total);
        int width = 30;
        int filled = (int) Math.round(frac * width);
        double elapsed = (now - startNanos) * 1e-9;
        double eta = done > 0 ? elapsed * (total - done) / done : Double.NaN;
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %s/%s  %s  ETA %s  %s", label,
            "#".repeat(filled), ".".repeat(width - filled), 100 * frac, done, total,
            clock(elapsed), Double.isNaN(eta) ? "--:--" : clock(eta), status == null ? "" : status);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
