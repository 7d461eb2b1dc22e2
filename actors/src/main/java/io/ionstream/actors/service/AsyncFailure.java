package io.ionstream.actors.service;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure a future reports, without the wrappers the concurrency library puts around it. */
public final class AsyncFailure {
    private AsyncFailure() {}

    public static Throwable cause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }
}
