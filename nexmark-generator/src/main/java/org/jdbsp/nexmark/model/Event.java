package org.jdbsp.nexmark.model;

/**
 * One Nexmark event: exactly one of {@link Person}, {@link Auction} or {@link Bid}.
 *
 * <p>Consumers dispatch with a type pattern ({@code if (e instanceof Bid b) ...}) or a switch over the
 * three records; every event carries its event time.
 */
public sealed interface Event permits Person, Auction, Bid {

    /** The event time, in epoch milliseconds (UTC). */
    long dateTime();
}
