package org.jdbsp.flinkbaseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flink SQL of the baseline: the source table and its three views as the Nexmark Flink suite declares them (one
 * {@code datagen} table with a row per event kind, {@code dateTime} as the event-time attribute, watermark
 * {@code dateTime - 4 s}), and the SELECT of each query q0..q22 (q6 left out: Flink cannot run it), written from the
 * queries' meaning in the Nexmark specification. Each SELECT's columns have distinct names, so a discarding sink can
 * take its schema from the query.
 */
public final class NexmarkSql {
    private static final String PERSON = "ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR,"
        + " city VARCHAR, state VARCHAR, dateTime TIMESTAMP(3), extra VARCHAR>";
    private static final String AUCTION = "ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT,"
        + " reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT,"
        + " extra VARCHAR>";
    private static final String BID = "ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR,"
        + " url VARCHAR, dateTime TIMESTAMP(3), extra VARCHAR>";

    private static final Map<String, String> QUERIES = queries();

    private NexmarkSql() {}

    /** The source table over the in-memory events registered under {@code eventsKey} ({@link InMemoryEvents}). */
    public static String sourceTable(String eventsKey) {
        return "CREATE TEMPORARY TABLE datagen (\n"
            + "  event_type INT,\n"
            + "  person " + PERSON + ",\n"
            + "  auction " + AUCTION + ",\n"
            + "  bid " + BID + ",\n"
            + "  dateTime AS CASE WHEN event_type = 0 THEN person.dateTime"
            + " WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END,\n"
            + "  WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND\n"
            + ") WITH ('connector' = '" + EventsTableFactory.IDENTIFIER + "', '" + EventsTableFactory.EVENTS.key()
            + "' = '" + eventsKey + "')";
    }

    /** The views {@code person}, {@code auction} and {@code bid} over {@code datagen}, in that order. */
    public static List<String> views() {
        return List.of(
            "CREATE TEMPORARY VIEW person AS SELECT person.id, person.name, person.emailAddress, person.creditCard,"
                + " person.city, person.state, dateTime, person.extra FROM datagen WHERE event_type = 0",
            "CREATE TEMPORARY VIEW auction AS SELECT auction.id, auction.itemName, auction.description,"
                + " auction.initialBid, auction.reserve, dateTime, auction.expires, auction.seller, auction.category,"
                + " auction.extra FROM datagen WHERE event_type = 1",
            "CREATE TEMPORARY VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,"
                + " dateTime, bid.extra FROM datagen WHERE event_type = 2");
    }

    /** The side table of q13: {@code key -> String.valueOf(key)} for keys 0..9999, looked up by key. */
    public static String sideInputTable() {
        return "CREATE TEMPORARY TABLE side_input (`key` BIGINT, `value` VARCHAR)"
            + " WITH ('connector' = '" + SideInputTableFactory.IDENTIFIER + "')";
    }

