package org.jdbsp.flinkbaseline;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;

/**
 * Turns one of our Nexmark events into the internal row of the {@code datagen} table ({@link NexmarkSql}):
 * {@code (event_type, person, auction, bid)} with the nested row of the event's kind set and the other two NULL,
 * event types 0 = person, 1 = auction, 2 = bid, times as {@code TIMESTAMP(3)} holding the UTC wall clock (as the
 * suite's source converts them). Done before the clock starts, so the timed part reads ready rows.
 */
public final class EventRows {
    /** {@code event_type} of a person. */
    public static final int PERSON = 0;
    /** {@code event_type} of an auction. */
    public static final int AUCTION = 1;
    /** {@code event_type} of a bid. */
    public static final int BID = 2;

    private EventRows() {}

    /** The {@code datagen} row of {@code event}. */
    public static RowData of(Event event) {
        GenericRowData row = new GenericRowData(4);
        if (event instanceof Person p) {
            row.setField(0, PERSON);
            row.setField(1, GenericRowData.of(p.id(), str(p.name()), str(p.emailAddress()), str(p.creditCard()),
                str(p.city()), str(p.state()), time(p.dateTime()), str(p.extra())));
        } else if (event instanceof Auction a) {
            row.setField(0, AUCTION);
            row.setField(2, GenericRowData.of(a.id(), str(a.itemName()), str(a.description()), a.initialBid(),
                a.reserve(), time(a.dateTime()), time(a.expires()), a.seller(), a.category(), str(a.extra())));
        } else if (event instanceof Bid b) {
            row.setField(0, BID);
            row.setField(3, GenericRowData.of(b.auction(), b.bidder(), b.price(), str(b.channel()), str(b.url()),
                time(b.dateTime()), str(b.extra())));
        } else {
            throw new IllegalArgumentException("not a Nexmark event: " + event);
        }
        return row;
    }

    private static StringData str(String s) {
        return StringData.fromString(s);
    }

    private static TimestampData time(long epochMillis) {
        return TimestampData.fromEpochMillis(epochMillis);
    }
}
