package io.ionstream.engine.analysis.live;

import io.ionstream.engine.system.Box;

/**
 * What is known globally when the summed partials are turned into values: the step, the time
 * (ps), the whole cell, and the integrator's extended-system energy (thermostat and barostat
 * variables, {@code Integrator.extendedEnergy}) for the conserved quantity.
 */
public record GlobalFrame(long step, double time, Box box, double extendedEnergy) {}
