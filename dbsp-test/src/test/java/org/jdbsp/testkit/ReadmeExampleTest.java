package org.jdbsp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example of the README's "Testing your circuits", compiled and run; the README shows its body verbatim. */
@Timeout(60)
class ReadmeExampleTest {
    record Order(long id, String customer, long cents) {}
    record LargeOrder(String customer, long id) {}
    record Io(ZSetInput<Order> orders, ZSetOutput<LargeOrder> large) {}

    // README example begins
    @Test
    void largeOrdersFollowInsertsAndUpdates() {
        try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(c -> {   // 1, 2 and 4 workers
                ZSetInput<Order> orders = c.zsetInput("orders");
                return new Io(orders, orders.stream()
                        .filter(o -> o.cents() >= 100_00)
                        .map(o -> new LargeOrder(o.customer(), o.id()))
                        .output());
            })) {
            d.watch("large", Io::large);      // every step: the same change and integral on each worker count
            d.push(io -> {
                io.orders().push(new Order(1, "ada", 250_00), 1);
                io.orders().push(new Order(2, "bo", 20_00), 1);
            }).step();
            d.expectDelta("large", Io::large, ZSets.of(new LargeOrder("ada", 1), 1));

            d.push(io -> {
                io.orders().push(new Order(2, "bo", 20_00), -1);
                io.orders().push(new Order(2, "bo", 120_00), 1);
            }).step();
            d.expectDelta("large", Io::large, ZSets.of(new LargeOrder("bo", 2), 1));
            d.expectIntegral("large", Io::large, ZSets.of(new LargeOrder("ada", 1), 1, new LargeOrder("bo", 2), 1));
        }
    }
    // README example ends

    @Test
    void theReadmeShowsTheFailureOfAWrongExpectation() throws IOException {
        ZSetAssertionError e;
        try (CircuitTestDriver<Io> d = CircuitTestDriver.onEveryWorkerCount(c -> {
                ZSetInput<Order> orders = c.zsetInput("orders");
                return new Io(orders, orders.stream().filter(o -> o.cents() >= 100_00).map(o -> new LargeOrder(o.customer(), o.id())).output());
            })) {
            d.watch("large", Io::large).step();
            d.push(io -> io.orders().push(new Order(2, "bo", 120_00), 1)).step();
            e = assertThrows(ZSetAssertionError.class, () -> d.expectDelta("large", Io::large, ZSets.of(new LargeOrder("bo", 3), 1)));
        }
        String readme = System.getProperty("jdbsp.readme");
        if (readme != null) {
            String shown = between(Files.readString(Path.of(readme)), "A wrong expectation fails with, for example:\n\n```\n", "```\n");
            assertEquals(shown, e.getMessage() + "\n");
        }
    }

    @Test
    void theReadmeShowsThisExample() throws IOException {
        String readme = System.getProperty("jdbsp.readme");
        if (readme == null) {
            return;   // run outside Maven: nothing to compare with
        }
        String text = Files.readString(Path.of(readme));
        String source = Files.readString(Path.of(System.getProperty("jdbsp.testSources"), "org/jdbsp/testkit/ReadmeExampleTest.java"));
        String shown = between(text, "<!-- example: dbsp-test ReadmeExampleTest -->\n```java\n", "```\n");
        String body = between(source, "    // README example begins\n", "    // README example ends\n");
        List<String> bodyLines = body.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).toList();
        assertTrue(shown.length() > 100, "the README holds the example");
        assertEquals(String.join("\n", bodyLines) + "\n", shown, "README's \"Testing your circuits\" shows ReadmeExampleTest's example");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start.strip());
        from += start.length();
        int to = text.indexOf(end, from);
        assertTrue(to >= 0, "no end " + end.strip());
        return text.substring(from, to);
    }
}
