package io.ionstream.actors.jobs.run;

import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.LocalAtoms;
import io.ionstream.engine.analysis.live.Observable;
import io.ionstream.engine.system.Box;

/** The cell: volume (Å³), edge lengths and tilts (Å). Global, so it needs no partial sums. */
public final class CellObservable implements Observable {
    public static final String NAME = "cell";
    private static final String[] NAMES = {"volume_A3", "lx_A", "ly_A", "lz_A", "xy_A", "xz_A", "yz_A"};

    @Override public String name() { return NAME; }
    @Override public String[] valueNames() { return NAMES.clone(); }
    @Override public int partialLength() { return 0; }

    @Override
    public void accumulate(LocalAtoms atoms, int column, double[] partial, int offset) {}

    @Override
    public void finish(double[] total, int offset, GlobalFrame frame, double[] values) {
        Box b = frame.box();
        values[0] = b.volume();
        values[1] = b.lx();
        values[2] = b.ly();
        values[3] = b.lz();
        values[4] = b.xy();
        values[5] = b.xz();
        values[6] = b.yz();
    }
}
