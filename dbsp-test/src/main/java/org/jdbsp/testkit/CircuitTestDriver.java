package org.jdbsp.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.ZSet;

/**
 * Drives a circuit in a test: push changes, {@link #step()}, check the step's change and the integral of
 * an output; a failure names the step (the first step is step 1) and the worker count.
 *
 * <p>Built with {@link #onEveryWorkerCount}, it runs the same circuit on 1, 2 and 4 workers at once: each
 * {@link #push} is applied to every circuit, each {@link #step()} steps them all and then checks that every
 * {@link #watch watched} output has the same change and integral on each (see {@link WorkerCounts}), and
 * each {@code expect...} checks every circuit. When storage is {@linkplain TestStorage forced}, the circuits
 * after the first have their state in files and the first stays on the heap, so the comparison also checks
 * that storage changes nothing. Validation of user types
 * ({@link CircuitConfig#withValidation(boolean)}) is on unless the {@link Builder} turns it off.
 *
 * <pre>{@code
 * try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(b -> ...)) {
 *     d.watch("large", Io::large);
 *     d.push(io -> io.orders().push(new Order(1, "ada", 250_00), 1)).step();
 *     d.expectDelta("large", Io::large, ZSets.of(new LargeOrder("ada", 1), 1));
 * }
 * }</pre>
 *
 * @param <IO> what the build function returns: the circuit's inputs and outputs
 */
public final class CircuitTestDriver<IO> implements AutoCloseable {
    private final List<Integer> workerCounts;
    private final List<CircuitHandle<IO>> handles = new ArrayList<>();
    private final List<Watched<IO>> watched = new ArrayList<>();
    private long step;

    private record Watched<IO>(String name, Function<IO, ?> reading) {}

