package org.jdbsp.nexmark.generator;

/**
 * The immutable configuration of a Nexmark event generator, with the reference's defaults.
 *
 * <p>Built with {@link #builder()}; {@link Builder#build()} validates every field at once and rejects invalid
 * values with an {@link IllegalArgumentException} naming the field, the value and the allowed range. The
 * defaults are those of the Flink Nexmark suite (see {@code nexmark-spec.md}, section 2), except that the base
 * time is fixed at {@link #DEFAULT_BASE_TIME} and the three seeds are those of the golden files, so runs are
 * reproducible.
 *
 * <p>{@code numEventGenerators} is the reference's field of the same name: it only scales the inter-event delay
 * ({@code 1e6 / firstEventRate * numEventGenerators} microseconds), as when a stream is split over that many
 * parallel generators ({@link #split(int, int)}). The number of threads of a {@link ParallelEventSource} is a
 * separate setting and never changes the events.
 */
public final class GeneratorConfig {

    /** 2015-07-15T00:00:00Z, the base time Beam's Nexmark uses for deterministic runs. */
    public static final long DEFAULT_BASE_TIME = 1_436_918_400_000L;
    /** The default event rate, events per second over all generators. */
    public static final double DEFAULT_FIRST_EVENT_RATE = 10_000;
    /** The default seed of the pool every {@code extra} field is cut from (the golden files' seed). */
    public static final long DEFAULT_EXTRA_SEED = 1;
    /** The default seed of the hot-URL and channel table (the golden files' seed). */
    public static final long DEFAULT_CHANNEL_SEED = 2;
    /** The default seed of the event stream (the golden files' seed for the unsplit stream). */
    public static final long DEFAULT_EVENT_SEED = 3;

    private final RngMode rngMode;
    private final int numEventGenerators;
    private final double firstEventRate;
    private final int personProportion;
    private final int auctionProportion;
    private final int bidProportion;
    private final int hotAuctionRatio;
    private final int hotSellersRatio;
    private final int hotBiddersRatio;
    private final int numActivePeople;
    private final int numInFlightAuctions;
    private final int avgPersonByteSize;
    private final int avgAuctionByteSize;
    private final int avgBidByteSize;
    private final long firstEventId;
    private final long firstEventNumber;
    private final long baseTime;
    private final long maxEvents;
    private final boolean maxEventsSet;
    private final long extraSeed;
    private final long channelSeed;
    private final long eventSeed;
    private final double interEventDelayUs;

    private GeneratorConfig(Builder b, long maxEvents) {
        this.rngMode = b.rngMode;
        this.numEventGenerators = b.numEventGenerators;
        this.firstEventRate = b.firstEventRate;
        this.personProportion = b.personProportion;
        this.auctionProportion = b.auctionProportion;
        this.bidProportion = b.bidProportion;
        this.hotAuctionRatio = b.hotAuctionRatio;
        this.hotSellersRatio = b.hotSellersRatio;
        this.hotBiddersRatio = b.hotBiddersRatio;
        this.numActivePeople = b.numActivePeople;
        this.numInFlightAuctions = b.numInFlightAuctions;
        this.avgPersonByteSize = b.avgPersonByteSize;
        this.avgAuctionByteSize = b.avgAuctionByteSize;
        this.avgBidByteSize = b.avgBidByteSize;
        this.firstEventId = b.firstEventId;
        this.firstEventNumber = b.firstEventNumber;
        this.baseTime = b.baseTime;
        this.maxEvents = maxEvents;
        this.maxEventsSet = b.maxEventsSet;
        this.extraSeed = b.extraSeed;
        this.channelSeed = b.channelSeed;
        this.eventSeed = b.eventSeed;
        this.interEventDelayUs = 1_000_000.0 / firstEventRate * numEventGenerators;
    }

    /** A builder holding the reference's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default configuration (reference defaults, golden seeds, per-event random streams). */
    public static GeneratorConfig defaults() {
        return builder().build();
    }

