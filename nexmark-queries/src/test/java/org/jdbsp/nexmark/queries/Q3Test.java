package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q3Test {
    private static final Q3 Q = new Q3();

    private static Person person(long id, String name, String city, String state) {
        return new Person(id, name, name + "@x.com", "1111 2222 3333 4444", city, state, 1_000, "p");
    }

    private static Auction auction(long id, long seller, long category) {
        return new Auction(id, "item", "desc", 100, 200, 1_000, 1_100, seller, category, "a");
    }

    @Test
    void joinsInEitherArrivalOrderAndRetracts() {
        Person ann = person(1100, "Ann", "Bend", "OR");
        Person bob = person(1200, "Bob", "Boise", "ID");
        Person wa = person(1300, "Cy", "Kent", "WA");
        try (QueryCircuit<Q3.Row> q = QueryCircuit.start(Q)) {
            // Step 1: an auction before its seller, a seller before his auction, an unselected state and category.
            q.push(auction(2001, 1100, 10));
            q.push(bob);
            q.push(wa);
            q.push(auction(2002, 1300, 10));
            q.push(auction(2003, 1200, 11));
            q.step();
            assertEquals(ZSet.empty(), q.delta());
            // Step 2: the auction's seller arrives; the earlier seller gets his auction.
            q.push(ann);
            q.push(auction(2004, 1200, 10));
            q.step();
            assertEquals(Map.of(new Q3.Row("Ann", "Bend", "OR", 2001), 1L, new Q3.Row("Bob",
                    "Boise", "ID", 2004), 1L), q.delta().toMap());
            // Step 3: a second auction of Ann; an auction and its seller in the same step.
            q.push(auction(2005, 1100, 10));
            q.push(person(1400, "Dee", "Los Angeles", "CA"));
            q.push(auction(2006, 1400, 10));
            q.step();
            assertEquals(Map.of(new Q3.Row("Ann", "Bend", "OR", 2005), 1L,
                    new Q3.Row("Dee", "Los Angeles", "CA", 2006), 1L), q.delta().toMap());
            // Step 4: deleting Ann retracts both her rows; deleting an auction retracts its row.
            q.push(ann, -1);
            q.push(auction(2004, 1200, 10), -1);
            q.step();
            assertEquals(Map.of(new Q3.Row("Ann", "Bend", "OR", 2001), -1L, new Q3.Row("Ann", "Bend", "OR", 2005), -1L,
                    new Q3.Row("Bob", "Boise", "ID", 2004), -1L), q.delta().toMap());
            assertEquals(Map.of(new Q3.Row("Dee", "Los Angeles", "CA", 2006), 1L), q.integral().toMap());
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT P.name, P.city, P.state, A.id FROM auction AS A JOIN person AS P ON A.seller = P.id"
                        + " WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')",
                QueryOptions.defaults());
    }
}
