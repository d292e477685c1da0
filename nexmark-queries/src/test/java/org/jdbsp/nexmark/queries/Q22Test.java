package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q22Test {
    private static final Q22 Q = new Q22();

    private static Bid bid(long auction, String url) {
        return new Bid(auction, 2001, 100, "Google", url, 1_000, "e");
    }

    @Test
    void splitsUrlsKeepingEmptyPiecesAndRetracts() {
        Bid normal = bid(1001, "https://www.nexmark.com/abc/d_e/fgh/item.htm?query=1&channel_id=5");
        Bid trailing = bid(1002, "https://www.nexmark.com/abc/");
        Bid short_ = bid(1003, "no-slashes");
        try (QueryCircuit<Q22.Row> q = QueryCircuit.start(Q)) {
            q.push(normal);
            q.push(trailing);
            q.push(short_);
            q.step();
            assertEquals(Map.of(new Q22.Row(1001, 2001, 100, "Google", "abc", "d_e", "fgh"), 1L,
                    new Q22.Row(1002, 2001, 100, "Google", "abc", "", null), 1L,
                    new Q22.Row(1003, 2001, 100, "Google", null, null, null), 1L), q.delta().toMap());
            q.push(trailing, -1);
            q.step();
            assertEquals(Map.of(new Q22.Row(1002, 2001, 100, "Google", "abc", "", null), -1L), q.delta().toMap());
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, price, channel, string_split(url, '/')[4] AS dir1,"
                        + " string_split(url, '/')[5] AS dir2, string_split(url, '/')[6] AS dir3 FROM bid",
                QueryOptions.defaults());
    }

    /** One pass over the URL gives the pieces SPLIT_INDEX gives, for URLs with every number of pieces. */
    @Test
    void rowSplitsAsSplitIndex() {
        String[] urls = {"", "/", "a", "a/b", "a/b/c", "a/b/c/", "a/b/c/d", "a/b/c/d/", "a/b/c/d/e", "a/b/c/d/e/",
            "a/b/c/d/e/f", "////", "//////", "https://www.nexmark.com/abc/d_e/fgh/item.htm?query=1&channel_id=5",
            "https://www.nexmark.com/abc/", "https://www.nexmark.com"};
        UrlDirectories dirs = new UrlDirectories(1);
        for (int pass = 0; pass < 3; pass++) {
            for (String url : urls) {
                Q22.Row r = Q22.row(bid(1, pass == 2 ? new String(url) : url), dirs);
                assertEquals(SplitIndex.of(url, '/', 3), r.dir1(), url);
                assertEquals(SplitIndex.of(url, '/', 4), r.dir2(), url);
                assertEquals(SplitIndex.of(url, '/', 5), r.dir3(), url);
            }
        }
    }

    /**
     * The bids of one URL share its split: q22 allocates no substrings per bid (the generator draws its URLs
     * from about 10,000 strings). A URL equal to a remembered one but another instance shares it too.
     */
    @Test
    void bidsOfOneUrlShareItsDirectoryStrings() {
        String url = "https://www.nexmark.com/abc/d_e/fgh/item.htm?query=1";
        try (QueryCircuit<Q22.Row> q = QueryCircuit.start(Q)) {
            q.push(bid(1001, url));
            q.push(bid(1002, url));
            q.push(bid(1003, new String(url)));
            q.step();
            List<Q22.Row> rows = new ArrayList<>(q.delta().toMap().keySet());
            assertEquals(3, rows.size());
            for (Q22.Row r : rows) {
                assertEquals("abc", r.dir1());
                assertSame(rows.get(0).dir1(), r.dir1());
                assertSame(rows.get(0).dir2(), r.dir2());
                assertSame(rows.get(0).dir3(), r.dir3());
            }
        }
    }

    /** URLs that share slots of a small table, in a shuffled order, each split as SPLIT_INDEX splits it. */
    @Test
    void collidingUrlsAreSplitByTheirOwnText() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            urls.add("https://h/" + i + "/d" + (i % 7) + (i % 3 == 0 ? "" : "/e" + i + "/x"));
        }
        UrlDirectories dirs = new UrlDirectories(3);
        Random rnd = new Random(22);
        for (int k = 0; k < 5_000; k++) {
            String url = urls.get(rnd.nextInt(urls.size()));
            UrlDirectories.Split s = dirs.of(url);
            assertEquals(SplitIndex.of(url, '/', 3), s.dir1(), url);
            assertEquals(SplitIndex.of(url, '/', 4), s.dir2(), url);
            assertEquals(SplitIndex.of(url, '/', 5), s.dir3(), url);
        }
        assertThrows(IllegalArgumentException.class, () -> new UrlDirectories(25));
    }
}
