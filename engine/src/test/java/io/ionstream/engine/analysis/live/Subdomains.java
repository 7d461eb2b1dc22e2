package io.ionstream.engine.analysis.live;

import io.ionstream.engine.neighbor.NeighborBuilder;
import io.ionstream.engine.neighbor.NeighborList;
import java.util.Map;

/**
 * Test stand-in for a domain decomposition: cuts a serial view (whole system + periodic ghosts
 * within the radius) into {@code k} slabs along z; each slab's view owns the atoms whose
 * fractional z falls in it and gets as halo every atom or image within the radius of the slab,
 * as a subdomain actor would receive. Per-atom state comes from, and goes back to, a table by id.
 */
final class Subdomains {
    private Subdomains() {}

    static LocalAtoms slab(LocalAtoms serial, int k, int of, double radius, int stateWidth, Map<Long, double[]> state,
                           double potentialEnergy, double[] virial) {
        int nall = serial.nall;
        double lz = serial.box.lz(), zlo = serial.box.zlo();
        double z0 = zlo + lz * k / of, z1 = zlo + lz * (k + 1) / of;
        int[] local = new int[serial.nlocal];
        int nl = 0;
        boolean[] isLocal = new boolean[nall];
        for (int i = 0; i < serial.nlocal; i++) {
            double z = serial.x[3 * i + 2];
            if (z >= z0 && z < z1) {
                local[nl++] = i;
                isLocal[i] = true;
            }
        }
        int[] ghost = new int[nall];
        int ng = 0;
        for (int j = 0; j < nall; j++) {
            if (isLocal[j]) continue;
            double z = serial.x[3 * j + 2];
            if (z >= z0 - radius && z < z1 + radius) ghost[ng++] = j;
        }
        LocalAtoms v = new LocalAtoms();
        v.nlocal = nl;
        v.nall = nl + ng;
        v.x = new double[3 * v.nall];
        v.type = new int[v.nall];
        v.id = new long[v.nall];
        v.image = new int[3 * nl];
        v.v = serial.v == null ? null : new double[3 * nl];
        v.eatom = serial.eatom == null ? null : new double[nl];
        for (int a = 0; a < v.nall; a++) {
            int s = a < nl ? local[a] : ghost[a - nl];
            System.arraycopy(serial.x, 3 * s, v.x, 3 * a, 3);
            v.type[a] = serial.type[s];
            v.id[a] = serial.id[s];
            if (a < nl) {
                System.arraycopy(serial.image, 3 * s, v.image, 3 * a, 3);
                if (v.v != null) System.arraycopy(serial.v, 3 * s, v.v, 3 * a, 3);
                if (v.eatom != null) v.eatom[a] = serial.eatom[s];
            }
        }
        v.box = serial.box;
        v.species = serial.species;
        v.massByType = serial.massByType;
        v.potentialEnergy = potentialEnergy;
        System.arraycopy(virial, 0, v.virial, 0, 6);
        if (radius > 0) {
            NeighborList list = new NeighborList(false);
            new NeighborBuilder().build(list, v.x, nl, v.nall, radius);
            v.full = list;
        }
        v.stateStride = stateWidth;
        v.state = new double[Math.max(1, nl * stateWidth)];
        for (int i = 0; i < nl && stateWidth > 0; i++) {
            double[] s = state.get(v.id[i]);
            if (s != null) System.arraycopy(s, 0, v.state, i * stateWidth, stateWidth);
        }
        return v;
    }

    /** Writes a view's per-atom state back into the table. */
    static void store(LocalAtoms v, Map<Long, double[]> state) {
        for (int i = 0; i < v.nlocal && v.stateStride > 0; i++) {
            state.put(v.id[i], java.util.Arrays.copyOfRange(v.state, i * v.stateStride, (i + 1) * v.stateStride));
        }
    }
}
