package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q21Test {
    private static final Q21 Q = new Q21();
    private static final String URL = "https://www.nexmark.com/abc/def/ghi/item.htm?query=1";

    private static Bid bid(long auction, String channel, String url) {
        return new Bid(auction, 2001, 100, channel, url, 1_000, "e");
    }

    @Test
    void namedChannelsIgnoreCase() {
        assertEquals("0", Q21.namedChannelId("Apple"));
        assertEquals("1", Q21.namedChannelId("GOOGLE"));
        assertEquals("2", Q21.namedChannelId("facebook"));
        assertEquals("3", Q21.namedChannelId("BaiDu"));
        assertNull(Q21.namedChannelId("channel-7"));
        assertNull(Q21.namedChannelId("apple "));
    }

    @Test
    void urlChannelIdHasFindSemantics() {
        assertEquals("123", Q21.urlChannelId(URL + "&channel_id=123"));
        assertEquals("-2147483648", Q21.urlChannelId(URL + "&channel_id=-2147483648"));
        assertEquals("9", Q21.urlChannelId("channel_id=9&x=1"), "^ matches at the start");
        assertEquals("1", Q21.urlChannelId("a&channel_id=1&channel_id=2"), "the first match wins");
        assertEquals("2", Q21.urlChannelId("xchannel_id=1&channel_id=2"), "needs & or the start before it");
        assertEquals("", Q21.urlChannelId("a&channel_id=&b"), "an empty id is not NULL");
        assertNull(Q21.urlChannelId(URL));
        assertNull(Q21.urlChannelId("a&channel_id"));
    }

    @Test
    void namedChannelsWinOverTheUrlAndBidsWithoutIdAreDropped() {
        Bid apple = bid(1001, "Apple", URL + "&channel_id=55");
        Bid withId = bid(1002, "channel-42", URL + "&channel_id=42");
        Bid withoutId = bid(1003, "channel-43", URL);
        try (QueryCircuit<Q21.Row> q = QueryCircuit.start(Q)) {
            q.push(apple);
            q.push(withId);
            q.push(withoutId);
            q.step();
            assertEquals(Map.of(new Q21.Row(1001, 2001, 100, "Apple", "0"), 1L,
                    new Q21.Row(1002, 2001, 100, "channel-42", "42"), 1L), q.delta().toMap());
            q.push(withId, -1);
            q.push(withoutId, -1);
            q.step();
            assertEquals(Map.of(new Q21.Row(1002, 2001, 100, "channel-42", "42"), -1L), q.delta().toMap());
        }
    }

    @Test
    void matchesSql() {
        String regex = "'(&|^)channel_id=([^&]*)'";
        String extracted = "CASE WHEN regexp_matches(url, " + regex + ") THEN regexp_extract(url, " + regex + ", 2) END";
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, price, channel, CASE"
                        + " WHEN lower(channel) = 'apple' THEN '0' WHEN lower(channel) = 'google' THEN '1'"
                        + " WHEN lower(channel) = 'facebook' THEN '2' WHEN lower(channel) = 'baidu' THEN '3'"
                        + " ELSE " + extracted + " END AS channel_id FROM bid"
                        + " WHERE " + extracted + " IS NOT NULL OR lower(channel) IN ('apple', 'google', 'facebook', 'baidu')",
                QueryOptions.defaults());
    }

    /** The written-out REGEXP_EXTRACT agrees with the pattern on random URLs made of the pieces that matter. */
    @Test
    void urlChannelIdAgreesWithThePattern() {
        long seed = System.nanoTime();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        String[] pieces = {"channel_id=", "&", "x", "=", "?", "channel_id", "&channel_id=", "_id=", "7", "c"};
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder url = new StringBuilder();
            int n = rnd.nextInt(8);
            for (int k = 0; k < n; k++) {
                url.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String u = url.toString();
            assertEquals(Q21.urlChannelIdByPattern(u), Q21.urlChannelId(u), "url '" + u + "', seed " + seed);
        }
    }

    /** The case folding without a copy agrees with lower(): ASCII and non-ASCII names (the Kelvin sign, a dotted I). */
    @Test
    void namedChannelIdAgreesWithLowerCase() {
        String[] names = {"apple", "APPLE", "aPpLe", "baidu", "BAIDU", "google", "Google", "facebook", "FaceBook",
            "appl", "apples", "apple ", "goog1e", "", "channel-1", "f\u0430cebook", "\u212Aapple", "app\u0130e",
            "B\u0041IDU", "facebooK", "\u00e4pple"};
        for (String name : names) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String expected = lower.equals("apple") ? "0" : lower.equals("google") ? "1" : lower.equals("facebook") ? "2"
                    : lower.equals("baidu") ? "3" : null;
            assertEquals(expected, Q21.namedChannelId(name), "channel '" + name + "'");
        }
    }

    /**
     * Every character that lower() changes, or ASCII, or a surrogate, in every position of each name (replacing one, or added, or the name cut by one) and the
     * dotted capital I that lower() makes two characters of: namedChannelId, which rejects by length first,
     * agrees with lower().
     */
    @Test
    void namedChannelIdAgreesWithLowerCaseForEveryCharacterInEveryPosition() {
        for (String name : new String[] {"apple", "google", "facebook", "baidu"}) {
            for (int at = 0; at <= name.length(); at++) {
                String head = name.substring(0, at);
                assertAgrees(head + (at < name.length() ? name.substring(at + 1) : ""));
                for (char c = 0; c < Character.MAX_VALUE; c++) {
                    if (c >= 0x80 && Character.toLowerCase(c) == c && !Character.isSurrogate(c)) {
                        continue; // a non-ASCII character that lower() keeps cannot make a name
                    }
                    if (at < name.length()) {
                        assertAgrees(head + c + name.substring(at + 1));
                    }
                    assertAgrees(head + c + name.substring(at));
                }
                assertAgrees(head + "\u0130" + name.substring(Math.min(at + 1, name.length())));
                assertAgrees(head + "\ud801\udc00" + name.substring(Math.min(at + 2, name.length())));
            }
        }
    }

    private static void assertAgrees(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String expected = lower.equals("apple") ? "0" : lower.equals("google") ? "1" : lower.equals("facebook") ? "2"
                : lower.equals("baidu") ? "3" : null;
        String actual = Q21.namedChannelId(name);
        if (!java.util.Objects.equals(expected, actual)) {
            assertEquals(expected, actual, "channel '" + name + "'");
        }
    }
}
