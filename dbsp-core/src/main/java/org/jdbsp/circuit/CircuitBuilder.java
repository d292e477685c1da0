package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import org.jdbsp.storage.runtime.WorkerStorage;
import java.util.function.BiFunction;
import org.jdbsp.circuit.internal.ArrivalPositions;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.InputOperator;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.RecursiveOperator;
import org.jdbsp.circuit.internal.SingleWorker;
import org.jdbsp.circuit.internal.SplitInputState;
import org.jdbsp.circuit.internal.TableSource;
import org.jdbsp.circuit.internal.WorkerContext;
import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.Batch;

/**
 * Creates the inputs of a circuit and the recursive sub-circuits; the {@link ZSetStream} methods add every
 * other operator. Only usable inside the build function given to {@link Circuit#build}.
 */
public class CircuitBuilder {
    final Graph graph;
    final CircuitRuntime runtime;
    final CircuitConfig config;
    final java.util.Map<String, Node> derived = new java.util.HashMap<>();
    /** The names of this circuit's inputs, tables and named outputs, with what each names (one namespace). */
    private final java.util.Map<String, String> endpointNames = new java.util.HashMap<>();
    final Workers workers;
    /** This worker's context when the circuit has several workers, else null. */
    final WorkerContext context;
    /** This worker's storage when the circuit has storage, else null. */
    final WorkerStorage storage;

    CircuitBuilder(Graph graph, CircuitRuntime runtime, CircuitConfig config, WorkerStorage storage) {
        this(graph, runtime, config, SingleWorker.INSTANCE, null, storage);
    }

    CircuitBuilder(Graph graph, CircuitRuntime runtime, CircuitConfig config, Workers workers, WorkerContext context,
                   WorkerStorage storage) {
        this.graph = graph;
        this.runtime = runtime;
        this.config = config;
        this.workers = workers;
        this.context = context;
        this.storage = storage;
    }

    /** The configuration the circuit is built with. */
    public CircuitConfig config() {
        return config;
    }

    /**
     * The workers running this circuit, as seen by the one this build is for: with W workers the build
     * function is called W times, once per worker (for operator libraries; see {@link Workers}).
     */
    public Workers workers() {
        return workers;
    }

    /** An input of records in their natural order ({@link org.jdbsp.zset.Orders#natural()}). */
    public <T> ZSetInput<T> zsetInput(String name) {
        return zsetInput(name, Layout.OBJECTS);
    }

