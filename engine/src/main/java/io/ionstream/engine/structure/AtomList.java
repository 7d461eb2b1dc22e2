package io.ionstream.engine.structure;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structure under construction: Cartesian positions plus what the builders need to finish it
 * (species index, the crystal site each atom came from, the conventional cell it belongs to, its
 * split-site group, and the part: grain or slab). Turned into an {@link AtomSystem} at the end.
 */
final class AtomList {
    final List<String> species;
    final List<CrystalSite> sites;
    double[] x = new double[3 * 64];
    int[] type = new int[64];
    int[] site = new int[64];
    int[] cell = new int[64];
    int[] group = new int[64];
    int[] part = new int[64];
    int n;

    /** @param sites the crystal sites that {@link #site} indexes (may be empty) */
    AtomList(List<String> species, List<CrystalSite> sites) {
        this.species = List.copyOf(species);
        this.sites = sites;
    }

    int add(int t, double px, double py, double pz, int siteIndex, int cellIndex, int groupId, int partId) {
        if (n == type.length) grow(n + (n >> 1) + 64);
        x[3 * n] = px; x[3 * n + 1] = py; x[3 * n + 2] = pz;
        type[n] = t; site[n] = siteIndex; cell[n] = cellIndex; group[n] = groupId; part[n] = partId;
        return n++;
    }

    private void grow(int cap) {
        x = Arrays.copyOf(x, 3 * cap);
        type = Arrays.copyOf(type, cap);
        site = Arrays.copyOf(site, cap);
        cell = Arrays.copyOf(cell, cap);
        group = Arrays.copyOf(group, cap);
        part = Arrays.copyOf(part, cap);
    }

    int typeOf(String symbol) {
        int t = species.indexOf(symbol);
        if (t < 0) throw new IllegalArgumentException("species " + symbol + " is not one of " + species);
        return t;
    }

    String wyckoff(int i) { return site[i] >= 0 ? sites.get(site[i]).wyckoff() : ""; }

    /** Keeps the atoms with {@code keep[i]}, in order. */
    void retain(boolean[] keep) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) continue;
            if (m != i) {
                x[3 * m] = x[3 * i]; x[3 * m + 1] = x[3 * i + 1]; x[3 * m + 2] = x[3 * i + 2];
                type[m] = type[i]; site[m] = site[i]; cell[m] = cell[i]; group[m] = group[i]; part[m] = part[i];
            }
            m++;
        }
        n = m;
    }

    /** Atoms per species in species order. */
    Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String s : species) c.put(s, 0);
        for (int i = 0; i < n; i++) c.merge(species.get(type[i]), 1, Integer::sum);
        return c;
    }

    /** Atoms per species among those of one part. */
    Map<String, Integer> counts(int partId) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String s : species) c.put(s, 0);
        for (int i = 0; i < n; i++) if (part[i] == partId) c.merge(species.get(type[i]), 1, Integer::sum);
        return c;
    }

    /** Wraps every position into the box (periodic in all three directions). */
    void wrap(Box box) {
        for (int i = 0; i < n; i++) box.wrap(x, null, i);
    }

    AtomSystem toSystem(Box box) {
        wrap(box);
        AtomSystem sys = new AtomSystem(SpeciesTable.of(species.toArray(String[]::new)), box, n);
        for (int i = 0; i < n; i++) sys.add(type[i], x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        return sys;
    }
}
