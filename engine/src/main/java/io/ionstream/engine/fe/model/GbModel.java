package io.ionstream.engine.fe.model;

/**
 * The two grain-boundary representations: {@link #RESOLVED} marks every voxel within δ/2 of a
 * boundary as boundary phase (for nanograins, δ spanning several voxels); {@link #COLLAPSED}
 * keeps grains space-filling and puts a zero-thickness interface on the exact boundary planes
 * through composite voxels (for micrograins, voxel ≳ δ).
 */
public enum GbModel {
    RESOLVED, COLLAPSED;

    public static GbModel parse(String s) {
        for (GbModel m : values()) if (m.name().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("unknown grain-boundary model '" + s + "' (resolved or collapsed)");
    }

    public String label() { return name().toLowerCase(); }
}
