package io.ionstream.actors.domain;

import io.ionstream.engine.analysis.live.ObservableSet;
import java.util.List;

/**
 * Makes fresh live observables for one subdomain (or the coordinator): one {@link ObservableSet}
 * per sampling group, always in the same order. Observables keep scratch state, so every caller
 * gets its own instances. A source that also implements {@link Portable} can be sent to
 * subdomains on other cluster nodes.
 */
@FunctionalInterface
public interface ObservableSource {
    List<ObservableSet> create();
}
