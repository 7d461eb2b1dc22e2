package io.ionstream.actors.domain.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ionstream.engine.system.Box;
import org.junit.jupiter.api.Test;

class DomainGridTest {

    @Test
    void everyCountGivesAGridOfThatManySubdomains() {
        Box box = new Box(0, 0, 0, 30, 25, 40, 4, -3, 2);
        for (int n = 1; n <= 40; n++) assertEquals(n, DomainGrid.choose(box, n, 7.0).count(), "n = " + n);
    }

    @Test
    void cutsGoAcrossTheLongestDimensionFirst() {
        assertEquals(new DomainGrid(1, 1, 2), DomainGrid.choose(Box.orthorhombic(20, 20, 60), 2, 5));
        assertEquals(new DomainGrid(2, 1, 1), DomainGrid.choose(Box.orthorhombic(60, 20, 20), 2, 5));
        assertEquals(new DomainGrid(1, 3, 1), DomainGrid.choose(Box.orthorhombic(20, 60, 20), 3, 5));
        // a cube: 8 subdomains as 2x2x2 (least halo), 7 (prime) as slabs
        assertEquals(new DomainGrid(2, 2, 2), DomainGrid.choose(Box.orthorhombic(40, 40, 40), 8, 5));
        assertEquals(7, DomainGrid.choose(Box.orthorhombic(40, 40, 40), 7, 5).cells(2));
    }

    @Test
    void theChoiceMinimisesTheVolumeCoveredWithHalo() {
        Box box = Box.orthorhombic(30, 40, 50);
        double h = 6;
        DomainGrid g = DomainGrid.choose(box, 12, h);
        double best = cost(g, box, h);
        for (int a = 1; a <= 12; a++) for (int b = 1; b <= 12; b++) for (int c = 1; c <= 12; c++) {
            if (a * b * c == 12) assertEquals(true, cost(new DomainGrid(a, b, c), box, h) >= best - 1e-9, a + "x" + b + "x" + c);
        }
    }

    private static double cost(DomainGrid g, Box box, double h) {
        double[] w = box.perpendicularWidths();
        return (w[0] / g.px() + 2 * h) * (w[1] / g.py() + 2 * h) * (w[2] / g.pz() + 2 * h);
    }

    @Test
    void indicesAndOwnersAreConsistent() {
        DomainGrid g = new DomainGrid(3, 2, 5);
        for (int i = 0; i < g.count(); i++) assertEquals(i, g.index(g.coord(i, 0), g.coord(i, 1), g.coord(i, 2)));
        assertEquals(g.index(2, 1, 4), g.ownerOf(0.999999, 0.75, 0.95));
        assertEquals(g.index(0, 0, 0), g.ownerOf(-1e-17, 0.0, 0.1));
        assertEquals(g.index(2, 1, 4), g.ownerOf(1.0, 1.0, 1.0), "round-off at the upper edge stays inside");
    }

    @Test
    void badCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DomainGrid.choose(Box.orthorhombic(10, 10, 10), 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new DomainGrid(0, 1, 1));
    }
}
