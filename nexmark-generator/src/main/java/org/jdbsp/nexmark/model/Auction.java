package org.jdbsp.nexmark.model;

/**
 * An item put up for auction (Nexmark "auction" event).
 *
 * @param id          auction id (the first generated auction has id 1001)
 * @param itemName    item name
 * @param description item description
 * @param initialBid  initial bid, in cents
 * @param reserve     reserve price, in cents (at least {@code initialBid})
 * @param dateTime    event time, epoch milliseconds (UTC)
 * @param expires     the time the auction closes, epoch milliseconds (UTC)
 * @param seller      the id of the selling person
 * @param category    category id (10 to 14 with the default configuration)
 * @param extra       padding that brings the event to its configured average size
 */
public record Auction(long id, String itemName, String description, long initialBid, long reserve, long dateTime,
                      long expires, long seller, long category, String extra) implements Event {
}
