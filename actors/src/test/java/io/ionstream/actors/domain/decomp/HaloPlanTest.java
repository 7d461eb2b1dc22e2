package io.ionstream.actors.domain.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Halo plans against brute force: every periodic image within the halo width of a subdomain's
 * atom reaches that subdomain exactly once, from its owner, whatever the grid and cell shape.
 */
class HaloPlanTest {

    static List<Arguments> cases() {
        return List.of(
            Arguments.of("orthorhombic 2x2x2", Box.orthorhombic(20, 22, 24), new DomainGrid(2, 2, 2), 150, 5.0),
            Arguments.of("triclinic 3x1x2", new Box(1, -2, 0.5, 18, 17, 19, 4.0, -3.0, 2.5), new DomainGrid(3, 1, 2), 150, 4.5),
            Arguments.of("subdomains thinner than the halo", Box.orthorhombic(12, 12, 30), new DomainGrid(1, 1, 6), 80, 6.0),
            Arguments.of("cell thinner than the halo", new Box(0, 0, 0, 6, 7, 8, 1.5, 0.5, -1.0), new DomainGrid(2, 1, 1), 12, 7.5),
            Arguments.of("one subdomain", Box.orthorhombic(9, 9, 9), new DomainGrid(1, 1, 1), 20, 4.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyImageWithinTheHaloArrivesExactlyOnce(String name, Box box, DomainGrid grid, int n, double h) {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li"), box, n);
        Random r = new Random(5);
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            box.toCartesian(r.nextDouble(), r.nextDouble(), r.nextDouble(), c, 0);
            sys.add(0, c[0], c[1], c[2]);
        }
        AtomBlock[] parts = Decomposition.split(sys, grid);
        int nsub = grid.count();
        AtomSystem[] local = new AtomSystem[nsub];
        HaloPlan[] plans = new HaloPlan[nsub];
        HaloGeometry g = new HaloGeometry(grid);
        g.update(box, h);
        for (int s = 0; s < nsub; s++) {
            local[s] = Decomposition.subsystem(sys, parts[s]);
            boolean[] allowed = new boolean[nsub];
            allowed[s] = true;
            for (int t : g.partners(s)) allowed[t] = true;
            double[] frac = new double[3 * local[s].size()];
            for (int i = 0; i < local[s].size(); i++) {
                box.toFractional(local[s].x()[3 * i], local[s].x()[3 * i + 1], local[s].x()[3 * i + 2], frac, 3 * i);
            }
            plans[s] = new HaloPlan(grid, s);
            plans[s].build(g, frac, local[s].size(), allowed);
        }
        for (int s = 0; s < nsub; s++) {
            for (int t : g.partners(s)) {
                assertTrue(contains(g.partners(t), s), name + ": partners are symmetric (" + s + ", " + t + ")");
            }
        }
        double[] img = new double[3];
        for (int t = 0; t < nsub; t++) {
            // ghosts of t: (id, shift) from every sender's plan
            Set<String> got = new HashSet<>();
            for (int s = 0; s < nsub; s++) {
                for (int k = 0; k < plans[s].count(t); k++) {
                    int a = plans[s].atom(t, k);
                    String key = local[s].id()[a] + ":" + plans[s].shift(t, k, 0) + "," + plans[s].shift(t, k, 1) + ","
                        + plans[s].shift(t, k, 2);
                    assertTrue(got.add(key), name + ": image " + key + " sent twice to subdomain " + t);
                    if (s == t) assertFalse(key.endsWith(":0,0,0"), name + ": an atom is its own ghost");
                }
            }
            // brute force: every image within h of some atom of t
            int m = (int) Math.ceil(h / box.minPerpendicularWidth()) + 1;
            AtomSystem mine = local[t];
            for (int j = 0; j < sys.size(); j++) {
                for (int na = -m; na <= m; na++) for (int nb = -m; nb <= m; nb++) for (int nc = -m; nc <= m; nc++) {
                    box.imageShift(na, nb, nc, img, 0);
                    double xj = sys.x()[3 * j] + img[0], yj = sys.x()[3 * j + 1] + img[1], zj = sys.x()[3 * j + 2] + img[2];
                    String key = sys.id()[j] + ":" + na + "," + nb + "," + nc;
                    for (int i = 0; i < mine.size(); i++) {
                        if (mine.id()[i] == sys.id()[j] && na == 0 && nb == 0 && nc == 0) continue;
                        double dx = xj - mine.x()[3 * i], dy = yj - mine.x()[3 * i + 1], dz = zj - mine.x()[3 * i + 2];
                        if (dx * dx + dy * dy + dz * dz < h * h) {
                            boolean ownAtom = false;
                            for (int q = 0; q < mine.size(); q++) ownAtom |= mine.id()[q] == sys.id()[j];
                            if (ownAtom && na == 0 && nb == 0 && nc == 0) break; // a local atom, not a ghost
                            assertTrue(got.contains(key), name + ": subdomain " + t + " misses image " + key);
                            break;
                        }
                    }
                }
            }
        }
        int total = 0;
        for (AtomBlock p : parts) total += p.count;
        assertEquals(n, total);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }
}
