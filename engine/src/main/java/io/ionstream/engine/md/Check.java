package io.ionstream.engine.md;

/** Parameter checks shared by the steppers: each names the parameter and its unit. */
final class Check {
    private Check() {}

    static void finite(String name, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite number, got " + v);
    }

    static void positive(String name, double v, String unit) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v + (unit.isEmpty() ? "" : " " + unit));
        }
    }

    static void nonNegative(String name, double v, String unit) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
