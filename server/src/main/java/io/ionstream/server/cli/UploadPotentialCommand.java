package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.PotentialInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code bin/ionstream upload-potential FILE}: stores a potential on a server for jobs to use. */
final class UploadPotentialCommand implements Command {
    @Override public String name() { return "upload-potential"; }
    @Override public String summary() { return "upload a potential file (.mtp, .almtp, pair style) to a server; prints its id"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream upload-potential FILE [--species Li,P,S,Cl] [--name TEXT] [client options] [--json]

            The server reads and checks the file (the format comes from the extension) and prints the
            potential's id, which a job names as potential_id (or --potential-id in submit).

            Options:
              --species A,B,...   element of each of the potential's species, in type order (MTP files
                                  carry only type numbers)
              --name TEXT         a label (default: the file name)
            """ + ClientOptions.HELP;
    }

    @Override public Set<String> valueOptions() { return ClientOptions.values("species", "name"); }
    @Override public Set<String> flagOptions() { return ClientOptions.flags(); }

    @Override
    public int run(Args args, Console console) throws Exception {
        var file = Args.existingFile(args.positional(0, "potential file"), "potential file");
        List<String> species = args.has("species") ? Arrays.stream(args.required("species").split(",")).map(String::strip).toList() : List.of();
        try (IonstreamClient client = ClientOptions.connect(args)) {
            PotentialInfo p = client.uploadPotential(file, species, args.string("name", null));
            if (args.flag("json")) console.out().println(ProtoJson.print(p));
            else console.out().printf("%s  %s (%s; species %s; cut-off %.3f A)%n", p.getPotentialId(), p.getName(), p.getFormat(),
                String.join(",", p.getSpeciesList()), p.getCutoff());
            return Main.OK;
        }
    }
}
