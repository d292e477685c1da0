package org.jdbsp.bench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main command of {@code nexmark-bench.jar}. Without a subcommand it will run the Nexmark query benchmark (not
 * implemented yet); {@code generate} prints generator events.
 *
 * <p>Exit codes: 0 on success, 2 on bad input (one line on standard error, no stack trace).
 */
@Command(name = "nexmark-bench", mixinStandardHelpOptions = true, versionProvider = NexmarkBench.Version.class,
    subcommands = GenerateCommand.class,
    description = "The jdbsp Nexmark benchmark. Subcommand 'generate' prints Nexmark events.")
public final class NexmarkBench implements Callable<Integer> {

    /** Exit code for bad input. */
    static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    NexmarkBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with the given standard streams and returns the exit code (used by tests). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        NexmarkBench root = new NexmarkBench(out, err);
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
        err.println("nexmark-bench: the query benchmark is not implemented yet;"
            + " use 'nexmark-bench generate --help' to generate events");
        return EXIT_USAGE;
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

    /** The version of the jar, from its manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NexmarkBench.class.getPackage().getImplementationVersion();
            return new String[] {"nexmark-bench " + (v == null ? "(development build)" : v)};
        }
    }
}
