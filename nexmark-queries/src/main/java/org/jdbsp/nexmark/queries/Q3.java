package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.operators.join.Joins;

/**
 * q3, local item suggestion: who sells in category 10 from Oregon, Idaho or California, and which auctions.
 *
 * <pre>{@code
 * SELECT P.name, P.city, P.state, A.id
 * FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
 * WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
 * }</pre>
 *
 * Output columns: name, city, state, id (the auction's). An unbounded incremental join: both filtered
 * sides are kept (auctions as seller to id, persons as id to name, city and state), so an auction and its
 * seller match in whichever order they arrive, and deleting either retracts the row.
 */
public final class Q3 implements NexmarkQuery<Q3.Row> {
    /** Creates the query. */
    public Q3() {}

    /** The auction category q3 selects. */
    public static final long CATEGORY = 10;

    /** A row of q3's result. */
    public record Row(String name, String city, String state, long id) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {name, city, state, id};
        }
    }

    /** The columns of a person that q3 keeps. */
    record Seller(String name, String city, String state) {}

    static boolean inSelectedState(String state) {
        return "OR".equals(state) || "ID".equals(state) || "CA".equals(state);
    }

    /** q3 over streams of auctions and persons. */
    public static ZSetStream<Row> query(ZSetStream<Auction> auctions, ZSetStream<Person> persons) {
        IndexedZSetStream<Long, Long> auctionsBySeller = auctions.filter(a -> a.category() == CATEGORY)
                .indexLongToLong(Auction::seller, Auction::id);
        IndexedZSetStream<Long, Seller> sellersById = persons.filter(p -> inSelectedState(p.state()))
                .indexByLong(Person::id, p -> new Seller(p.name(), p.city(), p.state()));
        return Joins.join(auctionsBySeller, sellersById, (Long id, Seller s) -> new Row(s.name(), s.city(), s.state(), id));
    }

    @Override
    public String name() {
        return "q3";
    }

    @Override
    public List<String> columns() {
        return List.of("name", "city", "state", "id");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.auctions(), in.persons());
    }
}
