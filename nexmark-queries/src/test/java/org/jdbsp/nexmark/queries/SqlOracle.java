package org.jdbsp.nexmark.queries;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;

/**
 * The test oracle: an in-memory DuckDB database holding the same events as tables {@code person},
 * {@code auction} and {@code bid} (columns named as in the suite's DDL; {@code dateTime} and
 * {@code expires} are BIGINT epoch milliseconds, so SQL uses {@code epoch_ms(dateTime)} where it needs a
 * TIMESTAMP), which runs a query's SQL and returns its result in the export format.
 */
final class SqlOracle implements AutoCloseable {
    private final Connection connection;

    private SqlOracle(Connection connection) {
        this.connection = connection;
    }

    /** A fresh in-memory database loaded with {@code events}. */
    static SqlOracle load(List<Event> events) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("CREATE TABLE person (id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR,"
                        + " city VARCHAR, state VARCHAR, dateTime BIGINT, extra VARCHAR)");
                s.execute("CREATE TABLE auction (id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT,"
                        + " reserve BIGINT, dateTime BIGINT, expires BIGINT, seller BIGINT, category BIGINT, extra VARCHAR)");
                s.execute("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,"
                        + " dateTime BIGINT, extra VARCHAR)");
            }
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            try (DuckDBAppender persons = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "person");
                 DuckDBAppender auctions = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "auction");
                 DuckDBAppender bids = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bid")) {
                for (Event e : events) {
                    if (e instanceof Person p) {
                        persons.beginRow();
                        persons.append(p.id());
                        persons.append(p.name());
                        persons.append(p.emailAddress());
                        persons.append(p.creditCard());
                        persons.append(p.city());
                        persons.append(p.state());
                        persons.append(p.dateTime());
                        persons.append(p.extra());
                        persons.endRow();
                    } else if (e instanceof Auction a) {
                        auctions.beginRow();
                        auctions.append(a.id());
                        auctions.append(a.itemName());
                        auctions.append(a.description());
                        auctions.append(a.initialBid());
                        auctions.append(a.reserve());
                        auctions.append(a.dateTime());
                        auctions.append(a.expires());
                        auctions.append(a.seller());
                        auctions.append(a.category());
                        auctions.append(a.extra());
                        auctions.endRow();
                    } else if (e instanceof Bid b) {
                        bids.beginRow();
                        bids.append(b.auction());
                        bids.append(b.bidder());
                        bids.append(b.price());
                        bids.append(b.channel());
                        bids.append(b.url());
                        bids.append(b.dateTime());
                        bids.append(b.extra());
                        bids.endRow();
                    }
                }
            }
            return new SqlOracle(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the events into DuckDB", e);
        }
    }

    /** The connection, for tests that need more tables (for example a side input). */
    Connection connection() {
        return connection;
    }

    /**
     * Adds the table {@code event_order(kind VARCHAR, kind_row BIGINT, seq BIGINT)}: for each of {@code events}
     * (the list this oracle was loaded with) its kind ({@code 'person'}, {@code 'auction'} or {@code 'bid'}),
     * its row in that kind's table (the table's {@code rowid}: {@link #load} appends each kind in input order)
     * and its position in the input, all 0-based. For SQL that depends on where an event falls in the input,
     * such as the processing time of the step that carries it.
     */
    void addEventOrder(List<Event> events) {
        execute("CREATE TABLE event_order (kind VARCHAR, kind_row BIGINT, seq BIGINT)");
        long[] rows = new long[3];
        try (DuckDBAppender order = connection.unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "event_order")) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                int kind = e instanceof Person ? 0 : e instanceof Auction ? 1 : 2;
                order.beginRow();
                order.append(kind == 0 ? "person" : kind == 1 ? "auction" : "bid");
                order.append(rows[kind]++);
                order.append((long) i);
                order.endRow();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not load the event order into DuckDB", ex);
        }
    }

    /** Runs one statement that returns no rows (for example {@code CREATE TABLE}). */
    void execute(String statement) {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + statement, e);
        }
    }

    /**
     * Runs {@code sql} and returns each distinct result row in the export format ({@link ResultFormat}),
     * mapped to its multiplicity. BIGINT / INTEGER columns become whole numbers, DECIMAL plain decimals,
     * VARCHAR text, NULL {@code NULL}; write timestamps in SQL as epoch milliseconds.
     */
    TreeMap<String, Long> rows(String sql) {
        TreeMap<String, Long> lines = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.setLength(0);
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    Object v = rs.getObject(i);
                    if (v instanceof BigDecimal d) {
                        sb.append(d.toPlainString());
                    } else if (v instanceof java.math.BigInteger big) {
                        sb.append(big);
                    } else {
                        sb.append(ResultFormat.value(v));
                    }
                }
                lines.merge(sb.toString(), 1L, Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql, e);
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
