package io.ionstream.server.cli;

import java.util.List;

/** Every subcommand of {@code bin/ionstream}, in the order {@code --help} lists them. */
final class CommandRegistry {
    private CommandRegistry() {}

    static List<Command> all() {
        return List.of(
            new BenchCommand(),
            new io.ionstream.server.cli.analyze.AnalyzeCommand(),
            new BuildCommand(),
            new RunCommand(),
            new DemoCommand(),
            new FeCommand(),
            new EfsCommand(),
            new LearnCommand(),
            new TrainCommand(),
            new VersionCommand(),
            new ServeCommand(),
            new NodeCommand(),
            new SubmitCommand(),
            new WatchCommand(),
            new ListCommand(),
            new CancelCommand(),
            new ResultsCommand(),
            new UploadPotentialCommand()
        );
    }
}
