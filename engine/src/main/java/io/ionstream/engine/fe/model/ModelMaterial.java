package io.ionstream.engine.fe.model;

import io.ionstream.engine.fe.material.MaterialField;

/**
 * The voxel material of one grain-boundary model: the field for the solver, the boundary volume
 * fraction it represents (voxel count for the resolved model; Σ area·δ / V for the collapsed
 * one), and the largest boundary fraction of a single voxel (1 for resolved voxels).
 */
public record ModelMaterial(GbModel model, MaterialField field, double gbFraction, long gbVoxels, double maxVoxelFraction) {}
