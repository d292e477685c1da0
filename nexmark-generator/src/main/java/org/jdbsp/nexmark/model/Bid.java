package org.jdbsp.nexmark.model;

/**
 * A bid on an auction (Nexmark "bid" event).
 *
 * @param auction  the id of the auction bid on
 * @param bidder   the id of the bidding person (the reference adds the first person id twice, so this is
 *                 always at least 2000)
 * @param price    the bid, in cents
 * @param channel  the channel the bid came through ({@code Google}, {@code channel-123}, ...)
 * @param url      the URL of the bid
 * @param dateTime event time, epoch milliseconds (UTC)
 * @param extra    padding that brings the event to its configured average size
 */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
        implements Event {
}
