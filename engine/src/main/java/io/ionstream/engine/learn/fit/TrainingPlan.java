package io.ionstream.engine.learn.fit;

import io.ionstream.engine.potential.mtp.EnergyProducts;
import io.ionstream.engine.potential.mtp.MonomialSet;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.RadialBasisType;
import java.util.List;

/**
 * The structure of an MTP that training differentiates through, from the model's moment
 * definitions (coefficients play no part): the angular monomials closed under lowering in every
 * direction (so ∂A_s/∂u_a = pow_a(s)·A_{lower_a(s)} is a table lookup), the basic moments as
 * (radial function, monomial) pairs, the products that reach the energy in file order, and the
 * scalar-moment mapping. Immutable, shared by the kernels of all threads.
 */
final class TrainingPlan {
    final int species, funcs, basisSize, moments, scalars;
    final double minDist, maxDist, scaling;
    final int monomials;
    /** Parent and axis of each monomial (A_s = A_parent·u_axis; the constant has parent -1). */
    final int[] monoParent, monoAxis;
    /** lower[3s + a]: monomial index with power a reduced by one (-1 when that power is 0); pow[3s + a]: the power. */
    final int[] lower, pow;
    final int[] basicMoment, basicFunc, basicMono;
    /** Products that reach the energy, file order. */
    final int[] timesP, timesQ, timesK;
    final double[] timesM;
    final int[] mapping;
    /** Coefficient vector layout (MLIP's order): radial, species, moments. */
    final int radialCount, coefficientCount;

    TrainingPlan(MtpModel m) {
        if (m.basisType() != RadialBasisType.CHEBYSHEV) {
            throw new IllegalArgumentException("training supports the RBChebyshev radial basis only, the template has "
                + m.basisType().mlipName());
        }
        species = m.speciesCount();
        funcs = m.radialFuncs();
        basisSize = m.basisSize();
        moments = m.momentsCount();
        minDist = m.minDist();
        maxDist = m.maxDist();
        scaling = m.effectiveScaling();
        mapping = m.alphaMomentMapping();
        scalars = mapping.length;
        radialCount = m.radialCoeffCount();
        coefficientCount = m.coefficientCount();

        EnergyProducts products = new EnergyProducts(m);
        timesP = products.first();
        timesQ = products.second();
        timesK = products.target();
        timesM = products.multiplicity();
        int[] neededBasics = products.neededBasics(m);

        int[] basic = m.alphaIndexBasic();
        MonomialSet set = new MonomialSet();
        for (int i : neededBasics) {
            // every monomial below it in all directions
            for (int a = 0; a <= basic[4 * i + 1]; a++)
                for (int b = 0; b <= basic[4 * i + 2]; b++)
                    for (int c = 0; c <= basic[4 * i + 3]; c++) set.add(a, b, c);
        }
        List<int[]> monos = set.order();
        monomials = monos.size();
        monoParent = new int[monomials];
        monoAxis = new int[monomials];
        lower = new int[3 * monomials];
        pow = new int[3 * monomials];
        for (int s = 0; s < monomials; s++) {
            int[] p = monos.get(s);
            for (int a = 0; a < 3; a++) {
                pow[3 * s + a] = p[a];
                if (p[a] == 0) {
                    lower[3 * s + a] = -1;
                } else {
                    int[] q = p.clone();
                    q[a]--;
                    lower[3 * s + a] = set.indexOf(q[0], q[1], q[2]);
                }
            }
            int deg = p[0] + p[1] + p[2];
            if (deg == 0) {
                monoParent[s] = -1;
                continue;
            }
            int axis = p[2] > 0 ? 2 : p[1] > 0 ? 1 : 0;
            monoParent[s] = lower[3 * s + axis];
            monoAxis[s] = axis;
        }
        int count = neededBasics.length;
        basicMoment = neededBasics;
        basicFunc = new int[count];
        basicMono = new int[count];
        for (int o = 0; o < count; o++) {
            int i = neededBasics[o];
            basicFunc[o] = basic[4 * i];
            basicMono[o] = set.indexOf(basic[4 * i + 1], basic[4 * i + 2], basic[4 * i + 3]);
        }
    }

    /** A trained model's coefficients as one vector in this layout. */
    static double[] theta(MtpModel m) {
        m.requireTrained("the model");
        double[] r = m.radialCoeffs(), s = m.speciesCoeffs(), c = m.momentCoeffs();
        double[] t = new double[r.length + s.length + c.length];
        System.arraycopy(r, 0, t, 0, r.length);
        System.arraycopy(s, 0, t, r.length, s.length);
        System.arraycopy(c, 0, t, r.length + s.length, c.length);
        return t;
    }

    /** Offset of the radial block c[a][b][μ][·] in the coefficient vector. */
    int radialOffset(int a, int b, int mu) {
        return ((a * species + b) * funcs + mu) * basisSize;
    }

    int speciesOffset() { return radialCount; }

    int momentOffset() { return radialCount + species; }
}
