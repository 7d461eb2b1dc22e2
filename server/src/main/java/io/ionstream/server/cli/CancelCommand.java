package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.Job;
import java.util.Set;

/** {@code bin/ionstream cancel JOB}: stops a queued or running job. */
final class CancelCommand implements Command {
    @Override public String name() { return "cancel"; }
    @Override public String summary() { return "cancel a queued or running job (its samples and files so far are kept)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream cancel JOB_ID [client options] [--json]

            Stops the job at its next step and prints its final state.
            """ + ClientOptions.HELP;
    }

    @Override public Set<String> valueOptions() { return ClientOptions.values(); }
    @Override public Set<String> flagOptions() { return ClientOptions.flags(); }

    @Override
    public int run(Args args, Console console) throws Exception {
        String id = args.positional(0, "job id");
        try (IonstreamClient client = ClientOptions.connect(args)) {
            Job j = client.cancel(id);
            if (args.flag("json")) console.out().println(ProtoJson.print(j));
            else console.out().printf("%s %s at step %d%n", j.getJobId(), j.getState(), j.getStep());
            return Main.OK;
        }
    }
}
