package org.jdbsp.bench.cli;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.RngMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The generator options shared by {@code generate} and the query benchmark (a picocli mixin): the random-stream
 * mode, the split, the number of generator threads and every field of {@link GeneratorConfig}.
 *
 * <p>Options not given keep the generator's defaults (the reference's, with the golden seeds and base time).
 */
public final class GeneratorOptions {
    /** The most generator threads in per-event mode. */
    public static final int MAX_THREADS = 1024;
    /** The largest average event size, bytes (1 MiB). */
    public static final int MAX_AVG_BYTE_SIZE = 1 << 20;

    @Option(names = "--rng", paramLabel = "reference|per-event", converter = RngConverter.class,
        description = "reference: the reference's one sequential random stream (reproduces the golden files);"
            + " per-event (default): a stream per event, which allows --num-event-generators threads.")
    private RngMode rng = RngMode.PER_EVENT;

    @Option(names = "--split", paramLabel = "INDEX/COUNT", converter = SplitConverter.class,
        description = "Flink-style split INDEX (0-based) of COUNT: a disjoint id range, COUNT times the inter-event"
            + " delay, event seed + INDEX. Sets numEventGenerators to COUNT.")
    private Split split;

    @Option(names = "--num-event-generators", paramLabel = "G",
        description = "per-event mode: generate on G threads merged in order (output identical for every G)."
            + " reference mode: the reference's numEventGenerators, which only scales the inter-event delay"
            + " (must equal COUNT with --split). Default 1; at most " + MAX_THREADS + " in per-event mode.")
    private Integer numEventGenerators;

    @Option(names = "--base-time", paramLabel = "MS", description = "Event time of event number 0, epoch ms."
        + " Default 1436918400000 (2015-07-15T00:00:00Z). At most what keeps every event time below 2^63.")
    private Long baseTime;

    @Option(names = "--first-event-rate", paramLabel = "EVENTS_PER_S",
        description = "Events per second of event time over all generators; sets the inter-event delay. Default"
            + " 10000.")
    private Double firstEventRate;

    @Option(names = "--seed-extra", paramLabel = "SEED", description = "Seed of the extra-string pool. Default 1.")
    private Long seedExtra;

    @Option(names = "--seed-channel", paramLabel = "SEED", description = "Seed of the URL/channel table. Default 2.")
    private Long seedChannel;

    @Option(names = "--seed-events", paramLabel = "SEED", description = "Seed of the event stream (before a split"
        + " adds its index). Default 3.")
    private Long seedEvents;

    @Option(names = "--num-events", paramLabel = "N", description = "The reference's numEvents: events of the"
        + " whole stream before splitting; 0 (default) = unbounded (368934881474191 with default sizes).")
    private Long numEvents;

    @Option(names = "--first-event-id", paramLabel = "ID", description = "Added to event numbers. Default 1.")
    private Long firstEventId;

    @Option(names = "--first-event-number", paramLabel = "N", description = "First event number. Default 1.")
    private Long firstEventNumber;

    @Option(names = "--person-proportion", paramLabel = "N", description = "Default 1.")
    private Integer personProportion;

    @Option(names = "--auction-proportion", paramLabel = "N", description = "Default 3.")
    private Integer auctionProportion;

    @Option(names = "--bid-proportion", paramLabel = "N", description = "Default 46.")
    private Integer bidProportion;

    @Option(names = "--hot-auction-ratio", paramLabel = "N", description = "Default 2.")
    private Integer hotAuctionRatio;

    @Option(names = "--hot-sellers-ratio", paramLabel = "N", description = "Default 4.")
    private Integer hotSellersRatio;

    @Option(names = "--hot-bidders-ratio", paramLabel = "N", description = "Default 4.")
    private Integer hotBiddersRatio;

    @Option(names = "--num-active-people", paramLabel = "N", description = "Default 1000.")
    private Integer numActivePeople;

    @Option(names = "--num-in-flight-auctions", paramLabel = "N", description = "Default 100.")
    private Integer numInFlightAuctions;

    @Option(names = "--avg-person-byte-size", paramLabel = "BYTES",
        description = "Default 200; at most " + MAX_AVG_BYTE_SIZE + ".")
    private Integer avgPersonByteSize;

    @Option(names = "--avg-auction-byte-size", paramLabel = "BYTES",
        description = "Default 500; at most " + MAX_AVG_BYTE_SIZE + ".")
    private Integer avgAuctionByteSize;

    @Option(names = "--avg-bid-byte-size", paramLabel = "BYTES",
        description = "Default 100; at most " + MAX_AVG_BYTE_SIZE + ".")
    private Integer avgBidByteSize;

    /** The random-stream mode. */
    public RngMode rng() {
        return rng;
    }

