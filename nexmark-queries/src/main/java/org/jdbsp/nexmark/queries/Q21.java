package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.Orders;

/**
 * q21, add channel id: bids of the four named channels get a fixed id, other bids the {@code channel_id}
 * parameter of their URL; bids with neither are dropped.
 *
 * <pre>{@code
 * SELECT auction, bidder, price, channel,
 *     CASE
 *         WHEN lower(channel) = 'apple' THEN '0'
 *         WHEN lower(channel) = 'google' THEN '1'
 *         WHEN lower(channel) = 'facebook' THEN '2'
 *         WHEN lower(channel) = 'baidu' THEN '3'
 *         ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)
 *     END AS channel_id
 * FROM bid
 * WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL
 *    OR lower(channel) IN ('apple', 'google', 'facebook', 'baidu');
 * }</pre>
 *
 * Output columns: auction, bidder, price, channel, channel_id. {@code REGEXP_EXTRACT} has Java's
 * {@link Matcher#find()} semantics (the first match anywhere; NULL when there is none); {@code lower} is
 * {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}.
 */
public final class Q21 implements NexmarkQuery<Q21.Row> {
    /** Creates the query. */
    public Q21() {}

    private static final Pattern CHANNEL_ID_PATTERN = Pattern.compile("(&|^)channel_id=([^&]*)");

    /** A row of q21's result. */
    public record Row(long auction, long bidder, long price, String channel, String channelId) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, channel, channelId};
        }
    }

    /**
     * The id of a named channel ({@code lower(channel)} one of the four), else null. The length decides first:
     * {@link String#toLowerCase(Locale)} with {@link Locale#ROOT} maps each character to one character, except
     * {@code U+0130}, which becomes {@code i} and the non-ASCII {@code U+0307}, and a lower-case surrogate pair is
     * never ASCII; so only a channel of 5, 6 or 8 characters can become one of the four names, and most channels
     * are rejected without reading them.
     */
    static String namedChannelId(String channel) {
        switch (channel.length()) {
            case 5:
                return lowersTo(channel, "apple") ? "0" : lowersTo(channel, "baidu") ? "3" : null;
            case 6:
                return lowersTo(channel, "google") ? "1" : null;
            case 8:
                return lowersTo(channel, "facebook") ? "2" : null;
            default:
                return null;
        }
    }

    /**
     * Whether {@code lower(s)} is {@code name} (lower-case ASCII letters, as long as {@code s}). While {@code s} is
     * ASCII, lower() keeps each character's position, and an ASCII character lowers to a letter exactly when it
     * equals the letter with bit {@code 0x20} set; the first non-ASCII character hands over to
     * {@link String#toLowerCase(Locale)}. ({@link String#equalsIgnoreCase} would look up the case of every character.)
     */
    private static boolean lowersTo(String s, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.toLowerCase(Locale.ROOT).equals(name);
            }
            if ((c | 0x20) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final String CHANNEL_ID_PARAMETER = "channel_id=";

    /**
     * {@code REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)}: null when the URL has no match. Written out
     * rather than matched with {@link #CHANNEL_ID_PATTERN} per bid: the first match of the pattern starts at
     * the first occurrence of {@code channel_id=} that begins the URL or follows a {@code '&'} (a match at the
     * URL's start through {@code '&'} and one through {@code ^} cannot both exist), and its group 2 runs to the
     * next {@code '&'} or the end.
     */
    static String urlChannelId(String url) {
        int at = url.indexOf(CHANNEL_ID_PARAMETER);
        while (at > 0 && url.charAt(at - 1) != '&') {
            at = url.indexOf(CHANNEL_ID_PARAMETER, at + 1);
        }
        if (at < 0) {
            return null;
        }
        int from = at + CHANNEL_ID_PARAMETER.length();
        int end = url.indexOf('&', from);
        return url.substring(from, end < 0 ? url.length() : end);
    }

    /** {@link #urlChannelId} by the pattern itself (the definition the tests compare with). */
    static String urlChannelIdByPattern(String url) {
        Matcher m = CHANNEL_ID_PATTERN.matcher(url);
        return m.find() ? m.group(2) : null;
    }

    /** The channel_id of a bid, or null if the bid is dropped. */
    static String channelId(Bid b) {
        String named = namedChannelId(b.channel());
        return named != null ? named : urlChannelId(b.url());
    }

    /**
     * The order of q21's rows: a 32-bit mix of the long columns first ({@link EventOrders#rowPrefix}, the prefix of
     * {@link Orders#byLong}), then every column (a channel id may be null before the filter), so that sorting a
     * step's rows hashes none of its strings.
     */
    public static final Comparator<Row> ORDER = Orders.byLong(
            (Row r) -> EventOrders.rowPrefix(r.auction(), r.bidder(), r.price(), 0), (a, b) -> {
                int c = EventOrders.compareLongs(a.auction(), b.auction(), a.bidder(), b.bidder(), a.price(), b.price());
                if (c == 0) {
                    c = a.channel().compareTo(b.channel());
                }
                return c != 0 ? c : EventOrders.NULLS_FIRST.compare(a.channelId(), b.channelId());
            });

    /** q21 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.map(b -> new Row(b.auction(), b.bidder(), b.price(), b.channel(), channelId(b)), ORDER)
                .filter(r -> r.channelId() != null);
    }

    @Override
    public String name() {
        return "q21";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "channel", "channel_id");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
