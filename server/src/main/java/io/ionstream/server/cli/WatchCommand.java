package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.WatchMode;
import java.time.Duration;
import java.util.Set;

/** {@code bin/ionstream watch JOB}: the live terminal view of a job until it ends. */
final class WatchCommand implements Command {
    @Override public String name() { return "watch"; }
    @Override public String summary() { return "follow a job live: progress bar and the latest observables (reconnects by itself)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream watch JOB_ID [--from SEQ] [--latest] [client options] [--json]

            Shows a progress bar with the job's stage and latest observables until the job ends, then
            its final state (the job as JSON with --json). If the connection breaks (a server restart)
            it reconnects and continues after the last sample it showed. Exit code 0 when the job
            completed, 1 when it failed or was cancelled.

            Options:
              --from SEQ     start at this sample number (default 0: the whole history)
              --latest       only the newest samples (for slow terminals; skipped ones are counted)
            """ + ClientOptions.HELP;
    }

    @Override public Set<String> valueOptions() { return ClientOptions.values("from"); }
    @Override public Set<String> flagOptions() { return ClientOptions.flags("latest"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        String id = args.positional(0, "job id");
        try (IonstreamClient client = ClientOptions.connect(args)) {
            LiveView view = new LiveView(console, id);
            Watch w = client.watch(id, args.integer("from", 0, 0, Long.MAX_VALUE),
                args.flag("latest") ? WatchMode.WATCH_MODE_LATEST : WatchMode.WATCH_MODE_ALL, view);
            Job last = w.await(Duration.ofDays(365));
            if (view.dropped() > 0) console.info(view.dropped() + " samples skipped (--latest)");
            return report(console, last, args.flag("json"));
        }
    }

    /** Prints how a job ended; exit code 0 if it completed. */
    static int report(Console console, Job last, boolean json) {
        if (json) {
            console.out().println(ProtoJson.print(last));
        } else {
            console.out().printf("%s %s at step %d%s%n", last.getJobId(), last.getState(), last.getStep(),
                last.getMessage().isEmpty() ? "" : ": " + last.getMessage());
        }
        return last.getState() == JobState.COMPLETED ? Main.OK : Main.FAILED;
    }
}
