package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ListJobsResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code bin/ionstream list}: the server's jobs. */
final class ListCommand implements Command {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Override public String name() { return "list"; }
    @Override public String summary() { return "list a server's jobs (state, progress, atoms)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream list [--state queued|running|completed|failed|cancelled,...] [--parent CAMPAIGN_ID]
                                      [client options] [--json]

            One line per job, oldest first: id, state, progress, atoms, samples, submitted, name.
            --parent lists only the MD runs of a campaign.
            """ + ClientOptions.HELP;
    }

    @Override public Set<String> valueOptions() { return ClientOptions.values("state", "parent"); }
    @Override public Set<String> flagOptions() { return ClientOptions.flags(); }

    @Override
    public int run(Args args, Console console) throws Exception {
        List<JobState> states = new ArrayList<>();
        if (args.has("state")) for (String s : args.required("state").split(",")) states.add(JobStateText.parse(s));
        try (IonstreamClient client = ClientOptions.connect(args)) {
            List<Job> jobs = args.has("parent")
                ? client.runs(args.required("parent")).stream().filter(j -> states.isEmpty() || states.contains(j.getState())).toList()
                : client.list(states.toArray(JobState[]::new));
            if (args.flag("json")) {
                console.out().println(ProtoJson.print(ListJobsResponse.newBuilder().addAllJobs(jobs).build()));
                return Main.OK;
            }
            console.out().printf(Locale.ROOT, "%-16s %-10s %-22s %8s %8s  %-16s %s%n", "JOB", "STATE", "STEP", "ATOMS", "SAMPLES", "SUBMITTED", "NAME");
            for (Job j : jobs) {
                String progress = j.getStep() + "/" + j.getTotalSteps();
                console.out().printf(Locale.ROOT, "%-16s %-10s %-22s %8d %8d  %-16s %s%n", j.getJobId(), j.getState(), progress, j.getAtoms(),
                    j.getSamples(), TIME.format(Instant.ofEpochSecond(j.getSubmitted().getSeconds())), j.getName());
            }
            if (jobs.isEmpty()) console.info("no jobs");
            return Main.OK;
        }
    }
}