    /** The query names, in number order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(QUERIES.keySet()));
    }

    /**
     * The SELECT of query {@code name}.
     *
     * @throws IllegalArgumentException naming the query and the valid names if there is no such query
     */
    public static String query(String name) {
        String sql = QUERIES.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("unknown query '" + name + "'; valid: " + String.join(", ", names()));
        }
        return sql;
    }

    private static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("q0", "SELECT auction, bidder, price, dateTime, extra FROM bid");
        q.put("q1", "SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid");
        q.put("q2", "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0");
        q.put("q3", "SELECT P.name, P.city, P.state, A.id FROM auction AS A JOIN person AS P ON A.seller = P.id"
            + " WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')");
        q.put("q4", "SELECT W.category, AVG(W.winning) AS avg_price FROM ("
            + "SELECT A.id, A.category, MAX(B.price) AS winning FROM auction AS A JOIN bid AS B ON A.id = B.auction"
            + " WHERE B.dateTime BETWEEN A.dateTime AND A.expires GROUP BY A.id, A.category) AS W"
            + " GROUP BY W.category");
        String hop = "TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))";
        q.put("q5", "SELECT C.auction, C.num FROM ("
            + "SELECT auction, COUNT(*) AS num, window_start AS ws, window_end AS we FROM " + hop
            + " GROUP BY auction, window_start, window_end) AS C JOIN ("
            + "SELECT MAX(N.num) AS top, N.ws, N.we FROM ("
            + "SELECT COUNT(*) AS num, window_start AS ws, window_end AS we FROM " + hop
            + " GROUP BY auction, window_start, window_end) AS N GROUP BY N.ws, N.we) AS M"
            + " ON C.ws = M.ws AND C.we = M.we AND C.num >= M.top");
        q.put("q7", "SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra FROM bid AS B JOIN ("
            + "SELECT MAX(price) AS top, window_end AS we FROM"
            + " TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end) AS M"
            + " ON B.price = M.top WHERE B.dateTime BETWEEN M.we - INTERVAL '10' SECOND AND M.we");
        q.put("q8", "SELECT P.id, P.name, P.ws AS starttime FROM ("
            + "SELECT id, name, window_start AS ws, window_end AS we FROM"
            + " TABLE(TUMBLE(TABLE person, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))"
            + " GROUP BY id, name, window_start, window_end) AS P JOIN ("
            + "SELECT seller, window_start AS ws, window_end AS we FROM"
            + " TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))"
            + " GROUP BY seller, window_start, window_end) AS A"
            + " ON P.id = A.seller AND P.ws = A.ws AND P.we = A.we");
        q.put("q9", "SELECT id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,"
            + " extra, auction, bidder, price, bid_dateTime, bid_extra FROM ("
            + "SELECT A.*, B.auction, B.bidder, B.price, B.dateTime AS bid_dateTime, B.extra AS bid_extra,"
            + " ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.dateTime ASC) AS rn"
            + " FROM auction AS A JOIN bid AS B ON A.id = B.auction"
            + " WHERE B.dateTime BETWEEN A.dateTime AND A.expires) WHERE rn <= 1");
        q.put("q10", "SELECT auction, bidder, price, dateTime, extra, DATE_FORMAT(dateTime, 'yyyy-MM-dd') AS dt,"
            + " DATE_FORMAT(dateTime, 'HH:mm') AS hm FROM bid");
        q.put("q11", "SELECT bidder, COUNT(*) AS bid_count, SESSION_START(dateTime, INTERVAL '10' SECOND) AS starttime,"
            + " SESSION_END(dateTime, INTERVAL '10' SECOND) AS endtime FROM bid"
            + " GROUP BY bidder, SESSION(dateTime, INTERVAL '10' SECOND)");
        q.put("q12", "SELECT bidder, COUNT(*) AS bid_count, TUMBLE_START(p_time, INTERVAL '10' SECOND) AS starttime,"
            + " TUMBLE_END(p_time, INTERVAL '10' SECOND) AS endtime FROM (SELECT *, PROCTIME() AS p_time FROM bid)"
            + " GROUP BY bidder, TUMBLE(p_time, INTERVAL '10' SECOND)");
        q.put("q13", "SELECT B.auction, B.bidder, B.price, B.dateTime, S.`value` FROM"
            + " (SELECT *, PROCTIME() AS p_time FROM bid) AS B JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S"
            + " ON MOD(B.auction, 10000) = S.`key`");
        q.put("q14", "SELECT auction, bidder, 0.908 * price AS price, CASE"
            + " WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'"
            + " WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'"
            + " ELSE 'otherTime' END AS bidTimeType, dateTime, extra, "
            + CountChar.NAME + "(extra, 'c') AS c_counts FROM bid"
            + " WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000");
        String bands = "COUNT(*) AS total_bids,"
            + " COUNT(*) FILTER (WHERE price < 10000) AS rank1_bids,"
            + " COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids,"
            + " COUNT(*) FILTER (WHERE price >= 1000000) AS rank3_bids";
        String distinct = distinctBands("bidder", "bidders") + ", " + distinctBands("auction", "auctions");
        String day = "DATE_FORMAT(dateTime, 'yyyy-MM-dd')";
        q.put("q15", "SELECT " + day + " AS `day`, " + bands + ", " + distinct + " FROM bid GROUP BY " + day);
        q.put("q16", "SELECT channel, " + day + " AS `day`, MAX(DATE_FORMAT(dateTime, 'HH:mm')) AS `minute`, "
            + bands + ", " + distinct + " FROM bid GROUP BY channel, " + day);
        q.put("q17", "SELECT auction, " + day + " AS `day`, " + bands + ", MIN(price) AS min_price,"
            + " MAX(price) AS max_price, AVG(price) AS avg_price, SUM(price) AS sum_price"
            + " FROM bid GROUP BY auction, " + day);
        q.put("q18", "SELECT auction, bidder, price, channel, url, dateTime, extra FROM ("
            + "SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC) AS rn FROM bid)"
            + " WHERE rn <= 1");
        q.put("q19", "SELECT auction, bidder, price, channel, url, dateTime, extra, rn AS rank_number FROM ("
            + "SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)"
            + " WHERE rn <= 10");
        q.put("q20", "SELECT B.auction, B.bidder, B.price, B.channel, B.url, B.dateTime AS bid_dateTime,"
            + " B.extra AS bid_extra, A.itemName, A.description, A.initialBid, A.reserve,"
            + " A.dateTime AS auction_dateTime, A.expires, A.seller, A.category, A.extra AS auction_extra"
            + " FROM bid AS B JOIN auction AS A ON B.auction = A.id WHERE A.category = 10");
        String channelId = "REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)";
        q.put("q21", "SELECT auction, bidder, price, channel, CASE"
            + " WHEN LOWER(channel) = 'apple' THEN '0' WHEN LOWER(channel) = 'google' THEN '1'"
            + " WHEN LOWER(channel) = 'facebook' THEN '2' WHEN LOWER(channel) = 'baidu' THEN '3'"
            + " ELSE " + channelId + " END AS channel_id FROM bid"
            + " WHERE " + channelId + " IS NOT NULL OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')");
        q.put("q22", "SELECT auction, bidder, price, channel, SPLIT_INDEX(url, '/', 3) AS dir1,"
            + " SPLIT_INDEX(url, '/', 4) AS dir2, SPLIT_INDEX(url, '/', 5) AS dir3 FROM bid");
        return Collections.unmodifiableMap(q);
    }

    private static String distinctBands(String column, String label) {
        return "COUNT(DISTINCT " + column + ") AS total_" + label + ","
            + " COUNT(DISTINCT " + column + ") FILTER (WHERE price < 10000) AS rank1_" + label + ","
            + " COUNT(DISTINCT " + column + ") FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_" + label
            + ","
            + " COUNT(DISTINCT " + column + ") FILTER (WHERE price >= 1000000) AS rank3_" + label;
    }
}
