package org.jdbsp.circuit;

import java.util.Objects;
import java.util.function.Function;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.StepRunner;
import org.jdbsp.circuit.internal.WorkerGroup;
import org.jdbsp.circuit.internal.WorkerPool;

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
 * <p>Because the whole circuit comes from one function, a circuit configured with W &gt; 1
 * {@linkplain CircuitConfig#workers() workers} is built by calling it W times, once per worker, in worker
 * order: it must build the same circuit every time. The value returned to the caller is worker 0's; its
 * inputs feed every worker and its outputs gather from every worker (see {@link Placement}).
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
        if (config.workers() > 1) {
            return buildReplicas(config, constructor, runtime);
        }
        Graph graph = new Graph(null);
        CircuitBuilder builder = new CircuitBuilder(graph, runtime, config);
        T io = constructor.apply(builder);
        graph.seal();
        return new CircuitHandle<>(io, StepRunner.onCallingThread(new Executor(graph, config.validation())), runtime, graph, config);
    }

    private static <T> CircuitHandle<T> buildReplicas(CircuitConfig config, Function<CircuitBuilder, T> constructor, CircuitRuntime runtime) {
        int w = config.workers();
        WorkerGroup group = new WorkerGroup(w, config.name());
        Graph[] graphs = new Graph[w];
        Executor[] executors = new Executor[w];
        T io = null;
        for (int i = 0; i < w; i++) {
            graphs[i] = new Graph(null);
            CircuitBuilder builder = new CircuitBuilder(graphs[i], runtime, config, group.worker(i), group.worker(i));
            T replicaIo = constructor.apply(builder);
            graphs[i].seal();
            if (i == 0) {
                io = replicaIo;
            } else {
                ReplicaCheck.checkSame(graphs[0], graphs[i], group, i);
            }
            executors[i] = new Executor(graphs[i], config.validation());
        }
        return new CircuitHandle<>(io, new WorkerPool(group, executors), runtime, graphs[0], config);
    }
}
