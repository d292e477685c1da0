package org.jdbsp.nexmark.queries;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.circuit.CircuitBuilder;

import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.circuit.CircuitMetrics;
import org.jdbsp.circuit.SplitInput;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.zset.ZSet;

/**
 * Runs one query over a stream of events: push events, {@link #step()}, read the output change, and at the
 * end of a bounded input {@link #finish()} so every event-time window closes.
 *
 * @param <R> the query's row type
 */
public final class QueryCircuit<R extends ResultRow> implements AutoCloseable {
    private record Io<R>(SplitInput<Event> events, ZSetOutput<R> output, NexmarkStreams streams) {}

    private final NexmarkQuery<R> query;
    private final CircuitHandle<Io<R>> handle;
    private final SplitInput<Event> events;
    private final ZSetOutput<R> output;
    private final boolean keepsIntegral;
    private long outputChanges;
    private boolean finished;

    private QueryCircuit(NexmarkQuery<R> query, CircuitHandle<Io<R>> handle, boolean keepsIntegral) {
        this.query = query;
        this.handle = handle;
        this.events = handle.io().events();
        this.output = handle.io().output();
        this.keepsIntegral = keepsIntegral;
    }

    /**
     * Builds the circuit of {@code query}.
     *
     * @param keepIntegral whether the output keeps the integrated result (needed for {@link #integral()};
     *                     costs memory proportional to the result)
     */
    public static <R extends ResultRow> QueryCircuit<R> start(NexmarkQuery<R> query, QueryOptions options,
                                                              CircuitConfig config, boolean keepIntegral) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(config, "config");
        return new QueryCircuit<>(query, Circuit.build(named(query, config), build(query, options, keepIntegral)), keepIntegral);
    }

    /**
     * Builds the circuit of {@code query} as {@link #start} does and loads the latest checkpoint of the
     * configuration's storage directory (see {@link Circuit#restore(CircuitConfig, Function)}): the circuit
     * continues after the checkpoint's step, and {@link #restoredFrom()} gives its metadata (e.g. the events
     * consumed).
     */
    public static <R extends ResultRow> QueryCircuit<R> restore(NexmarkQuery<R> query, QueryOptions options,
                                                                CircuitConfig config, boolean keepIntegral) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(config, "config");
        return new QueryCircuit<>(query, Circuit.restore(named(query, config), build(query, options, keepIntegral)), keepIntegral);
    }

    /** {@code config}, with the query's name unless it names the circuit (worker threads are named after it). */
    private static CircuitConfig named(NexmarkQuery<?> query, CircuitConfig config) {
        return config.name().equals(CircuitConfig.defaults().name()) ? config.withName(query.name()) : config;
    }

    private static <R extends ResultRow> Function<CircuitBuilder, Io<R>> build(NexmarkQuery<R> query, QueryOptions options,
                                                                              boolean keepIntegral) {
        return c -> {
            // one input split by type in the circuit: pushing only appends, the workers read the events
            SplitInput<Event> events = c.splitInput("events");
            NexmarkStreams streams = new NexmarkStreams(c, events, options);
            var out = query.build(streams).named(query.name());
            streams.declareRemainingParts();
            return new Io<>(events, keepIntegral ? out.output() : out.outputDeltas(), streams);
        };
    }

    /**
     * Saves the circuit's state after the last step, with {@code metadata}, into the configuration's storage
     * directory (see {@link CircuitHandle#checkpoint(Map)}).
     */
    public CheckpointInfo checkpoint(Map<String, String> metadata) {
        return handle.checkpoint(metadata);
    }

    /** The checkpoint this circuit was restored from, with its metadata, or empty. */
    public Optional<CheckpointInfo> restoredFrom() {
        return handle.restoredFrom();
    }

    /** Builds the circuit of {@code query} with default options and configuration, keeping the integral. */
    public static <R extends ResultRow> QueryCircuit<R> start(NexmarkQuery<R> query) {
        return start(query, QueryOptions.defaults(), CircuitConfig.defaults(), true);
    }

    public NexmarkQuery<R> query() {
        return query;
    }

    /**
     * Adds one event to the next step's input; returns its position in the event stream (0 for the first
     * event pushed; every push takes one).
     */
    public long push(Event event) {
        return push(event, 1);
    }

    /**
     * Adds {@code weight} copies of one event to the next step's input; a negative weight deletes (tests use
     * it to check retractions). Returns the push's position in the event stream.
     *
     * @throws IllegalArgumentException if the weight is not positive and the query stamps this event with its
     *                                  arrival ({@link NexmarkStreams#arrivedBids()}): delete it with
     *                                  {@link #pushStamped}
     */
    public long push(Event event, long weight) {
        return events.push(event, weight);
    }

    /**
     * Adds {@code weight} to an event that the query stamped with its arrival (a bid of a query reading
     * {@link NexmarkStreams#arrivedBids()}), keeping its stamp: {@code -1} deletes the bid pushed at position
     * {@code stamped.seq()}.
     */
    public void pushStamped(Sequenced<? extends Event> stamped, long weight) {
        events.pushStamped(stamped, weight);
    }

    /** Adds {@code events[from..to)} to the next step's input. */
    public void push(Event[] events, int from, int to) {
        this.events.pushAll(events, from, to);
    }

    /**
     * Runs one step over the events pushed since the last one; returns the operators' work count. If the
     * query uses processing time, reads the processing clock once, before the step, as the step's time.
     */
    public long step() {
        NexmarkStreams streams = handle.io().streams();
        ZSetInput<Long> clock = streams.processingClockInput();
        if (clock != null) {
            clock.pushLong(streams.options().processingClock().getAsLong(), 1);
        }
        long work = handle.step();
        outputChanges += output.delta().absoluteWeight();
        return work;
    }

    /**
     * Ends a bounded run: runs the step of any events still pushed, then signals the end of input to the
     * event-time and processing-time watermarks (those the query has) and runs one more step, so every
     * window closes.
     */
    public void finish() {
        if (finished) {
            return;
        }
        step();
        Watermark watermark = handle.io().streams().watermarkIfBuilt();
        Watermark processingTime = handle.io().streams().processingTimeIfBuilt();
        if (watermark != null) {
            watermark.endOfInput();
        }
        if (processingTime != null) {
            processingTime.endOfInput();
        }
        if (watermark != null || processingTime != null) {
            step();
        }
        finished = true;
    }

    /** The output change of the last step. */
    public ZSet<R> delta() {
        return output.delta();
    }

    /** The integrated result so far (only if the circuit was started with {@code keepIntegral}). */
    public ZSet<R> integral() {
        if (!keepsIntegral) {
            throw new IllegalStateException(query.name() + " was started without keeping its integral");
        }
        return output.integral();
    }

    /** The sum of the absolute weights of every output change so far. */
    public long outputChanges() {
        return outputChanges;
    }

    /** The number of steps run. */
    public long steps() {
        return handle.steps();
    }

    /** What each operator of the circuit did so far and the state it holds (see {@link CircuitHandle#metrics()}). */
    public CircuitMetrics metrics() {
        return handle.metrics();
    }

    /** Bytes of batch files written to storage so far (see {@link CircuitHandle#storageBytesWritten()}). */
    public long storageBytesWritten() {
        return handle.storageBytesWritten();
    }

    /** Bytes of the circuit's files on disk now (see {@link CircuitHandle#storageBytesOnDisk()}). */
    public long storageBytesOnDisk() {
        return handle.storageBytesOnDisk();
    }

    /** The tuples held in the circuit's state. */
    public long stateTuples() {
        return handle.stateTuples();
    }

    @Override
    public void close() {
        handle.close();
    }
}
