package org.jdbsp.nexmark.queries;

import java.util.Objects;

import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.Stream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;

/**
 * What a query reads: the person, auction and bid streams of one circuit, the event-time watermark shared
 * by all three (as in the suite's DDL: the largest event time seen minus {@value #WATERMARK_DELAY_MS} ms),
 * and the {@link QueryOptions}.
 */
public final class NexmarkStreams {
    /** How far the watermark stays behind the largest event time, as in the suite's source DDL. */
    public static final long WATERMARK_DELAY_MS = 4_000;

    private final CircuitBuilder builder;
    private final Stream<Person> persons;
    private final Stream<Auction> auctions;
    private final Stream<Bid> bids;
    private final QueryOptions options;
    private Watermark watermark;

    public NexmarkStreams(CircuitBuilder builder, Stream<Person> persons, Stream<Auction> auctions, Stream<Bid> bids,
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

    public Stream<Person> persons() {
        return persons;
    }

    public Stream<Auction> auctions() {
        return auctions;
    }

    public Stream<Bid> bids() {
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
            Stream<Long> times = persons.mapToLong(Person::dateTime)
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
}
