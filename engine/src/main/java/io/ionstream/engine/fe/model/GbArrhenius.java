package io.ionstream.engine.fe.model;


/** Arrhenius laws of the three channels (bulk, boundary ∥, boundary ⊥), e.g. fitted to MD. */
public record GbArrhenius(ArrheniusLaw bulk, ArrheniusLaw parallel, ArrheniusLaw perpendicular) {
    public GbDiffusivities at(double temperatureK) {
        return new GbDiffusivities(bulk.at(temperatureK), parallel.at(temperatureK), perpendicular.at(temperatureK));
    }
}
