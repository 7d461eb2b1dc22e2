package io.ionstream.engine.fe.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void isotropicBoundaryGivesTheTextbookTwoPhaseBounds() {
        double f2 = 0.13, d1 = 1.0, d2 = 25.0, f1 = 1 - f2;
        double lower = d1 + f2 / (1 / (d2 - d1) + f1 / (3 * d1));
        double upper = d2 + f1 / (1 / (d1 - d2) + f2 / (3 * d2));
        assertEquals(lower, Bounds.hashinShtrikman(f2, d1, d2, d1), 1e-13);
        assertEquals(upper, Bounds.hashinShtrikman(f2, d1, d2, d2), 1e-13);
        // anisotropic boundary: bracketed by its extreme eigenvalues
        int n = 2;
        MaterialField mf = MaterialField.uniform(n, n, n, DiffusionTensor.isotropic(1));
        Bounds b = Bounds.of(mf, f2, d1, 30, 5);
        assertEquals(Bounds.hashinShtrikman(f2, d1, 30, 30), b.hsUpper(), 1e-14);
        assertEquals(Bounds.hashinShtrikman(f2, d1, 5, 1), b.hsLower(), 1e-14);
    }

    @Test
    void wienerBoundsAreTheVolumeAveragesAndBracketHs() {
        int n = 4;
        int[] idx = new int[n * n * n];
        for (int v = 0; v < 16; v++) idx[v] = 1;
        MaterialField mf = new MaterialField(n, n, n, idx, MaterialField.pack(DiffusionTensor.isotropic(2), DiffusionTensor.isotropic(8)));
        Bounds b = Bounds.of(mf, 0.25, 2, 8, 8);
        assertEquals(0.75 * 2 + 0.25 * 8, b.wienerUpper().mean(), 1e-14);
        assertEquals(1 / (0.75 / 2 + 0.25 / 8), b.wienerLower().mean(), 1e-14);
        assertTrue(b.wienerLower().mean() < b.hsLower() && b.hsLower() < b.hsUpper() && b.hsUpper() < b.wienerUpper().mean());
    }

    @Test
    void tensorEigenvaluesAndInverse() {
        DiffusionTensor t = DiffusionTensor.transverse(3, 0.5, 1, -2, 2);
        double[] ev = t.eigenvalues();
        assertEquals(0.5, ev[0], 1e-13);
        assertEquals(3, ev[1], 1e-13);
        assertEquals(3, ev[2], 1e-13);
        DiffusionTensor id = t.symmetricProduct(t.inverse());
        assertEquals(1, id.xx(), 1e-13);
        assertEquals(0, id.xy(), 1e-13);
        assertEquals(3 * 3 * 0.5, t.determinant(), 1e-12);
    }
}
