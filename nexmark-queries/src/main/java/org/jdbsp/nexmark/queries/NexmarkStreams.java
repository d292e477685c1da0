package org.jdbsp.nexmark.queries;

import java.util.Objects;

import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;

/**
 * What a query reads: the person, auction and bid streams of one circuit, the event-time watermark shared
 * by all three (as in the suite's DDL: the largest event time seen minus {@value #WATERMARK_DELAY_MS} ms),
 * the processing-time watermark (the options' processing clock, read once per step), and the
 * {@link QueryOptions}.
 */
public final class NexmarkStreams {
    /** How far the watermark stays behind the largest event time, as in the suite's source DDL. */
    public static final long WATERMARK_DELAY_MS = 4_000;

    private final CircuitBuilder builder;
    private final ZSetStream<Person> persons;
    private final ZSetStream<Auction> auctions;
    private final ZSetStream<Bid> bids;
    private final QueryOptions options;
    private Watermark watermark;
    private ZSetInput<Long> processingClock;
    private Watermark processingTime;

    public NexmarkStreams(CircuitBuilder builder, ZSetStream<Person> persons, ZSetStream<Auction> auctions, ZSetStream<Bid> bids,
                          QueryOptions options) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.persons = Objects.requireNonNull(persons, "persons");
        this.auctions = Objects.requireNonNull(auctions, "auctions");
        this.bids = Objects.requireNonNull(bids, "bids");
        this.options = Objects.requireNonNull(options, "options");
    }

    public CircuitBuilder builder() {
        return builder;
    }

    public ZSetStream<Person> persons() {
        return persons;
    }

    public ZSetStream<Auction> auctions() {
        return auctions;
    }

    public ZSetStream<Bid> bids() {
        return bids;
    }

    public QueryOptions options() {
        return options;
    }

    /**
     * The watermark over the event times of all three streams, built on first use (queries without
     * event-time windows never pay for it).
     */
    public Watermark watermark() {
        if (watermark == null) {
            ZSetStream<Long> times = persons.mapToLong(Person::dateTime)
                    .plus(auctions.mapToLong(Auction::dateTime))
                    .plus(bids.mapToLong(Bid::dateTime));
            watermark = Watermarks.watermark(times, t -> t, WATERMARK_DELAY_MS);
        }
        return watermark;
    }

    /** The watermark if a query asked for it, else null. */
    Watermark watermarkIfBuilt() {
        return watermark;
    }

    /**
     * Processing time as a watermark, built on first use: the largest reading so far of the options'
     * {@link QueryOptions#processingClock() processing clock}. The clock is read in one place, once per step,
     * before the step runs ({@link QueryCircuit#step()} pushes the reading into the input
     * {@link #processingClockInput()}; a circuit driven otherwise must push one reading per step itself), so
     * every operator and every worker sees the same time in a step, and results depend only on the sequence
     * of readings. Records get the time of the step that carries them with
     * {@link org.jdbsp.operators.time.Watermarks#stamp}; windows over that time close when a reading reaches
     * their end, or at the end of input.
     */
    public Watermark processingTime() {
        if (processingTime == null) {
            processingClock = builder.longZSetInput("processingClock");
            processingTime = Watermarks.watermark(processingClock.stream(), t -> t, 0);
        }
        return processingTime;
    }

    /** The input taking one processing-clock reading per step, or null if no query asked for processing time. */
    public ZSetInput<Long> processingClockInput() {
        return processingClock;
    }

    /** The processing-time watermark if a query asked for it, else null. */
    Watermark processingTimeIfBuilt() {
        return processingTime;
    }
}
