package org.jdbsp.nexmark.generator;

import java.nio.charset.StandardCharsets;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;

/**
 * Builds the k-th event of a generator from a random stream, drawing exactly as the reference does (the
 * field order and draw order of {@code nexmark-spec.md}, section 4). Not thread-safe: it owns a scratch buffer;
 * every generator thread has its own factory over the shared {@link GeneratorTables}.
 */
final class EventFactory {

    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;
    static final int NUM_CATEGORIES = 5;
    static final int PERSON_ID_LEAD = 10;
    static final int AUCTION_ID_LEAD = 10;
    static final int HOT_SELLER_RATIO = 100;
    static final int HOT_AUCTION_RATIO = 100;
    static final int HOT_BIDDER_RATIO = 100;
    static final int HOT_CHANNELS_RATIO = 2;
    /** {@code 8 + |itemName| + |description| + 40}: the reference's size estimate of an auction. */
    private static final int AUCTION_FIXED_SIZE = 48;
    /** The reference's size estimate of a bid without its extra. */
    private static final int BID_FIXED_SIZE = 32;
    private static final int CREDIT_CARD_LENGTH = 19;

    private static final String[] US_STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] US_CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland",
        "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
        "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
        "Jones", "Noris"};
    /** Every "first last" combination, so a person's name costs no allocation. */
    private static final String[] FULL_NAMES = new String[FIRST_NAMES.length * LAST_NAMES.length];

    static {
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                FULL_NAMES[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
    }

    private final long firstEventId;
    private final long firstEventNumber;
    private final long baseTime;
    private final double interEventDelayUs;
    private final long personProportion;
    private final long auctionProportion;
    private final long totalProportion;
    private final int hotAuctionRatio;
    private final int hotSellersRatio;
    private final int hotBiddersRatio;
    private final long numActivePeople;
    private final long numInFlightAuctions;
    private final int avgPersonByteSize;
    private final int avgAuctionByteSize;
    private final int avgBidByteSize;
    /** How many events ahead an auction's horizon lies ({@code numInFlightAuctions * total / auctions}). */
    private final long auctionHorizonEvents;
    private final String pool;
    private final String[] hotUrls;
    private final String[] channelNames;
    private final String[] channelUrls;
    private final byte[] scratch = new byte[128];

    EventFactory(GeneratorConfig config, GeneratorTables tables) {
        firstEventId = config.firstEventId();
        firstEventNumber = config.firstEventNumber();
        baseTime = config.baseTime();
        interEventDelayUs = config.interEventDelayUs();
        personProportion = config.personProportion();
        auctionProportion = config.auctionProportion();
        totalProportion = config.totalProportion();
        hotAuctionRatio = config.hotAuctionRatio();
        hotSellersRatio = config.hotSellersRatio();
        hotBiddersRatio = config.hotBiddersRatio();
        numActivePeople = config.numActivePeople();
        numInFlightAuctions = config.numInFlightAuctions();
        avgPersonByteSize = config.avgPersonByteSize();
        avgAuctionByteSize = config.avgAuctionByteSize();
        avgBidByteSize = config.avgBidByteSize();
        auctionHorizonEvents = auctionProportion == 0 ? 0
            : numInFlightAuctions * totalProportion / auctionProportion;
        pool = tables.pool;
        hotUrls = tables.hotUrls;
        channelNames = tables.channelNames;
        channelUrls = tables.channelUrls;
    }

    /** The event with index {@code k} (0-based, {@code eventsCountSoFar}) of the generator, drawn from {@code rng}. */
    Event create(SplitMix64 rng, long k) {
        long eventNumber = firstEventNumber + k;
        long eventId = firstEventId + eventNumber;
        long time = timestamp(eventNumber);
        // one division per event: every id below derives from the epoch and offset of the event id
        long epoch = eventId / totalProportion;
        long offset = eventId - epoch * totalProportion;
        if (offset < personProportion) {
            return person(rng, epoch, offset, time);
        } else if (offset < personProportion + auctionProportion) {
            return auction(rng, eventNumber, epoch, offset, time);
        } else {
            return bid(rng, epoch, offset, time);
        }
    }

    private long timestamp(long eventNumber) {
        return baseTime + (long) (eventNumber * interEventDelayUs) / 1000;
    }

    private Person person(SplitMix64 rng, long epoch, long offset, long time) {
        long id = lastPersonBase0(epoch, offset) + FIRST_PERSON_ID;
        int first = rng.nextInt(FIRST_NAMES.length);
        String name = FULL_NAMES[first * LAST_NAMES.length + rng.nextInt(LAST_NAMES.length)];
        byte[] buf = scratch;
        int p = RandomText.appendString(rng, buf, 0, 7, (byte) ' ');
        buf[p++] = '@';
        p = RandomText.appendString(rng, buf, p, 5, (byte) ' ');
        buf[p++] = '.';
        buf[p++] = 'c';
        buf[p++] = 'o';
        buf[p++] = 'm';
        String email = new String(buf, 0, p, StandardCharsets.ISO_8859_1);
        for (int group = 0; group < 4; group++) {
            int digits = rng.nextInt(10_000);
            int q = group * 5;
            buf[q] = (byte) ('0' + digits / 1000);
            buf[q + 1] = (byte) ('0' + digits / 100 % 10);
            buf[q + 2] = (byte) ('0' + digits / 10 % 10);
            buf[q + 3] = (byte) ('0' + digits % 10);
            if (group < 3) {
                buf[q + 4] = ' ';
            }
        }
        String creditCard = new String(buf, 0, CREDIT_CARD_LENGTH, StandardCharsets.ISO_8859_1);
        String city = US_CITIES[rng.nextInt(US_CITIES.length)];
        String state = US_STATES[rng.nextInt(US_STATES.length)];
        int size = 8 + name.length() + email.length() + CREDIT_CARD_LENGTH + city.length() + state.length();
        String extra = extra(rng, size, avgPersonByteSize);
        return new Person(id, name, email, creditCard, city, state, time, extra);
    }

    private Auction auction(SplitMix64 rng, long eventNumber, long epoch, long offset, long time) {
        long id = lastAuctionBase0(epoch, offset) + FIRST_AUCTION_ID;
        long seller;
        if (rng.nextInt(hotSellersRatio) > 0) {
            seller = (lastPersonBase0(epoch, offset) / HOT_SELLER_RATIO) * HOT_SELLER_RATIO;
        } else {
            seller = randomPersonBase0(rng, epoch, offset);
        }
        seller += FIRST_PERSON_ID;
        long category = FIRST_CATEGORY_ID + rng.nextInt(NUM_CATEGORIES);
        long initialBid = price(rng);
        long horizonMs = timestamp(eventNumber + auctionHorizonEvents) - time;
        long expires = time + 1 + rng.nextLong(Math.max(horizonMs * 2, 1L));
        byte[] buf = scratch;
        int len = RandomText.appendString(rng, buf, 0, 20, (byte) ' ');
        String itemName = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        len = RandomText.appendString(rng, buf, 0, 100, (byte) ' ');
        String description = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        long reserve = initialBid + price(rng);
        int size = AUCTION_FIXED_SIZE + itemName.length() + description.length();
        String extra = extra(rng, size, avgAuctionByteSize);
        return new Auction(id, itemName, description, initialBid, reserve, time, expires, seller, category, extra);
    }

    private Bid bid(SplitMix64 rng, long epoch, long offset, long time) {
        long auction;
        if (rng.nextInt(hotAuctionRatio) > 0) {
            auction = (lastAuctionBase0(epoch, offset) / HOT_AUCTION_RATIO) * HOT_AUCTION_RATIO;
        } else {
            auction = randomAuctionBase0(rng, epoch, offset);
        }
        auction += FIRST_AUCTION_ID;
        long bidder;
        if (rng.nextInt(hotBiddersRatio) > 0) {
            bidder = (lastPersonBase0(epoch, offset) / HOT_BIDDER_RATIO) * HOT_BIDDER_RATIO + 1;
        } else {
            bidder = randomPersonBase0(rng, epoch, offset);
        }
        bidder += FIRST_PERSON_ID;
        long price = price(rng);
        String channel;
        String url;
        if (rng.nextInt(HOT_CHANNELS_RATIO) > 0) {
            int i = rng.nextInt(GeneratorTables.HOT_CHANNELS.length);
            channel = GeneratorTables.HOT_CHANNELS[i];
            url = hotUrls[i];
        } else {
            int c = rng.nextInt(GeneratorTables.CHANNELS_NUMBER);
            channel = channelNames[c];
            url = channelUrls[c];
        }
        bidder += FIRST_PERSON_ID; // the reference adds it twice (nexmark/nexmark#30); kept for fidelity
        String extra = extra(rng, BID_FIXED_SIZE, avgBidByteSize);
        return new Bid(auction, bidder, price, channel, url, time, extra);
    }

    /**
     * The base-0 id of the person created by, or last created before, the event whose id is
     * {@code epoch * totalProportion + offset}.
     */
    private long lastPersonBase0(long epoch, long offset) {
        if (offset >= personProportion) {
            offset = personProportion - 1;
        }
        return epoch * personProportion + offset;
    }

    /** The base-0 id of the auction created by, or last created before, the event at (epoch, offset). */
    private long lastAuctionBase0(long epoch, long offset) {
        if (offset < personProportion) {
            epoch--;
            offset = auctionProportion - 1;
        } else if (offset >= personProportion + auctionProportion) {
            offset = auctionProportion - 1;
        } else {
            offset -= personProportion;
        }
        return epoch * auctionProportion + offset;
    }

    /** One of the {@code numActivePeople} most recent people, or up to 10 people "from the future". */
    private long randomPersonBase0(SplitMix64 rng, long epoch, long offset) {
        long n = lastPersonBase0(epoch, offset) + 1;
        long active = Math.min(n, numActivePeople);
        return n - active + rng.nextLong(active + PERSON_ID_LEAD);
    }

    /** One of the {@code numInFlightAuctions} most recent auctions, or up to 10 auctions ahead. */
    private long randomAuctionBase0(SplitMix64 rng, long epoch, long offset) {
        long maxAuction = lastAuctionBase0(epoch, offset);
        long minAuction = Math.max(maxAuction - numInFlightAuctions, 0);
        return minAuction + rng.nextLong(maxAuction - minAuction + 1 + AUCTION_ID_LEAD);
    }

    /** A log-uniform price in cents in [100, 100,000,000). */
    private static long price(SplitMix64 rng) {
        return Math.round(Math.pow(10.0, rng.nextDouble() * 6.0) * 100.0);
    }

    /** Padding so that {@code currentSize} plus its length averages {@code averageSize}. */
    private String extra(SplitMix64 rng, int currentSize, int averageSize) {
        if (currentSize > averageSize) {
            return "";
        }
        int wanted = averageSize - currentSize;
        int delta = (int) Math.round(wanted * 0.2);
        int size = (wanted - delta) + (delta == 0 ? 0 : rng.nextInt(2 * delta));
        return exact(rng, size);
    }

    /** A random string of exactly {@code length}: a slice of the pool, or drawn char by char when long. */
    private String exact(SplitMix64 rng, int length) {
        if (length < GeneratorTables.POOL_LENGTH / 2) {
            int offset = rng.nextInt(GeneratorTables.POOL_LENGTH - length);
            return pool.substring(offset, offset + length);
        }
        char[] chars = new char[length];
        RandomText.appendExact(rng, chars, 0, length);
        return new String(chars);
    }
}
