package org.jdbsp.nexmark.queries;

import java.util.List;
import java.util.Objects;

import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.circuit.SplitInput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.operators.time.EventTimes;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;

/**
 * What a query reads: the person, auction and bid streams of one circuit (the bids also stamped with their
 * position in the event stream, {@link #arrivedBids()}), the event-time watermark shared by all three (as in the suite's DDL: the largest event time seen minus {@value #WATERMARK_DELAY_MS} ms),
 * the processing-time watermark (the options' processing clock, read once per step), and the
 * {@link QueryOptions}.
 */
public final class NexmarkStreams {
    /** How far the watermark stays behind the largest event time, as in the suite's source DDL. */
    public static final long WATERMARK_DELAY_MS = 4_000;

    private final CircuitBuilder builder;
    private final SplitInput<Event> events;
    private ZSetStream<Person> persons;
    private ZSetStream<Auction> auctions;
    private ZSetStream<Bid> bids;
    private ZSetStream<Sequenced<Bid>> arrivedBids;
    private final QueryOptions options;
    private Watermark watermark;
    private ZSetInput<Long> processingClock;
    private Watermark processingTime;

    /**
     * The streams of the split input {@code events}, whose parts this declares on first use (see
     * {@link #declareRemainingParts()}).
     */
    public NexmarkStreams(CircuitBuilder builder, SplitInput<Event> events, QueryOptions options) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.events = Objects.requireNonNull(events, "events");
        this.options = Objects.requireNonNull(options, "options");
    }

    public CircuitBuilder builder() {
        return builder;
    }

    public ZSetStream<Person> persons() {
        if (persons == null) {
            persons = events.part(Person.class, EventOrders.PERSON);
        }
        return persons;
    }

    public ZSetStream<Auction> auctions() {
        if (auctions == null) {
            auctions = events.part(Auction.class, EventOrders.AUCTION);
        }
        return auctions;
    }

    /** The bids; for a query that also reads {@link #arrivedBids()}, their values. */
    public ZSetStream<Bid> bids() {
        if (bids == null) {
            bids = arrivedBids != null ? arrivedBids.map(Sequenced::value, EventOrders.BID_STREAM)
                    : events.part(Bid.class, EventOrders.BID_STREAM);
        }
        return bids;
    }

    /**
     * The bids, each stamped with its position in the event stream (0 for the first event pushed, of any
     * type), for queries that order by arrival as Flink does; ask for it before {@link #bids()}. The positions
     * do not depend on the number of workers or on how the events are cut into steps. A stamped bid is deleted
     * with {@link QueryCircuit#pushStamped}.
     *
     * @throws IllegalStateException if {@link #bids()} was asked for first
     */
    public ZSetStream<Sequenced<Bid>> arrivedBids() {
        if (arrivedBids == null) {
            if (bids != null) {
                throw new IllegalStateException("ask for arrivedBids() before bids(): the bids' part of the events is"
                        + " already declared without arrival stamps");
            }
            arrivedBids = events.sequencedPart(Bid.class, EventOrders.BID);
        }
        return arrivedBids;
    }

    /**
     * Declares the parts no query asked for, so that every event pushed has one (the build calls it after the
     * query's build).
     */
    void declareRemainingParts() {
        persons();
        auctions();
        if (arrivedBids == null) {
            bids();
        }
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
            // read straight from the three streams: a running max over each step's records, no stream of times
            watermark = Watermarks.watermark(List.of(EventTimes.of(persons(), Person::dateTime),
                    EventTimes.of(auctions(), Auction::dateTime), EventTimes.of(bids(), Bid::dateTime)), WATERMARK_DELAY_MS);
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
