package org.jdbsp.examples;

import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;

/**
 * A runnable tour of jdbsp: an incremental view of the large orders of each customer.
 *
 * Run it from the repository root after building:
 *   ./mvnw -q -DskipTests package
 *   java -cp 'examples/target/classes:examples/target/lib/*' org.jdbsp.examples.Quickstart
 */
public class Quickstart {
    record Order(long id, String customer, long cents) {}

    record LargeOrder(String customer, long id) {}

    record Io(ZSetInput<Order> orders, ZSetOutput<LargeOrder> large) {}

    public static void main(String[] args) {
        try (CircuitHandle<Io> h = Circuit.build(c -> {
            ZSetInput<Order> orders = c.zsetInput("orders");
            ZSetOutput<LargeOrder> large = orders.stream()
                    .filter(o -> o.cents() >= 100_00)
                    .map(o -> new LargeOrder(o.customer(), o.id()))
                    .output();
            return new Io(orders, large);
        })) {
            Order a = new Order(1, "ada", 250_00);
            Order b = new Order(2, "bob", 20_00);
            Order c = new Order(3, "cy", 990_00);

            h.io().orders().push(a, +1);                  // insert
            h.io().orders().push(b, +1);
            h.io().orders().push(c, +1);
            h.step();                                     // one clock tick
            System.out.println("step 1 changes: " + h.io().large().delta());

            h.io().orders().push(c, -1);                  // delete order 3 ...
            h.io().orders().push(new Order(3, "cy", 50_00), +1);   // ... and insert its new version
            h.step();
            System.out.println("step 2 changes: " + h.io().large().delta());
            System.out.println("current view:   " + h.io().large().integral());
        }
    }
}
