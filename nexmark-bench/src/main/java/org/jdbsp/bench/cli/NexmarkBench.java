package org.jdbsp.bench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jdbsp.bench.report.Progress;
import org.jdbsp.bench.run.BenchRunner;
import org.jdbsp.bench.run.RunSettings;
import org.jdbsp.bench.run.StopSignal;
import org.jdbsp.bench.run.StorageSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The main command of {@code nexmark-bench.jar}: runs Nexmark queries over generated events and prints a table of
 * their figures; {@code generate} prints generator events.
 *
 * <p>Exit codes: 0 on success, 1 if a query failed, 2 on bad input (one line on standard error, no stack trace),
 * 130 when stopped by Ctrl-C (after printing the rows of the queries that finished).
 */
@Command(name = "nexmark-bench", mixinStandardHelpOptions = true, versionProvider = NexmarkBench.Version.class,
    subcommands = GenerateCommand.class, sortOptions = false,
    description = {"Runs Nexmark queries of jdbsp over generated events, one after the other, and prints a table"
        + " of their figures on standard output (progress goes to standard error).",
        "Subcommand 'generate' prints the events instead."})
public final class NexmarkBench implements Callable<Integer> {

    /** Exit code for bad input. */
    static final int EXIT_USAGE = 2;
    /** How long the Ctrl-C hook waits for the run to print what finished. */
    private static final long STOP_WAIT_MS = 60_000;
    /** Milliseconds between two plain progress lines when standard error is not a terminal. */
    private static final long PROGRESS_LINE_PERIOD_MS = 5_000;
    /** Milliseconds between two redraws of the progress bar on a terminal. */
    private static final long PROGRESS_BAR_PERIOD_MS = 200;

    private final PrintStream out;
    private final PrintStream err;
    private final Environment env;

    @Mixin
    private BenchOptions bench;

    @Mixin
    private GeneratorOptions generator;

    NexmarkBench(PrintStream out, PrintStream err, Environment env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs the command line and exits with its exit code; Ctrl-C stops the run and still prints its table. */
    public static void main(String[] args) {
        StopSignal stop = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.stopAndAwait(STOP_WAIT_MS), "nexmark-bench-stop"));
        boolean terminal = Terminal.stderrIsTerminal();
        Environment env = new Environment(terminal, terminal ? PROGRESS_BAR_PERIOD_MS : PROGRESS_LINE_PERIOD_MS, stop);
        System.exit(run(System.out, System.err, env, args));
    }

    /**
     * Runs the command line with the given standard streams and returns the exit code (used by tests). Standard error
     * counts as no terminal and no Ctrl-C hook is installed.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, new Environment(false, PROGRESS_LINE_PERIOD_MS, new StopSignal()), args);
    }

    static int run(PrintStream out, PrintStream err, Environment env, String... args) {
        NexmarkBench root = new NexmarkBench(out, err, env);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(commandName(e.getCommandLine()) + ": " + oneLine(e.getMessage()) + " (see --help)");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                err.println(commandName(commandLine) + ": " + oneLine(e.getMessage()));
                return EXIT_USAGE;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        RunSettings settings = bench.settings(generator);
        StorageSettings storage = bench.storage();
        StopSignal stop = env.stop();
        stop.runStarted();
        try (Progress progress = progress()) {
            BenchRunner runner = new BenchRunner(settings, out, err, progress, stop);
            runner.check();
            runner.profile(bench.profile());
            runner.storage(storage);
            if (!bench.noProgress()) {
                progress.note(runner.summary());
            }
            return runner.run();
        } finally {
            stop.runEnded();
        }
    }

    private Progress progress() {
        if (bench.noProgress()) {
            return Progress.none(err);
        }
        return env.stderrIsTerminal() ? Progress.bar(err, env.progressPeriodMillis())
            : Progress.lines(err, env.progressPeriodMillis());
    }

    PrintStream out() {
        return out;
    }

    private static String commandName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * Where the command runs.
     *
     * @param stderrIsTerminal     whether to draw a progress bar rather than progress lines
     * @param progressPeriodMillis milliseconds between two progress lines or redraws of the bar
     * @param stop                 the Ctrl-C signal
     */
    record Environment(boolean stderrIsTerminal, long progressPeriodMillis, StopSignal stop) {
    }

    /** The version of the jar, from its manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NexmarkBench.class.getPackage().getImplementationVersion();
            return new String[] {"nexmark-bench " + (v == null ? "(development build)" : v)};
        }
    }
}
