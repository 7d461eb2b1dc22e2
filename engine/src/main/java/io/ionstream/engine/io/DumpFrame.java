package io.ionstream.engine.io;

import io.ionstream.engine.system.Box;

/**
 * One frame of a LAMMPS custom dump: the timestep, the cell, the column names and the numeric
 * values row-major ({@code values[atom * columns.length + column]}). The text column
 * {@code element} is kept in {@code elements} (its numeric values are NaN); {@code time} is the
 * {@code ITEM: TIME} value (ps in metal units) or NaN when the dump has none.
 */
public record DumpFrame(long timestep, Box box, String[] columns, double[] values, int atoms, double time,
                        String[] elements) {

    /** A frame without time or element column. */
    public DumpFrame(long timestep, Box box, String[] columns, double[] values, int atoms) {
        this(timestep, box, columns, values, atoms, Double.NaN, null);
    }

    /** Index of a column by name, or -1. */
    public int columnIndex(String name) {
        for (int c = 0; c < columns.length; c++) if (columns[c].equals(name)) return c;
        return -1;
    }

    public boolean has(String name) {
        return columnIndex(name) >= 0;
    }

    /** The values of one column (a copy); throws naming the column and the available ones. */
    public double[] column(String name) {
        int c = columnIndex(name);
        if (c < 0) {
            throw new IllegalArgumentException("dump frame at timestep " + timestep + " has no column '" + name
                + "' (columns: " + String.join(" ", columns) + ")");
        }
        double[] out = new double[atoms];
        for (int i = 0; i < atoms; i++) out[i] = values[i * columns.length + c];
        return out;
    }

    /** Three columns interleaved (e.g. "xu", "yu", "zu"). */
    public double[] interleaved(String a, String b, String c) {
        double[] x = column(a), y = column(b), z = column(c);
        double[] out = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            out[3 * i] = x[i];
            out[3 * i + 1] = y[i];
            out[3 * i + 2] = z[i];
        }
        return out;
    }
}