    /**
     * The number of generator threads in per-event mode ({@code --num-event-generators}, default 1).
     *
     * @throws IllegalArgumentException if it is below 1, or above {@link #MAX_THREADS} in per-event mode (in
     *                                  reference mode it only scales the inter-event delay)
     */
    public int threads() {
        int threads = numEventGenerators == null ? 1 : numEventGenerators;
        if (threads < 1) {
            throw new IllegalArgumentException("--num-event-generators = " + threads + " is invalid: must be >= 1");
        }
        if (rng == RngMode.PER_EVENT && threads > MAX_THREADS) {
            throw new IllegalArgumentException("--num-event-generators = " + threads + " is invalid: must be between 1"
                + " and " + MAX_THREADS + " (generator threads in per-event mode)");
        }
        return threads;
    }

    /**
     * The generator configuration of these options, cut to the first {@code maxEvents} events of the (split)
     * stream when {@code maxEvents} is not null.
     *
     * @throws IllegalArgumentException naming the first invalid option or configuration field: also an average size
     *                                  above {@link #MAX_AVG_BYTE_SIZE}, and a base time whose event times would
     *                                  overflow a long ({@link EventTimeLimit})
     */
    public GeneratorConfig config(Long maxEvents) {
        if (maxEvents != null && maxEvents < 0) {
            throw new IllegalArgumentException("--max-events = " + maxEvents + " is invalid: must be >= 0");
        }
        if (numEvents != null && numEvents < 0) {
            throw new IllegalArgumentException("--num-events = " + numEvents + " is invalid: must be >= 0");
        }
        int threads = threads();
        GeneratorConfig.Builder b = GeneratorConfig.builder().rngMode(rng);
        if (rng == RngMode.REFERENCE) {
            if (split != null && numEventGenerators != null && numEventGenerators != split.count()) {
                throw new IllegalArgumentException("--num-event-generators = " + numEventGenerators
                    + " is invalid with --split " + split.index() + "/" + split.count()
                    + " in reference mode: must equal the split count " + split.count());
            }
            b.numEventGenerators(threads);
        }
        set(baseTime, b::baseTime);
        if (firstEventRate != null) {
            b.firstEventRate(firstEventRate);
        }
        set(seedExtra, b::extraSeed);
        set(seedChannel, b::channelSeed);
        set(seedEvents, b::eventSeed);
        if (numEvents != null && numEvents > 0) {
            b.maxEvents(numEvents);
        }
        set(firstEventId, b::firstEventId);
        set(firstEventNumber, b::firstEventNumber);
        setInt(personProportion, b::personProportion);
        setInt(auctionProportion, b::auctionProportion);
        setInt(bidProportion, b::bidProportion);
        setInt(hotAuctionRatio, b::hotAuctionRatio);
        setInt(hotSellersRatio, b::hotSellersRatio);
        setInt(hotBiddersRatio, b::hotBiddersRatio);
        setInt(numActivePeople, b::numActivePeople);
        setInt(numInFlightAuctions, b::numInFlightAuctions);
        atMost("--avg-person-byte-size", avgPersonByteSize, MAX_AVG_BYTE_SIZE);
        atMost("--avg-auction-byte-size", avgAuctionByteSize, MAX_AVG_BYTE_SIZE);
        atMost("--avg-bid-byte-size", avgBidByteSize, MAX_AVG_BYTE_SIZE);
        setInt(avgPersonByteSize, b::avgPersonByteSize);
        setInt(avgAuctionByteSize, b::avgAuctionByteSize);
        setInt(avgBidByteSize, b::avgBidByteSize);
        GeneratorConfig config = b.build();
        if (split != null) {
            config = config.split(split.index(), split.count());
        }
        if (maxEvents != null && maxEvents < config.maxEvents()) {
            config = config.toBuilder().maxEvents(maxEvents).build();
        }
        EventTimeLimit.check(config);
        return config;
    }

    private static void atMost(String option, Integer value, int max) {
        if (value != null && value > max) {
            throw new IllegalArgumentException(option + " = " + value + " is invalid: must be <= " + max);
        }
    }

    private static void set(Long value, LongConsumer setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void setInt(Integer value, IntConsumer setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** Parses {@code reference} or {@code per-event}. */
    static final class RngConverter implements ITypeConverter<RngMode> {
        @Override
        public RngMode convert(String value) {
            return switch (value) {
                case "reference" -> RngMode.REFERENCE;
                case "per-event" -> RngMode.PER_EVENT;
                default -> throw new TypeConversionException("'" + value + "' is not reference or per-event");
            };
        }
    }

    /** A split {@code index} of {@code count}. */
    record Split(int index, int count) {
    }

    /** Parses {@code INDEX/COUNT} with {@code 0 <= INDEX < COUNT}. */
    static final class SplitConverter implements ITypeConverter<Split> {
        @Override
        public Split convert(String value) {
            int slash = value.indexOf('/');
            try {
                if (slash > 0) {
                    int index = Integer.parseInt(value.substring(0, slash));
                    int count = Integer.parseInt(value.substring(slash + 1));
                    if (count >= 1 && index >= 0 && index < count) {
                        return new Split(index, count);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException(
                "'" + value + "' is not INDEX/COUNT with 0 <= INDEX < COUNT (for example 1/4)");
        }
    }
}
