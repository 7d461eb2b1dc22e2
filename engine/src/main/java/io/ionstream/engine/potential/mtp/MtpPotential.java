package io.ionstream.engine.potential.mtp;

import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Moment Tensor Potential as an engine {@link Potential} (full neighbour list): energy, forces,
 * per-atom (site) energies and the virial, identical to MLIP's evaluation, plus MaxVol
 * extrapolation grades when an {@link ActiveSet} is attached.
 *
 * <p>Species: MTP species are indices (the order of the radial blocks); {@code species} maps
 * them to the system's species symbols (e.g. Li,P,S,Cl), and {@link #validate} names any species
 * of a system that the potential does not have.
 *
 * <p>Neighbours are every atom or periodic image strictly closer than R_cut ({@code max_dist}),
 * including images of the atom itself, as MLIP counts them. The virial is accumulated from the
 * pair terms, W = −Σ d_ij ⊗ ∂V_i/∂d_ij (MLIP's PlusStress), rather than from forces.
 *
 * <p>Grades during MD: call {@link #requestGrades()} before an evaluation (every N steps); after
 * it {@link #neighborhoodGrades()} holds γ_i of each local atom and {@link #configurationGrade()}
 * the maximum. The extra cost is the coefficient-gradient rows and one product with the stored
 * inverse; other evaluations pay nothing. Not thread-safe: one instance per thread or subdomain.
 */
public final class MtpPotential implements Potential {
    private final MtpModel model;
    private final MtpPlan plan;
    private final MlipSpecies species;
    private final MtpKernel kernel;
    private ActiveSet activeSet;
    private GradeKernel gradeKernel;
    private boolean gradeRequested;
    private boolean gradesValid;
    private double[] grades = new double[0];
    private double configurationGrade = Double.NaN;
    private int gradedAtoms;
    private int gradedRows;

    private SpeciesTable mappedFor;
    private int[] typeMap = new int[0];

    // per-lane staging of a batch of atoms: relative positions, MTP species and indices of neighbours
    private final double[][] d = new double[MtpKernel.LANES][3 * 64];
    private final int[][] nbType = new int[MtpKernel.LANES][64], nbIndex = new int[MtpKernel.LANES][64];
    private final int[] counts = new int[MtpKernel.LANES];
    private double[] grad = new double[3 * 64];
    private double[] rows = new double[0];
    private int[] rowTypes = new int[0];

    public MtpPotential(MtpModel model, MlipSpecies species) {
        model.requireTrained("the potential");
        if (species.size() > model.speciesCount()) {
            throw new IllegalArgumentException("the species mapping names " + species.size() + " species ("
                + species.describe() + ") but the potential has " + model.speciesCount());
        }
        this.model = model;
        this.plan = new MtpPlan(model);
        this.species = species;
        this.kernel = new MtpKernel(plan);
    }

    /** Reads a {@code .mtp}, {@code .almtp} or {@code .als} file; an active set in it is attached. */
    public static MtpPotential load(Path file, MlipSpecies species) {
        MtpReader.MtpFile f = MtpReader.read(file);
        f.model().requireTrained(file.toString());
        MtpPotential p = new MtpPotential(f.model(), species);
        if (f.activeSet() != null) p.setActiveSet(f.activeSet());
        return p;
    }

    public MtpModel model() { return model; }

    public MlipSpecies species() { return species; }

    /** Attaches (or, with null, removes) the active set used for grades. */
    public void setActiveSet(ActiveSet set) {
        if (set != null) {
            set.checkGradable();
            gradeKernel = new GradeKernel(plan, set);
        } else {
            gradeKernel = null;
        }
        activeSet = set;
        gradesValid = false;
    }

    public ActiveSet activeSet() { return activeSet; }

    /** Grades the atoms during the next {@link #compute} (once). */
    public void requestGrades() {
        if (activeSet == null) throw new IllegalStateException("no active set: load an .almtp/.als file or call setActiveSet");
        gradeRequested = true;
    }

    /** True once an evaluation has computed grades (they stay until the next graded evaluation). */
    public boolean hasGrades() { return gradesValid; }

    /**
     * γ_i of each local atom of the last graded evaluation (shared array, valid for
     * {@link #gradedAtoms()} entries; in local-atom order of that evaluation). Empty for
     * energy-only active sets.
     */
    public double[] neighborhoodGrades() {
        if (!gradesValid) throw new IllegalStateException("no grades: call requestGrades() before an evaluation");
        return grades;
    }

    public int gradedAtoms() { return gradedAtoms; }

    /** The configuration's grade (max over its rows) from the last graded evaluation. */
    public double configurationGrade() {
        if (!gradesValid) throw new IllegalStateException("no grades: call requestGrades() before an evaluation");
        return configurationGrade;
    }

    @Override public String name() { return "mtp"; }

    @Override public double cutoff() { return model.maxDist(); }

    @Override public NeighborMode neighborMode() { return NeighborMode.FULL; }

    @Override public boolean virialFromForces() { return false; }

    @Override
    public void validate(SpeciesTable table) {
        int[] map = new int[table.size()];
        for (int t = 0; t < table.size(); t++) {
            int k = species.indexOf(table.symbol(t));
            if (k < 0) {
                throw new IllegalArgumentException("the MTP has no species " + table.symbol(t) + " (system type " + t
                    + "); its species are " + species.describe()
                    + (species.isNamed() ? "" : " (unnamed: name them with --species, e.g. Li,P,S,Cl)"));
            }
            map[t] = k;
        }
        typeMap = map;
        mappedFor = table;
    }

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        if (ctx.species != mappedFor) validate(ctx.species);
        final double[] x = ctx.x, f = out.f, eatom = out.eatom;
        final int[] type = ctx.type, map = typeMap;
        final int[] off = ctx.full.offsets(), nbl = ctx.full.neighbors();
        final double rc2 = plan.cutoffSq;
        final int nlocal = ctx.nlocal;
        final boolean grading = gradeRequested && gradeKernel != null;
        final int rowLen = plan.compactRow;
        if (grading) {
            if (rows.length < (long) nlocal * rowLen) rows = new double[nlocal * rowLen];
            if (rowTypes.length < nlocal) rowTypes = new int[nlocal];
        }
        final int lanes = MtpKernel.LANES;
        double energy = 0;
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int i0 = 0; i0 < nlocal; i0 += lanes) {
            final int count = Math.min(lanes, nlocal - i0);
            kernel.begin();
            // pass 1 for a batch of atoms: their neighbours strictly inside the cut-off
            for (int l = 0; l < count; l++) {
                final int i = i0 + l;
                final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                final int end = off[i + 1];
                if (nbIndex[l].length < end - off[i]) grow(l, end - off[i]);
                final double[] d = this.d[l];
                final int[] nt = nbType[l], ni = nbIndex[l];
                int n = 0;
                for (int q = off[i]; q < end; q++) {
                    final int j = nbl[q];
                    final double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                    final double rsq = dx * dx + dy * dy + dz * dz;
                    if (rsq >= rc2) continue;
                    if (rsq == 0) {
                        throw new IllegalStateException("atoms " + i + " and " + j + " sit on the same point ("
                            + xi + ", " + yi + ", " + zi + "): the MTP is undefined there");
                    }
                    d[3 * n] = dx; d[3 * n + 1] = dy; d[3 * n + 2] = dz;
                    nt[n] = map[type[j]];
                    ni[n] = j;
                    n++;
                }
                counts[l] = n;
                kernel.stage(l, map[type[i]], n, d, nt);
            }
            kernel.products();
            // pass 2: energies, forces on the atom and its neighbours, virial
            for (int l = 0; l < count; l++) {
                final int i = i0 + l, n = counts[l];
                final double v = kernel.energy(l);
                energy += v;
                if (eatom != null) eatom[i] += v;
                if (grading) {
                    rowTypes[i] = map[type[i]];
                    kernel.gradient(l, grad, rows, i * rowLen);
                } else {
                    kernel.gradient(l, grad, null, 0);
                }
                final double[] d = this.d[l];
                final int[] ni = nbIndex[l];
                double fxi = 0, fyi = 0, fzi = 0;
                for (int k = 0; k < n; k++) {
                    final double gx = grad[3 * k], gy = grad[3 * k + 1], gz = grad[3 * k + 2];
                    final int j3 = 3 * ni[k];
                    f[j3] -= gx; f[j3 + 1] -= gy; f[j3 + 2] -= gz;
                    fxi += gx; fyi += gy; fzi += gz;
                    final double dx = d[3 * k], dy = d[3 * k + 1], dz = d[3 * k + 2];
                    vxx -= dx * gx; vyy -= dy * gy; vzz -= dz * gz;
                    vxy -= dy * gx; vxz -= dz * gx; vyz -= dz * gy;
                }
                f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
            }
        }
        out.energy += energy;
        out.virial[0] += vxx; out.virial[1] += vyy; out.virial[2] += vzz;
        out.virial[3] += vxy; out.virial[4] += vxz; out.virial[5] += vyz;
        if (grading) finishGrades(nlocal);
        gradeRequested = false;
    }

    private void finishGrades(int nlocal) {
        gradedRows = nlocal;
        if (grades.length < nlocal) grades = new double[nlocal + (nlocal >> 3)];
        double g = 0;
        if (activeSet.gradesNeighborhoods()) {
            g = gradeKernel.neighborhoods(rows, rowTypes, nlocal, grades);
            gradedAtoms = nlocal;
        } else {
            Arrays.fill(grades, 0.0);
            gradedAtoms = 0;
        }
        if (activeSet.gradesEnergy()) g = Math.max(g, gradeKernel.energy(rows, rowTypes, nlocal, nlocal));
        configurationGrade = g;
        gradesValid = true;
    }

    /**
     * The full-length coefficient gradient ∂V_i/∂θ (MLIP's order) of local atom {@code i} from the
     * last graded evaluation.
     */
    public double[] siteEnergyGradient(int i) {
        if (!gradesValid || i < 0 || i >= gradedRows) {
            throw new IllegalStateException("no coefficient gradient for atom " + i + ": call requestGrades() before an evaluation");
        }
        return GradeKernel.expand(plan, rows, i * plan.compactRow, rowTypes[i]);
    }

    private void grow(int lane, int n) {
        int cap = Math.max(n, nbIndex[lane].length * 2);
        d[lane] = new double[3 * cap];
        nbType[lane] = new int[cap];
        nbIndex[lane] = new int[cap];
        if (grad.length < 3 * cap) grad = new double[3 * cap];
    }
}
