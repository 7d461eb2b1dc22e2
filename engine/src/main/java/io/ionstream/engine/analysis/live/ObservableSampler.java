package io.ionstream.engine.analysis.live;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.system.AtomSystem;
import java.util.Arrays;

/**
 * Computes an {@link ObservableSet} on a whole system in this thread (the serial counterpart of
 * the subdomain actors): one view, one partial vector which is already the total.
 *
 * <p>Per-atom state: on the system it was initialised with (a running simulation) it lives in
 * that system's extra per-atom array {@link ObservableSet#STATE_ARRAY}, which travels with the
 * atoms through spatial sorting as it will through migration between subdomains. Sampling any
 * other system object (trajectory frames read one by one) finds the state by global id in a
 * table the sampler keeps in step.
 */
public final class ObservableSampler {
    private final ObservableSet set;
    private final SerialView viewBuilder = new SerialView();
    private final double[] partial;
    private long[] stateIds = new long[0];
    private double[] stateTable = new double[0];
    private double[] stateLocal = new double[0];
    private boolean initialised;
    private AtomSystem attached;

    public ObservableSampler(ObservableSet set) {
        this.set = set;
        this.partial = new double[set.partialLength()];
    }

    public ObservableSet set() { return set; }

    /** The partial (= total) vector of the last sample. */
    public double[] lastPartial() { return partial; }

    /** Captures the per-atom reference state (MSD origins, initial cages) from {@code sys}. */
    public void initialise(AtomSystem sys) {
        LocalAtoms v = view(sys, null, 0, null);
        int n = sys.size(), w = set.stateWidth();
        stateIds = Arrays.copyOf(sys.id(), n);
        Arrays.sort(stateIds);
        for (int i = 1; i < n; i++) {
            if (stateIds[i] == stateIds[i - 1]) throw new IllegalArgumentException("atom id " + stateIds[i] + " appears twice");
        }
        stateTable = new double[n * w];
        if (w > 0) {
            v.state = sys.perAtom(ObservableSet.STATE_ARRAY, w);
            java.util.Arrays.fill(v.state, 0, n * w, 0.0);
        }
        set.initState(v);
        scatter(v, sys.size());
        attached = sys;
        initialised = true;
    }

    /** Samples the state of a running {@link MdRunner} (per-atom energies when it computes them). */
    public double[][] sample(MdRunner r) {
        return sample(r.system(), r.potentialEnergy(), r.sums().virial, r.forces().perAtomEnergy(),
            new GlobalFrame(r.currentStep(), r.time(), r.system().box(), r.integrator().extendedEnergy(r.globals())));
    }

    /** Samples {@code sys} with the given energy, virial and per-atom energies (may be null). */
    public double[][] sample(AtomSystem sys, double potentialEnergy, double[] virial, double[] eatom, GlobalFrame frame) {
        if (!initialised) initialise(sys);
        LocalAtoms v = view(sys, virial, potentialEnergy, eatom);
        if (sys == attached && set.stateWidth() > 0) v.state = sys.perAtom(ObservableSet.STATE_ARRAY, set.stateWidth());
        else gather(v, sys.size());
        Arrays.fill(partial, 0);
        set.accumulate(v, partial);
        scatter(v, sys.size());
        return set.finish(partial, frame);
    }

    private LocalAtoms view(AtomSystem sys, double[] virial, double pe, double[] eatom) {
        LocalAtoms v = viewBuilder.build(sys, set.neighborRadius());
        v.potentialEnergy = pe;
        if (virial != null) System.arraycopy(virial, 0, v.virial, 0, 6);
        v.eatom = eatom;
        int w = set.stateWidth();
        if (stateLocal.length < sys.size() * w) stateLocal = new double[sys.size() * w];
        v.state = stateLocal;
        v.stateStride = w;
        return v;
    }

    private void gather(LocalAtoms v, int n) {
        int w = set.stateWidth();
        if (w == 0) return;
        for (int i = 0; i < n; i++) {
            int s = slot(v.id[i]);
            System.arraycopy(stateTable, s * w, v.state, i * w, w);
        }
    }

    /** Keeps the id-keyed table in step with the view's state (whichever array that was). */
    private void scatter(LocalAtoms v, int n) {
        int w = set.stateWidth();
        if (w == 0) return;
        for (int i = 0; i < n; i++) {
            int s = slot(v.id[i]);
            System.arraycopy(v.state, i * w, stateTable, s * w, w);
        }
    }

    private int slot(long id) {
        int s = Arrays.binarySearch(stateIds, id);
        if (s < 0) throw new IllegalStateException("atom id " + id + " was not present when the observables were initialised");
        return s;
    }
}
