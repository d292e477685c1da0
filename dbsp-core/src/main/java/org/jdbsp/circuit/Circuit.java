package org.jdbsp.circuit;

import java.util.Objects;
import java.util.function.Function;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.Graph;

/**
 * Builds circuits. A circuit is built by one function that receives a {@link CircuitBuilder}, creates
 * inputs, wires operators, and returns a value (typically a record) holding the input and output handles;
 * the resulting {@link CircuitHandle} is then driven by {@link CircuitHandle#step()}.
 *
 * <pre>{@code
 * record Io(ZSetInput<String> words, ZSetOutput<String> longWords) {}
 * try (CircuitHandle<Io> h = Circuit.build(c -> {
 *     ZSetInput<String> words = c.zsetInput("words");
 *     return new Io(words, words.stream().filter(w -> w.length() > 4).output());
 * })) {
 *     h.io().words().push("incremental", 1);
 *     h.step();
 *     h.io().longWords().delta();   // {incremental x1}
 * }
 * }</pre>
 *
 * <p>Because the whole circuit comes from one function, a runtime can call it once per worker to build
 * identical replicas.
 */
public final class Circuit {
    private Circuit() {}

    /** Builds a circuit with the default configuration. */
    public static <T> CircuitHandle<T> build(Function<CircuitBuilder, T> constructor) {
        return build(CircuitConfig.defaults(), constructor);
    }

    /** Builds a circuit. */
    public static <T> CircuitHandle<T> build(CircuitConfig config, Function<CircuitBuilder, T> constructor) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(constructor, "constructor");
        CircuitRuntime runtime = new CircuitRuntime();
        Graph graph = new Graph(null);
        CircuitBuilder builder = new CircuitBuilder(graph, runtime, config);
        T io = constructor.apply(builder);
        graph.seal();
        return new CircuitHandle<>(io, new Executor(graph), runtime, graph);
    }
}
