package org.jdbsp.examples;

import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.Relation;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.Windows;

/**
 * A join, an aggregate and a window on two workers: the orders of a shop joined with its customers, the
 * revenue of each country, and the orders of each country per minute of event time. The relational
 * operators are methods of {@link Relation}, the core stream of an input seen through {@code Relation.of}.
 *
 * <p>The output is the same on any number of workers (the first argument; 2 by default). Run it from the
 * repository root (see the README, "Use it in your project"):
 * <pre>
 *   ./mvnw -q -DskipTests package
 *   java -cp 'examples/target/classes:examples/target/lib/*' org.jdbsp.examples.ShopReport
 * </pre>
 */
public final class ShopReport {
    record Customer(long id, String name, String country) {}

    record Order(long id, long customerId, long cents, long timeMs) {}

    record Sale(String country, String customer, long cents, long timeMs) {}

    record Io(ZSetInput<Customer> customers, ZSetInput<Order> orders, Watermark watermark,
              IndexedZSetOutput<String, Long> revenue, ZSetOutput<WindowResult<String, Long>> perMinute) {}

    private ShopReport() {}

    /** Runs the report on two workers, or on as many as the first argument says. */
    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers);
        try (CircuitHandle<Io> h = Circuit.build(config, c -> {
            ZSetInput<Customer> customers = c.zsetInput("customers");
            ZSetInput<Order> orders = c.zsetInput("orders");
            // join: each order with its customer, on the customer id
            Relation<Sale> sales = Relation.of(orders)
                    .indexByLong(Order::customerId, o -> o)
                    .join(customers.stream().indexByLong(Customer::id, cu -> cu),
                            (o, cu) -> new Sale(cu.country(), cu.name(), o.cents(), o.timeMs()));
            // aggregate: the revenue of each country
            IndexedZSetOutput<String, Long> revenue = sales.groupBy(Sale::country).sum(Sale::cents).output();
            // window: the orders of each country per minute, final once the watermark passes the minute
            Watermark watermark = Relation.of(orders).watermark(Order::timeMs, 0);
            ZSetOutput<WindowResult<String, Long>> perMinute = sales
                    .window(Windows.tumbling(60_000), Sale::timeMs, watermark)
                    .count(Sale::country)
                    .output();
            return new Io(customers, orders, watermark, revenue, perMinute);
        })) {
            Customer ada = new Customer(1, "ada", "fr");
            Customer bob = new Customer(2, "bob", "us");
            Customer cy = new Customer(3, "cy", "us");
            h.io().customers().push(ada, +1);
            h.io().customers().push(bob, +1);
            h.io().customers().push(cy, +1);
            h.io().orders().push(new Order(10, 1, 25_00, 5_000), +1);
            h.io().orders().push(new Order(11, 2, 40_00, 20_000), +1);
            h.io().orders().push(new Order(12, 3, 15_00, 50_000), +1);
            h.step();
            report(1, h.io());

            h.io().customers().push(cy, -1);                             // cy moves to France:
            h.io().customers().push(new Customer(3, "cy", "fr"), +1);    // her orders follow her
            h.io().orders().push(new Order(13, 1, 10_00, 70_000), +1);   // a minute later: the first minute closes
            h.step();
            report(2, h.io());

            h.io().watermark().endOfInput();                             // no more orders: close every window
            h.step();
            report(3, h.io());
            System.out.println("revenue now:    " + h.io().revenue().integral());
        }
    }

    private static void report(int step, Io io) {
        System.out.println("step " + step + " revenue changes: " + io.revenue().delta());
        System.out.println("step " + step + " closed minutes:  " + io.perMinute().delta());
    }
}
