package io.ionstream.engine.io;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A LAMMPS custom dump as a {@link TrajectoryReader} (and, for one frame, as a structure).
 *
 * <p>Columns: {@code id} (required, positive integers, unique); species from an
 * {@code element} column or from {@code type} (1..n) with the species of the types named by the
 * caller. Positions, first available of: {@code xu yu zu} (unwrapped); {@code x y z} with
 * {@code ix iy iz} (made unwrapped); {@code xsu ysu zsu}; {@code xs ys zs} with image flags;
 * {@code x y z} alone and {@code xs ys zs} alone (both wrapped: {@code unwrapped = false}).
 * Trajectory frames list atoms sorted by id, whatever the order in the file; a structure
 * ({@link #nextSystem()}) keeps the file's order.
 *
 * <p>Species order: as named by the caller; else, with an element column, by LAMMPS type when
 * there is a {@code type} column, or by first appearance. It is fixed by the first frame.
 */
public final class LammpsDumpTrajectory implements TrajectoryReader {
    private final LammpsDumpReader reader;
    private final String[] callerSpecies;
    private SpeciesTable species;

    public LammpsDumpTrajectory(LammpsDumpReader reader, String[] species) {
        this.reader = reader;
        this.callerSpecies = species == null ? null : species.clone();
    }

    public static LammpsDumpTrajectory open(Path file, String[] species) {
        return new LammpsDumpTrajectory(LammpsDumpReader.open(file), species);
    }

    /** The species table (null before the first frame). */
    public SpeciesTable species() {
        return species;
    }

    @Override
    public TrajectoryFrame next() {
        DumpFrame f = reader.next();
        if (f == null) return null;
        Atoms a = atoms(f, true);
        Positions p = positions(f, a.order, true);
        return new TrajectoryFrame(f.timestep(), f.time(), f.box(), species, a.type, a.id, p.x, p.unwrapped);
    }

    /**
     * The next frame as a structure: positions {@code x y z} (or {@code xs ys zs}) with their image
     * flags when the dump has them, else the unwrapped ones with zero image flags; velocities
     * ({@code vx vy vz}), forces ({@code fx fy fz}) and charges ({@code q}) when present. Null at
     * the end of the file.
     */
    public AtomSystem nextSystem() {
        DumpFrame f = reader.next();
        if (f == null) return null;
        Atoms a = atoms(f, false);
        Positions p = positions(f, a.order, false);
        int n = f.atoms();
        AtomSystem sys = new AtomSystem(species, f.box(), n);
        for (int i = 0; i < n; i++) {
            sys.add(a.type[i], p.x[3 * i], p.x[3 * i + 1], p.x[3 * i + 2]);
            sys.id()[i] = a.id[i];
        }
        if (p.image != null) System.arraycopy(p.image, 0, sys.image(), 0, 3 * n);
        copy3(f, a.order, "vx", "vy", "vz", sys.v());
        copy3(f, a.order, "fx", "fy", "fz", sys.f());
        if (f.has("q")) {
            double[] q = f.column("q");
            for (int i = 0; i < n; i++) sys.q()[i] = q[a.order[i]];
        }
        return sys;
    }

    /** Ids, types and the id-sorted order of one frame. */
    private record Atoms(int[] order, long[] id, int[] type) {}

    private Atoms atoms(DumpFrame f, boolean sort) {
        String source = reader.source();
        int line = reader.line();
        int n = f.atoms();
        if (!f.has("id")) throw new FormatException(source, line, "the dump has no 'id' column (columns: " + String.join(" ", f.columns()) + ")");
        double[] idv = f.column("id");
        long[] rawId = new long[n];
        for (int i = 0; i < n; i++) rawId[i] = integral(idv[i], "atom id", 1, source, line);
        int[] byId = IdOrder.of(rawId, rawId.length);
        for (int i = 1; i < n; i++) {
            if (rawId[byId[i]] == rawId[byId[i - 1]]) {
                throw new FormatException(source, line, "atom id " + rawId[byId[i]] + " appears twice in the frame at timestep " + f.timestep());
            }
        }
        int[] order = byId;
        if (!sort) {
            order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
        }
        long[] id = new long[n];
        for (int i = 0; i < n; i++) id[i] = rawId[order[i]];
        double[] typev = f.has("type") ? f.column("type") : null;
        int[] lammpsType = null;
        if (typev != null) {
            lammpsType = new int[n];
            for (int i = 0; i < n; i++) {
                long t = integral(typev[i], "atom type", 1, source, line);
                if (t > 100_000) throw new FormatException(source, line, "atom type " + t + " out of range");
                lammpsType[i] = (int) t;
            }
        }
        String[] el = f.elements();
        if (species == null) species = firstTable(el, lammpsType, order, source, line);
        int[] type = new int[n];
        Map<String, Integer> typeOfElement = new HashMap<>();
        Map<Integer, Integer> typeOfLammps = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (el != null) {
                Integer t = typeOfElement.get(el[i]);
                if (t == null) {
                    t = SpeciesNames.typeOf(species, el[i], source, line);
                    typeOfElement.put(el[i], t);
                }
                type[k] = t;
            } else {
                if (lammpsType == null) {
                    throw new FormatException(source, line, "the dump has neither an 'element' nor a 'type' column");
                }
                if (lammpsType[i] > callerSpecies.length) {
                    throw new FormatException(source, line, "atom " + rawId[i] + " has type " + lammpsType[i] + " but only "
                        + callerSpecies.length + " species were named");
                }
                Integer t = typeOfLammps.get(lammpsType[i]);
                if (t == null) {
                    t = SpeciesNames.typeOf(species, callerSpecies[lammpsType[i] - 1], source, line);
                    typeOfLammps.put(lammpsType[i], t);
                }
                type[k] = t;
            }
        }
        return new Atoms(order, id, type);
    }

    private SpeciesTable firstTable(String[] el, int[] lammpsType, int[] order, String source, int line) {
        if (callerSpecies != null) return SpeciesNames.table(callerSpecies, List.of(), null, source, line);
        if (el == null) {
            throw new FormatException(source, line, "the dump has no 'element' column: name the species of LAMMPS types 1..n "
                + "(e.g. --species Li,P,S,Cl)");
        }
        List<String> names = new ArrayList<>();
        if (lammpsType != null) {
            int max = 0;
            for (int t : lammpsType) max = Math.max(max, t);
            String[] byType = new String[max + 1];
            for (int i = 0; i < el.length && i < lammpsType.length; i++) {
                String s = SpeciesNames.normalise(el[i]);
                if (byType[lammpsType[i]] == null) {
                    byType[lammpsType[i]] = s;
                } else if (!byType[lammpsType[i]].equals(s)) {
                    throw new FormatException(source, line, "LAMMPS type " + lammpsType[i] + " is both " + byType[lammpsType[i]] + " and " + s);
                }
            }
            for (String s : byType) if (s != null && !names.contains(s)) names.add(s);
        } else {
            for (int i : order) {
                String s = SpeciesNames.normalise(el[i]);
                if (!names.contains(s)) names.add(s);
            }
        }
        return SpeciesNames.table(null, names, null, source, line);
    }

    /** Positions in id order; {@code unwrapped} asks for continuous coordinates when possible. */
    private record Positions(double[] x, int[] image, boolean unwrapped) {}

    private Positions positions(DumpFrame f, int[] order, boolean preferUnwrapped) {
        int n = f.atoms();
        Box box = f.box();
        boolean img = f.has("ix") && f.has("iy") && f.has("iz");
        int[] image = null;
        if (img) {
            image = new int[3 * n];
            double[] ix = f.column("ix"), iy = f.column("iy"), iz = f.column("iz");
            for (int k = 0; k < n; k++) {
                int i = order[k];
                image[3 * k] = imageFlag(ix[i]);
                image[3 * k + 1] = imageFlag(iy[i]);
                image[3 * k + 2] = imageFlag(iz[i]);
            }
        }
        boolean plain = f.has("x") && f.has("y") && f.has("z");
        boolean scaled = f.has("xs") && f.has("ys") && f.has("zs");
        boolean unwrapped = f.has("xu") && f.has("yu") && f.has("zu");
        boolean scaledUnwrapped = f.has("xsu") && f.has("ysu") && f.has("zsu");
        if (!(plain || scaled || unwrapped || scaledUnwrapped)) {
            throw new FormatException(reader.source(), reader.line(), "the dump has no positions (xu yu zu, x y z, xsu ysu zsu or xs ys zs); columns: "
                + String.join(" ", f.columns()));
        }
        Positions p;
        if (preferUnwrapped) {
            if (unwrapped) p = new Positions(cartesian(f, order, "xu", "yu", "zu", false), null, true);
            else if (plain && img) p = new Positions(shifted(cartesian(f, order, "x", "y", "z", false), image, box), null, true);
            else if (scaledUnwrapped) p = new Positions(cartesian(f, order, "xsu", "ysu", "zsu", true), null, true);
            else if (scaled && img) p = new Positions(shifted(cartesian(f, order, "xs", "ys", "zs", true), image, box), null, true);
            else if (plain) p = new Positions(cartesian(f, order, "x", "y", "z", false), null, false);
            else p = new Positions(cartesian(f, order, "xs", "ys", "zs", true), null, false);
        } else {
            if (plain) p = new Positions(cartesian(f, order, "x", "y", "z", false), image, false);
            else if (scaled) p = new Positions(cartesian(f, order, "xs", "ys", "zs", true), image, false);
            else if (unwrapped) p = new Positions(cartesian(f, order, "xu", "yu", "zu", false), null, true);
            else p = new Positions(cartesian(f, order, "xsu", "ysu", "zsu", true), null, true);
        }
        for (double v : p.x) {
            if (!Double.isFinite(v)) throw new FormatException(reader.source(), reader.line(), "a position at timestep " + f.timestep() + " is out of range");
        }
        return p;
    }

    /** Three position columns in id order, converted from fractional when {@code fractional}. */
    private static double[] cartesian(DumpFrame f, int[] order, String a, String b, String c, boolean fractional) {
        double[] x = ordered(f.interleaved(a, b, c), order);
        if (fractional) {
            for (int i = 0; i < order.length; i++) f.box().toCartesian(x[3 * i], x[3 * i + 1], x[3 * i + 2], x, 3 * i);
        }
        return x;
    }

    private static double[] shifted(double[] x, int[] image, Box box) {
        double[] shift = new double[3];
        for (int i = 0; i < x.length / 3; i++) {
            box.imageShift(image[3 * i], image[3 * i + 1], image[3 * i + 2], shift, 0);
            for (int d = 0; d < 3; d++) x[3 * i + d] += shift[d];
        }
        return x;
    }

    private int imageFlag(double v) {
        return (int) integral(v, "image flag", Integer.MIN_VALUE, reader.source(), reader.line());
    }

    private static void copy3(DumpFrame f, int[] order, String a, String b, String c, double[] out) {
        if (!(f.has(a) && f.has(b) && f.has(c))) return;
        double[] v = ordered(f.interleaved(a, b, c), order);
        System.arraycopy(v, 0, out, 0, v.length);
    }

    private static double[] ordered(double[] v, int[] order) {
        double[] out = new double[v.length];
        for (int k = 0; k < order.length; k++) System.arraycopy(v, 3 * order[k], out, 3 * k, 3);
        return out;
    }

    private static long integral(double v, String what, long min, String source, int line) {
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw new FormatException(source, line, what + " " + v + " is not an integer in range");
        }
        return (long) v;
    }

    @Override
    public void close() {
        reader.close();
    }
}