    private CircuitTestDriver(CircuitConfig base, List<Integer> workerCounts, Function<CircuitBuilder, IO> build) {
        this.workerCounts = List.copyOf(workerCounts);
        try {
            for (int i = 0; i < this.workerCounts.size(); i++) {
                CircuitConfig config = WorkerCounts.config(base, this.workerCounts.get(i));
                if (i == 0 && this.workerCounts.size() > 1 && TestStorage.forced() && base.storage() == null) {
                    config = config.withStorage(null);
                }
                handles.add(Circuit.build(config, build));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** A driver of the circuit {@code build} makes, on one worker, with validation on. */
    public static <IO> CircuitTestDriver<IO> start(Function<CircuitBuilder, IO> build) {
        return builder().workers(1).start(build);
    }

    /** A driver of the circuit {@code build} makes, run on each of {@link WorkerCounts#DEFAULT} (1, 2, 4) at once. */
    public static <IO> CircuitTestDriver<IO> onEveryWorkerCount(Function<CircuitBuilder, IO> build) {
        return builder().start(build);
    }

    /** Options: worker counts (default 1, 2, 4), validation (default on), and a base configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options of a driver; {@link #start} builds it. */
    public static final class Builder {
        private List<Integer> workerCounts = WorkerCounts.DEFAULT;
        private CircuitConfig base = CircuitConfig.defaults();
        private boolean validation = true;

        private Builder() {}

        /** The worker counts to run the circuit on (at least one; duplicates allowed). */
        public Builder workers(int... counts) {
            if (counts.length == 0) {
                throw new IllegalArgumentException("no worker count given");
            }
            List<Integer> list = new ArrayList<>();
            for (int c : counts) {
                list.add(c);
            }
            this.workerCounts = List.copyOf(list);
            return this;
        }

        /** Whether the circuits check the rules for user types at every step (default: on). */
        public Builder validation(boolean on) {
            this.validation = on;
            return this;
        }

        /** The configuration to start from (recursion limit, say); its worker count and name are replaced. */
        public Builder config(CircuitConfig config) {
            this.base = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Builds the circuit once per worker count and returns their driver. */
        public <IO> CircuitTestDriver<IO> start(Function<CircuitBuilder, IO> build) {
            return new CircuitTestDriver<>(base.withValidation(validation), workerCounts, build);
        }
    }

    /**
     * The inputs and outputs of the first circuit (the first worker count), for reading. Push through
     * {@link #push}, which reaches every circuit.
     */
    public IO io() {
        return handles.get(0).io();
    }

    /** The handles of the circuits, in the order of {@link #workerCounts()}. */
    public List<CircuitHandle<IO>> handles() {
        return List.copyOf(handles);
    }

    /** The worker counts the circuit runs on. */
    public List<Integer> workerCounts() {
        return workerCounts;
    }

    /** The number of steps run so far. */
    public long steps() {
        return step;
    }

    /**
     * Applies {@code pushes} to the inputs of every circuit, once each; it must push the same changes every
     * time it is called (draw random records before, not inside it).
     */
    public CircuitTestDriver<IO> push(Consumer<IO> pushes) {
        for (CircuitHandle<IO> h : handles) {
            pushes.accept(h.io());
        }
        return this;
    }

    /**
     * After every step, compares {@code reading} across the worker counts: a {@link ZSetOutput} or
     * {@link IndexedZSetOutput} by its change and (if it keeps one) its integral, a {@link LongSupplier} or
     * {@link Supplier} by its value, a {@link List} element by element, anything else with {@code equals}.
     */
    public CircuitTestDriver<IO> watch(String name, Function<IO, ?> reading) {
        watched.add(new Watched<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(reading, "reading")));
        return this;
    }

    /**
     * Steps every circuit once, then checks that each watched reading is the same on every worker count.
     *
     * @throws IllegalStateException when the driver runs several worker counts and watches nothing
     *                               (the step would compare nothing)
     */
    public CircuitTestDriver<IO> step() {
        if (handles.size() > 1 && watched.isEmpty()) {
            throw new IllegalStateException("the driver runs on " + workerCounts + " workers but watches no output: "
                    + "call watch(name, io -> io.output()) so that the steps are compared");
        }
        step++;
        for (CircuitHandle<IO> h : handles) {
            h.step();
        }
        for (Watched<IO> w : watched) {
            List<List<Named>> perCircuit = new ArrayList<>();
            for (CircuitHandle<IO> h : handles) {
                List<Named> readings = new ArrayList<>();
                read(w.name(), w.reading().apply(h.io()), readings);
                perCircuit.add(readings);
            }
            for (int r = 0; r < perCircuit.get(0).size(); r++) {
                List<Object> values = new ArrayList<>();
                for (List<Named> readings : perCircuit) {
                    values.add(readings.get(r).value());
                }
                WorkerCounts.assertSameOnEvery(perCircuit.get(0).get(r).name() + " at step " + step, workerCounts, values);
            }
        }
        return this;
    }

    private record Named(String name, Object value) {}

    private static void read(String name, Object o, List<Named> out) {
        if (o instanceof ZSetOutput<?> z) {
            out.add(new Named("change of '" + name + "'", z.delta()));
            ZSet<?> integral = integralIfKept(z);
            if (integral != null) {
                out.add(new Named("integral of '" + name + "'", integral));
            }
        } else if (o instanceof IndexedZSetOutput<?, ?> z) {
            out.add(new Named("change of '" + name + "'", z.delta()));
            IndexedZSet<?, ?> integral = integralIfKept(z);
            if (integral != null) {
                out.add(new Named("integral of '" + name + "'", integral));
            }
        } else if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                read(name + "[" + i + "]", list.get(i), out);
            }
        } else if (o instanceof LongSupplier s) {
            out.add(new Named("'" + name + "'", s.getAsLong()));
        } else if (o instanceof Supplier<?> s) {
            out.add(new Named("'" + name + "'", s.get()));
        } else {
            out.add(new Named("'" + name + "'", o));
        }
    }

    private static ZSet<?> integralIfKept(ZSetOutput<?> z) {
        try {
            return z.integral();
        } catch (IllegalStateException deltasOnly) {
            return null;   // made with outputDeltas(): equal changes at every step are equal integrals
        }
    }

    private static IndexedZSet<?, ?> integralIfKept(IndexedZSetOutput<?, ?> z) {
        try {
            return z.integral();
        } catch (IllegalStateException deltasOnly) {
            return null;
        }
    }

    /** Checks the last step's change of an output on every circuit; {@code name} names it in a failure. */
    public <T> CircuitTestDriver<IO> expectDelta(String name, Function<IO, ZSetOutput<T>> output, ZSet<T> expected) {
        for (int c = 0; c < handles.size(); c++) {
            ZSetAssertions.assertZSetEquals(where("change of '" + name + "'", c), expected, output.apply(handles.get(c).io()).delta());
        }
        return this;
    }

    /** Checks the integral (all changes so far) of an output on every circuit. */
    public <T> CircuitTestDriver<IO> expectIntegral(String name, Function<IO, ZSetOutput<T>> output, ZSet<T> expected) {
        for (int c = 0; c < handles.size(); c++) {
            ZSetAssertions.assertZSetEquals(where("integral of '" + name + "'", c), expected, output.apply(handles.get(c).io()).integral());
        }
        return this;
    }

    /** Checks the last step's change of an indexed output on every circuit. */
    public <K, V> CircuitTestDriver<IO> expectIndexedDelta(String name, Function<IO, IndexedZSetOutput<K, V>> output,
            IndexedZSet<K, V> expected) {
        for (int c = 0; c < handles.size(); c++) {
            ZSetAssertions.assertIndexedZSetEquals(where("change of '" + name + "'", c), expected, output.apply(handles.get(c).io()).delta());
        }
        return this;
    }

    /** Checks the integral of an indexed output on every circuit. */
    public <K, V> CircuitTestDriver<IO> expectIndexedIntegral(String name, Function<IO, IndexedZSetOutput<K, V>> output,
            IndexedZSet<K, V> expected) {
        for (int c = 0; c < handles.size(); c++) {
            ZSetAssertions.assertIndexedZSetEquals(where("integral of '" + name + "'", c), expected,
                    output.apply(handles.get(c).io()).integral());
        }
        return this;
    }

    private String where(String what, int circuit) {
        String at = what + " at step " + step;
        if (handles.size() == 1 && workerCounts.get(0) == 1) {
            return at;
        }
        int w = workerCounts.get(circuit);
        return at + " on " + (w == 1 ? "1 worker" : w + " workers");
    }

    /** Closes every circuit (ends their worker threads). */
    @Override
    public void close() {
        RuntimeException first = null;
        for (CircuitHandle<IO> h : handles) {
            try {
                h.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