    /** A builder initialised with this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The Flink-style split {@code index} of {@code count}: the events of this configuration are divided into
     * {@code count} disjoint id ranges of {@code maxEvents / count} events (the last split takes the remainder);
     * split {@code index} starts at {@code firstEventId + index * (maxEvents / count)}, keeps the first event
     * number and base time, runs {@code count} times slower ({@code numEventGenerators = count}, so the splits
     * cover the same event-time range in parallel) and uses the event seed {@code eventSeed + index}.
     *
     * @throws IllegalArgumentException if {@code count < 1} or {@code index} is not in {@code [0, count)}
     */
    public GeneratorConfig split(int index, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("split count = " + count + " is invalid: must be >= 1");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(
                "split index = " + index + " is invalid: must be in [0, " + (count - 1) + "]");
        }
        long sub = maxEvents / count;
        long events = index == count - 1 ? maxEvents - sub * (count - 1) : sub;
        return toBuilder()
            .firstEventId(firstEventId + index * sub)
            .maxEvents(events)
            .numEventGenerators(count)
            .eventSeed(eventSeed + index)
            .build();
    }

    /** The random-stream mode. */
    public RngMode rngMode() {
        return rngMode;
    }

    /** The number of parallel generators the event rate is shared by (scales the inter-event delay). */
    public int numEventGenerators() {
        return numEventGenerators;
    }

    /** The event rate in events per second over all generators (the reference's firstEventRate). */
    public double firstEventRate() {
        return firstEventRate;
    }

    /** The delay between two events of one generator, in microseconds of event time. */
    public double interEventDelayUs() {
        return interEventDelayUs;
    }

    /** The person share of the person : auction : bid proportions. */
    public int personProportion() {
        return personProportion;
    }

    /** The auction share of the person : auction : bid proportions. */
    public int auctionProportion() {
        return auctionProportion;
    }

    /** The bid share of the person : auction : bid proportions. */
    public int bidProportion() {
        return bidProportion;
    }

    /** The sum of the three proportions: the length of one person/auction/bid cycle of event ids. */
    public int totalProportion() {
        return personProportion + auctionProportion + bidProportion;
    }

    /** One bid in this many goes to a random auction, the others to the current hot auction. */
    public int hotAuctionRatio() {
        return hotAuctionRatio;
    }

    /** One auction in this many has a random seller, the others the current hot seller. */
    public int hotSellersRatio() {
        return hotSellersRatio;
    }

    /** One bid in this many has a random bidder, the others the current hot bidder. */
    public int hotBiddersRatio() {
        return hotBiddersRatio;
    }

    /** The number of most recent people random sellers and bidders are drawn from. */
    public int numActivePeople() {
        return numActivePeople;
    }

    /** The number of most recent auctions random bids go to; also sets how long auctions last. */
    public int numInFlightAuctions() {
        return numInFlightAuctions;
    }

    /** The average size of a person event, in bytes (sizes its {@code extra}). */
    public int avgPersonByteSize() {
        return avgPersonByteSize;
    }

    /** The average size of an auction event, in bytes (sizes its {@code extra}). */
    public int avgAuctionByteSize() {
        return avgAuctionByteSize;
    }

    /** The average size of a bid event, in bytes (sizes its {@code extra}). */
    public int avgBidByteSize() {
        return avgBidByteSize;
    }

    /** Added to each event number to give its event id (1 in the Flink source). */
    public long firstEventId() {
        return firstEventId;
    }

    /** The event number of the first event (1 in the Flink source). */
    public long firstEventNumber() {
        return firstEventNumber;
    }

    /** The event time of event number 0, epoch milliseconds. */
    public long baseTime() {
        return baseTime;
    }

    /** The number of events the generator produces. */
    public long maxEvents() {
        return maxEvents;
    }

    /** The seed of the 1 MiB pool every {@code extra} field is cut from. */
    public long extraSeed() {
        return extraSeed;
    }

    /** The seed of the hot URLs and the channel table. */
    public long channelSeed() {
        return channelSeed;
    }

    /** The seed of the event stream(s). */
    public long eventSeed() {
        return eventSeed;
    }

    /** The event time of the event with event number {@code eventNumber}, epoch milliseconds. */
    public long timestampForEventNumber(long eventNumber) {
        return baseTime + (long) (eventNumber * interEventDelayUs) / 1000;
    }

    @Override
    public String toString() {
        return "GeneratorConfig{rngMode=" + rngMode + ", numEventGenerators=" + numEventGenerators
            + ", firstEventRate=" + firstEventRate + ", proportions=" + personProportion + ":" + auctionProportion
            + ":" + bidProportion + ", hotAuctionRatio=" + hotAuctionRatio + ", hotSellersRatio=" + hotSellersRatio
            + ", hotBiddersRatio=" + hotBiddersRatio + ", numActivePeople=" + numActivePeople
            + ", numInFlightAuctions=" + numInFlightAuctions + ", avgByteSizes=" + avgPersonByteSize + "/"
            + avgAuctionByteSize + "/" + avgBidByteSize + ", firstEventId=" + firstEventId + ", firstEventNumber="
            + firstEventNumber + ", baseTime=" + baseTime + ", maxEvents=" + maxEvents + ", seeds=" + extraSeed
            + "/" + channelSeed + "/" + eventSeed + "}";
    }

    /** Collects configuration values; {@link #build()} validates them all in one place. */
    public static final class Builder {
        private RngMode rngMode = RngMode.PER_EVENT;
        private int numEventGenerators = 1;
        private double firstEventRate = DEFAULT_FIRST_EVENT_RATE;
        private int personProportion = 1;
        private int auctionProportion = 3;
        private int bidProportion = 46;
        private int hotAuctionRatio = 2;
        private int hotSellersRatio = 4;
        private int hotBiddersRatio = 4;
        private int numActivePeople = 1000;
        private int numInFlightAuctions = 100;
        private int avgPersonByteSize = 200;
        private int avgAuctionByteSize = 500;
        private int avgBidByteSize = 100;
        private long firstEventId = 1;
        private long firstEventNumber = 1;
        private long baseTime = DEFAULT_BASE_TIME;
        private long maxEvents = -1; // -1: unbounded, computed in build()
        private boolean maxEventsSet;
        private long extraSeed = DEFAULT_EXTRA_SEED;
        private long channelSeed = DEFAULT_CHANNEL_SEED;
        private long eventSeed = DEFAULT_EVENT_SEED;

        private Builder() {
        }

        private Builder(GeneratorConfig c) {
            rngMode = c.rngMode;
            numEventGenerators = c.numEventGenerators;
            firstEventRate = c.firstEventRate;
            personProportion = c.personProportion;
            auctionProportion = c.auctionProportion;
            bidProportion = c.bidProportion;
            hotAuctionRatio = c.hotAuctionRatio;
            hotSellersRatio = c.hotSellersRatio;
            hotBiddersRatio = c.hotBiddersRatio;
            numActivePeople = c.numActivePeople;
            numInFlightAuctions = c.numInFlightAuctions;
            avgPersonByteSize = c.avgPersonByteSize;
            avgAuctionByteSize = c.avgAuctionByteSize;
            avgBidByteSize = c.avgBidByteSize;
            firstEventId = c.firstEventId;
            firstEventNumber = c.firstEventNumber;
            baseTime = c.baseTime;
            maxEvents = c.maxEventsSet ? c.maxEvents : -1;
            maxEventsSet = c.maxEventsSet;
            extraSeed = c.extraSeed;
            channelSeed = c.channelSeed;
            eventSeed = c.eventSeed;
        }

        /** The random-stream mode (default {@link RngMode#PER_EVENT}). */
        public Builder rngMode(RngMode value) {
            rngMode = value;
            return this;
        }

        /** The number of generators sharing the event rate (default 1, must be >= 1). */
        public Builder numEventGenerators(int value) {
            numEventGenerators = value;
            return this;
        }

        /** Events per second over all generators (default 10,000, must be > 0 and finite). */
        public Builder firstEventRate(double value) {
            firstEventRate = value;
            return this;
        }

        /** The person share (default 1, must be >= 0). */
        public Builder personProportion(int value) {
            personProportion = value;
            return this;
        }

        /** The auction share (default 3, must be >= 0). */
        public Builder auctionProportion(int value) {
            auctionProportion = value;
            return this;
        }

        /** The bid share (default 46, must be >= 0). */
        public Builder bidProportion(int value) {
            bidProportion = value;
            return this;
        }

        /** One bid in this many goes to a random auction (default 2, must be >= 1). */
        public Builder hotAuctionRatio(int value) {
            hotAuctionRatio = value;
            return this;
        }

        /** One auction in this many has a random seller (default 4, must be >= 1). */
        public Builder hotSellersRatio(int value) {
            hotSellersRatio = value;
            return this;
        }

        /** One bid in this many has a random bidder (default 4, must be >= 1). */
        public Builder hotBiddersRatio(int value) {
            hotBiddersRatio = value;
            return this;
        }

        /** Random people are drawn from this many most recent ones (default 1000, must be >= 1). */
        public Builder numActivePeople(int value) {
            numActivePeople = value;
            return this;
        }

        /** Random auctions are drawn from this many most recent ones (default 100, must be >= 1). */
        public Builder numInFlightAuctions(int value) {
            numInFlightAuctions = value;
            return this;
        }

        /** Average person size in bytes (default 200, must be >= 1). */
        public Builder avgPersonByteSize(int value) {
            avgPersonByteSize = value;
            return this;
        }

        /** Average auction size in bytes (default 500, must be >= 1). */
        public Builder avgAuctionByteSize(int value) {
            avgAuctionByteSize = value;
            return this;
        }

        /** Average bid size in bytes (default 100, must be >= 1). */
        public Builder avgBidByteSize(int value) {
            avgBidByteSize = value;
            return this;
        }

        /** Added to event numbers to give event ids (default 1, must be >= 0). */
        public Builder firstEventId(long value) {
            firstEventId = value;
            return this;
        }

        /** The event number of the first event (default 1, must be >= 0). */
        public Builder firstEventNumber(long value) {
            firstEventNumber = value;
            return this;
        }

        /** The event time of event number 0, epoch ms (default {@link #DEFAULT_BASE_TIME}, must be >= 0). */
        public Builder baseTime(long value) {
            baseTime = value;
            return this;
        }

        /**
         * The number of events to generate (must be >= 0). When not set, the reference's "unbounded" value is
         * used: {@code Long.MAX_VALUE / (totalProportion * max(avgPersonByteSize, avgAuctionByteSize,
         * avgBidByteSize))}, 368,934,881,474,191 with the defaults.
         */
        public Builder maxEvents(long value) {
            maxEvents = value;
            maxEventsSet = true;
            return this;
        }

        /** Forgets an explicit {@link #maxEvents(long)}: the generator is unbounded again. */
        public Builder unboundedMaxEvents() {
            maxEvents = -1;
            maxEventsSet = false;
            return this;
        }

        /** The seed of the extra-string pool (default 1). */
        public Builder extraSeed(long value) {
            extraSeed = value;
            return this;
        }

        /** The seed of the hot URLs and channel table (default 2). */
        public Builder channelSeed(long value) {
            channelSeed = value;
            return this;
        }

        /** The seed of the event stream(s) (default 3). */
        public Builder eventSeed(long value) {
            eventSeed = value;
            return this;
        }

        /**
         * Validates every value and builds the configuration.
         *
         * @throws IllegalArgumentException naming the first invalid field, its value and the allowed range
         */
        public GeneratorConfig build() {
            if (rngMode == null) {
                throw new IllegalArgumentException("rngMode = null is invalid: must be REFERENCE or PER_EVENT");
            }
            atLeast("numEventGenerators", numEventGenerators, 1);
            if (!(firstEventRate > 0) || Double.isInfinite(firstEventRate)) {
                throw new IllegalArgumentException(
                    "firstEventRate = " + firstEventRate + " is invalid: must be > 0 and finite");
            }
            atLeast("personProportion", personProportion, 0);
            atLeast("auctionProportion", auctionProportion, 0);
            atLeast("bidProportion", bidProportion, 0);
            long total = (long) personProportion + auctionProportion + bidProportion;
            if (total < 1 || total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("personProportion + auctionProportion + bidProportion = "
                    + total + " is invalid: must be in [1, " + Integer.MAX_VALUE + "]");
            }
            atLeast("hotAuctionRatio", hotAuctionRatio, 1);
            atLeast("hotSellersRatio", hotSellersRatio, 1);
            atLeast("hotBiddersRatio", hotBiddersRatio, 1);
            atLeast("numActivePeople", numActivePeople, 1);
            atLeast("numInFlightAuctions", numInFlightAuctions, 1);
            atLeast("avgPersonByteSize", avgPersonByteSize, 1);
            atLeast("avgAuctionByteSize", avgAuctionByteSize, 1);
            atLeast("avgBidByteSize", avgBidByteSize, 1);
            atLeast("firstEventId", firstEventId, 0);
            atLeast("firstEventNumber", firstEventNumber, 0);
            atLeast("baseTime", baseTime, 0);
            long events = maxEvents;
            if (maxEventsSet) {
                atLeast("maxEvents", maxEvents, 0);
            } else {
                int maxAvg = Math.max(avgPersonByteSize, Math.max(avgAuctionByteSize, avgBidByteSize));
                events = Long.MAX_VALUE / (total * maxAvg);
            }
            long idRoom = Long.MAX_VALUE - firstEventId - firstEventNumber;
            if (idRoom < 0 || events > idRoom) {
                throw new IllegalArgumentException("firstEventId + firstEventNumber + maxEvents = " + firstEventId
                    + " + " + firstEventNumber + " + " + events + " is invalid: must be <= " + Long.MAX_VALUE);
            }
            return new GeneratorConfig(this, events);
        }

        private static void atLeast(String field, long value, long min) {
            if (value < min) {
                throw new IllegalArgumentException(field + " = " + value + " is invalid: must be >= " + min);
            }
        }
    }
}