    /**
     * An input of records of {@code type} in their natural order, checked now: a type the natural order cannot
     * order (a record with an array component, or a component of a class without {@code Comparable}) is
     * refused when the circuit is built, naming the type and the component, instead of on its first batch.
     */
    public <T> ZSetInput<T> zsetInput(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            org.jdbsp.zset.Orders.requireNatural(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + name + "': " + e.getMessage()
                    + "; give the input a Comparator (zsetInput(name, order))", e);
        }
        requireCodec("input '" + name + "'", type);
        return zsetInput(name, Layout.OBJECTS);
    }

    /**
     * With storage on, refuses a stream of {@code type} when the circuit's codecs have none for it, naming the
     * stream ({@code what}) and the type (see {@link CircuitConfig#withStorage}).
     */
    void requireCodec(String what, Class<?> type) {
        if (storage == null) {
            return;
        }
        try {
            config.codecs().codecFor(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("with storage on, " + what + " of type " + type.getTypeName()
                    + " cannot be written to files: " + e.getMessage(), e);
        }
    }

    /** An input of records ordered by {@code order}. */
    public <T> ZSetInput<T> zsetInput(String name, Comparator<? super T> order) {
        return zsetInput(name, Layout.zset(order));
    }

    /** An input of longs, stored unboxed. */
    public ZSetInput<Long> longZSetInput(String name) {
        return zsetInput(name, Layout.LONGS);
    }

    private <T> ZSetInput<T> zsetInput(String name, Layout layout) {
        InputOperator op = newInput(layout);
        Node node = addInput(name, op, layout);
        return new ZSetInput<>(node.name(), op, runtime, new ZSetStream<>(this, node));
    }

    /**
     * An input that stamps each pushed record with its arrival position (see {@link SequencedInput}), its
     * stream in {@link Sequenced}'s natural order, positions from 0.
     */
    public <T> SequencedInput<T> sequencedInput(String name) {
        return sequencedInput(name, Orders.natural(), 0);
    }

    /**
     * An input that stamps each pushed record with its arrival position (see {@link SequencedInput}), its
     * stream ordered by position, then by {@code valueOrder}; the first push takes position {@code firstSeq}.
     *
     * @throws IllegalArgumentException if {@code firstSeq} is negative
     */
    public <T> SequencedInput<T> sequencedInput(String name, Comparator<? super T> valueOrder, long firstSeq) {
        Layout layout = Layout.zset(Sequenced.order(Objects.requireNonNull(valueOrder, "valueOrder")));
        InputOperator op = newInput(layout);
        Node node = addInput(name, op, layout);
        SequencedInput<T> input = new SequencedInput<>(node.name(), op, runtime, new ZSetStream<>(this, node), firstSeq);
        registerPositions(input.positions());
        return input;
    }

    /**
     * An input for records of several types, split by type into one stream per part declared on it (see
     * {@link SplitInput}): pushing only appends references, and the records are read on the workers.
     */
    public <T> SplitInput<T> splitInput(String name) {
        return splitInput(name, 0);
    }

    /**
     * As {@link #splitInput(String)}, with the arrival positions of its pushes starting at {@code firstPosition}
     * (they stamp the records of {@linkplain SplitInput#sequencedPart sequenced parts}).
     *
     * @throws IllegalArgumentException if {@code firstPosition} is negative
     */
    public <T> SplitInput<T> splitInput(String name, long firstPosition) {
        Objects.requireNonNull(name, "name");
        refuseInputInsideRecursion();
        claimName(name, "split input");
        SplitInputState state = context == null ? SplitInputState.single(name, firstPosition)
                : SplitInputState.forWorker(name, context, firstPosition);
        SplitInput<T> input = new SplitInput<>(name, state, runtime, this, firstPosition);
        registerPositions(input.positions());
        return input;
    }

    /** Worker 0's inputs push; their arrival positions are what a checkpoint saves. */
    private void registerPositions(ArrivalPositions positions) {
        if (workers.index() == 0) {
            runtime.register(positions);
        }
    }

    private void refuseInputInsideRecursion() {
        if (insideRecursion()) {
            throw new IllegalStateException("inputs cannot be created inside a recursive body: create them outside and import them");
        }
    }

    /** Adds the source node of one part of a split input. */
    Node addSplitPart(String inputName, Class<?> type, SourceOperator part, Layout layout) {
        requireCodec("part " + type.getSimpleName() + " of input '" + inputName + "'", type);
        Node node = graph.add("input", part, layout);
        String typeName = " (" + type.getSimpleName() + ")";
        node.rename(inputName + typeName, "input '" + inputName + "'" + typeName);
        return node;
    }

    /** An input of (key, value) tuples stored as {@code layout} says. */
    public <K, V> IndexedZSetInput<K, V> indexedInput(String name, Layout layout) {
        if (layout.isPlainZSet()) {
            throw new IllegalArgumentException("an indexed input needs a layout with a value column, not " + layout);
        }
        InputOperator op = newInput(layout);
        Node node = addInput(name, op, layout);
        return new IndexedZSetInput<>(node.name(), op, runtime, new IndexedZSetStream<>(this, node));
    }

    /**
     * A bounded table owned by the circuit: a stream carrying {@code contents} in the first step and nothing
     * afterwards, so its integral is {@code contents} from the first step on (a static side table loaded
     * exactly once, not re-inserted every step).
     */
    public <T> ZSetStream<T> table(String name, ZSet<T> contents) {
        Objects.requireNonNull(contents, "contents");
        return new ZSetStream<>(this, addTable(name, contents.batch()));
    }

    /** A bounded indexed table owned by the circuit (see {@link #table(String, ZSet)}). */
    public <K, V> IndexedZSetStream<K, V> table(String name, IndexedZSet<K, V> contents) {
        Objects.requireNonNull(contents, "contents");
        return new IndexedZSetStream<>(this, addTable(name, contents.batch()));
    }

    private Node addTable(String name, Batch contents) {
        Objects.requireNonNull(name, "name");
        if (insideRecursion()) {
            throw new IllegalStateException("table '" + name + "' cannot be created inside a recursive body: create it outside and import it");
        }
        claimName(name, "table");
        Node node = graph.add("table", new TableSource(contents), contents.layout);
        node.rename(name, "table '" + name + "'");
        // every worker's replica holds the whole table
        return node.place(Placement.REPLICATED);
    }

    private InputOperator newInput(Layout layout) {
        return context == null ? new InputOperator(layout) : InputOperator.forWorker(layout, context);
    }

    Node addInput(String name, InputOperator op, Layout layout) {
        Objects.requireNonNull(name, "name");
        refuseInputInsideRecursion();
        claimName(name, "input");
        Node node = graph.add("input", op, layout);
        node.rename(name, "input '" + name + "'");
        return node;
    }

    /**
     * A recursive stream: the least fixed point of {@code R = body(scope, R)}, computed anew in every step
     * from the changes of its imported inputs. Inside the body, streams of the enclosing circuit must be
     * brought in with {@link RecursiveScope#importStream}; the body should be built from incremental
     * operators and end in a distinct (or otherwise converge), else the step fails after
     * {@link CircuitConfig#maxRecursionIterations()} iterations.
     *
     * <p>With several workers, the body's result is sharded by record, and the iteration stops when every
     * worker has reached the fixed point (a check across the workers), so all workers iterate equally.
     *
     * @param order the order of the records of {@code R}
     * @param body  receives the scope and {@code R} as seen in the previous iteration, returns the next {@code R}
     */
    public <T> ZSetStream<T> recursive(Comparator<? super T> order, BiFunction<RecursiveScope, ZSetStream<T>, ZSetStream<T>> body) {
        return recursive(Layout.zset(order), body);
    }

    /** A recursive stream of records in their natural order (see {@link #recursive(Comparator, BiFunction)}). */
    public <T> ZSetStream<T> recursive(BiFunction<RecursiveScope, ZSetStream<T>, ZSetStream<T>> body) {
        return recursive(Layout.OBJECTS, body);
    }

    private <T> ZSetStream<T> recursive(Layout layout, BiFunction<RecursiveScope, ZSetStream<T>, ZSetStream<T>> body) {
        RecursiveScope scope = new RecursiveScope(new Graph(graph), runtime, config, this);
        Node variable = scope.graph.addExternal("variable", layout);
        boolean sharded = workers.count() > 1;
        if (sharded) {
            variable.place(Placement.SHARDED);
        }
        ZSetStream<T> result = body.apply(scope, new ZSetStream<>(scope, variable));
        Objects.requireNonNull(result, "the recursive body returned null");
        scope.checkOwn(result);
        if (sharded) {
            result = result.shard();
        }
        if (!result.layout().equals(layout)) {
            throw new IllegalArgumentException("the recursive body returned a stream of layout " + result.layout()
                    + " but the variable has " + layout);
        }
        scope.graph.seal();
        RecursiveOperator op = new RecursiveOperator(scope.graph, scope.importNodes(), variable.id(),
                result.node.id(), layout, config.maxRecursionIterations(), workers);
        Node node = graph.add("recursive", op, layout, scope.importedParents());
        return new ZSetStream<>(this, node.place(sharded ? Placement.SHARDED : Placement.ANY));
    }

    /**
     * Reserves {@code name} for an input, table or output ({@code what}): the names of a circuit's inputs, tables
     * and named outputs are one namespace, so that {@code describe()} and the metrics name each one once.
     *
     * @throws IllegalArgumentException if the name is blank or already taken, saying by what
     */
    void claimName(String name, String what) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("the name of " + article(what) + " must not be blank");
        }
        String taken = endpointNames.putIfAbsent(name, what);
        if (taken != null) {
            throw new IllegalArgumentException(what + " '" + name + "' refused: this circuit already has " + article(taken)
                    + " named '" + name + "' (the names of inputs, tables and outputs must be unique in a circuit)");
        }
    }

    private static String article(String what) {
        return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    /** True inside the body of a recursive circuit, where time operators, inputs and outputs are not allowed. */
    public boolean insideRecursion() {
        return graph.parent() != null;
    }

    void checkOwn(AbstractStream s) {
        if (s.builder.graph != graph) {
            throw new IllegalArgumentException("stream " + s.name() + " belongs to another circuit"
                    + (graph.parent() != null ? " (use RecursiveScope.importStream to bring it into a recursive body)" : ""));
        }
    }

    static boolean isLong(Layout layout) {
        return layout.keyKind() == ColumnKind.LONG;
    }
}
