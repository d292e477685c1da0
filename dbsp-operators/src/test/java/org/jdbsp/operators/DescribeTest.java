package org.jdbsp.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitDescription;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.CircuitMetrics;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.OperatorDescription;
import org.jdbsp.circuit.OperatorMetrics;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Wiring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * describe() and metrics() of a circuit with a join and an aggregate: on one worker no exchange; on two, the
 * join's inputs sharded by the index before consolidating, the sum's partial sums sharded, the output gathered;
 * the metrics count the same tuples for any W and the traces' state is the data they integrate.
 */
class DescribeTest {
    record Order(long id, long customer, long cents) {}

    record Customer(long id, String country) {}

    record Sale(long order, String country, long cents) {}

    record Io(ZSetInput<Order> orders, ZSetInput<Customer> customers, IndexedZSetOutput<String, Long> revenue) {}

    private static CircuitHandle<Io> shop(int workers, List<IntegralTrace> traces) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("shop"), c -> {
            ZSetInput<Order> orders = c.zsetInput("orders");
            ZSetInput<Customer> customers = c.zsetInput("customers");
            IndexedRelation<Long, Order> byCustomer = Relation.of(orders.stream()).indexByLong(Order::customer, o -> o).named("orders by customer");
            IndexedRelation<Long, Customer> byId = Relation.of(customers.stream()).indexByLong(Customer::id, cu -> cu).named("customers by id");
            Relation<Sale> sales = byCustomer.join(byId, (o, cu) -> new Sale(o.id(), cu.country(), o.cents())).named("sales");
            IndexedZSetOutput<String, Long> revenue = sales.groupBy(Sale::country).sum(Sale::cents).named("revenue").output("revenue");
            // the join's shared traces (the same objects the join reads)
            traces.add(Wiring.integralTrace(byCustomer.shard()));
            traces.add(Wiring.integralTrace(byId.shard()));
            return new Io(orders, customers, revenue);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theDescriptionShowsTheOperatorsAndTheExchanges(int workers) {
        try (CircuitHandle<Io> h = shop(workers, new ArrayList<>())) {
            CircuitDescription d = h.describe();
            String text = d.toString();
            List<String> lines = text.lines().toList();
            assertEquals(workers, d.workers());
            assertEquals(h.operatorCount(), d.operators().size());
            assertEquals(d.operators().size() + 1, lines.size(), text);
            assertTrue(lines.get(0).startsWith("circuit 'shop': " + (workers == 1 ? "1 worker, " : "2 workers, each running this replica")), text);
            OperatorDescription join = only(d, "join");
            OperatorDescription orders = named(d, "orders by customer");
            OperatorDescription customers = named(d, "customers by id");
            assertEquals("sales", join.name());
            assertEquals(List.of(orders.id(), customers.id()), join.inputs());
            assertEquals("indexed<LONG, OBJECT>", orders.layout());
            assertEquals("zset<OBJECT>", join.layout());
            assertEquals(named(d, "orders").id(), orders.inputs().get(0));
            assertEquals(2, d.operators().stream().filter(o -> o.kind().equals("trace") && o.strict()).count());
            // schedule order: each operator after its inputs, strict ones excepted
            List<Integer> order = d.operators().stream().map(OperatorDescription::id).toList();
            for (OperatorDescription op : d.operators()) {
                for (int in : op.inputs()) {
                    assertTrue(op.strict() || order.indexOf(in) < order.indexOf(op.id()), text);
                }
            }
            OperatorDescription output = named(d, "revenue", "output");
            if (workers == 1) {
                assertFalse(text.contains("exchange"), text);
                assertEquals(named(d, "revenue", "sum").id(), output.inputs().get(0));
            } else {
                assertEquals("shard by key, before consolidating", orders.exchange());
                assertEquals(Placement.SHARDED, orders.placement());
                assertEquals("shard by key, before consolidating", customers.exchange());
                // the join's traces hold the sharded streams
                assertTrue(d.operators().stream().filter(o -> o.kind().equals("trace")).allMatch(o -> o.placement() == Placement.SHARDED), text);
                OperatorDescription gather = byId(d, output.inputs().get(0));
                assertEquals("gather to worker 0", gather.exchange());
                OperatorDescription sum = byId(d, gather.inputs().get(0));
                assertEquals("revenue", sum.name());
                OperatorDescription shard = byId(d, sum.inputs().get(0));
                assertEquals("shard by key", shard.exchange());
                assertEquals("sum (partial)", byId(d, shard.inputs().get(0)).kind());
                assertTrue(text.contains("  exchange: gather to worker 0"), text);
            }
            assertTrue(lines.stream().anyMatch(l -> l.matches("#" + join.id() + " join \"sales\" +in=#" + orders.id() + ",#"
                    + customers.id() + " +out=zset<OBJECT> +ANY")), text);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theMetricsCountTheSameTuplesOnAnyNumberOfWorkersAndTheTracesHoldTheData(int workers) {
        List<IntegralTrace> traces = new ArrayList<>();
        try (CircuitHandle<Io> h = shop(workers, traces)) {
            String[] countries = {"fr", "us", "de"};
            for (long c = 0; c < 6; c++) {
                h.io().customers().push(new Customer(c, countries[(int) (c % 3)]));
            }
            for (long o = 0; o < 20; o++) {
                h.io().orders().push(new Order(o, o % 8, 100 + o));   // customers 6 and 7 do not exist
            }
            h.step();
            for (long o = 20; o < 25; o++) {
                h.io().orders().push(new Order(o, o % 3, 7));        // customers 0..2: fr, us, de
            }
            h.step();
            CircuitMetrics m = h.metrics();
            assertEquals(25, m.operator("input 'orders'").tuplesOut());
            assertEquals(6, m.operator("input 'customers'").tuplesOut());
            assertEquals(25, m.operator("orders by customer").tuplesIn());
            assertEquals(25, m.operator("orders by customer").tuplesOut());
            OperatorMetrics sales = m.operator("sales");
            assertEquals(25 + 6, sales.tuplesIn());
            assertEquals(16 + 5, sales.tuplesOut(), "the orders of customers 0..5 (16 of the first 20, all 5 later), each sold once");
            // step 1: one row per country; step 2: each of the 3 countries retracted and inserted again
            assertEquals(3 + 6, m.operator("output 'revenue'").tuplesIn());
            List<OperatorMetrics> traceMetrics = m.operators().stream().filter(o -> o.kind().equals("trace")).toList();
            assertEquals(2, traceMetrics.size());
            assertEquals(25 + 6, traceMetrics.stream().mapToLong(OperatorMetrics::stateTuples).sum());
            assertEquals(traces.stream().mapToLong(t -> t.trace().storedTuples()).sum(),
                    traceMetrics.stream().mapToLong(OperatorMetrics::stateTuples).sum());
            assertTrue(traceMetrics.stream().allMatch(t -> t.stateBytes() >= t.stateTuples() * Long.BYTES), traceMetrics.toString());
            assertEquals(h.stateTuples(), m.totalStateTuples());
            assertTrue(m.totalNanos() > 0);
            assertEquals(m.topByTime(3).get(0).nanos(), m.operators().stream().mapToLong(OperatorMetrics::nanos).max().orElseThrow());
            assertTrue(m.topByState(10).stream().anyMatch(o -> o.kind().equals("trace")), m.toString());
        }
    }

    private static OperatorDescription only(CircuitDescription d, String kind) {
        List<OperatorDescription> found = d.operators().stream().filter(o -> o.kind().equals(kind)).toList();
        assertEquals(1, found.size(), d.toString());
        return found.get(0);
    }

    private static OperatorDescription named(CircuitDescription d, String name) {
        return d.operators().stream().filter(o -> name.equals(o.name())).findFirst().orElseThrow(() -> new AssertionError(name + " in " + d));
    }

    private static OperatorDescription named(CircuitDescription d, String name, String kind) {
        return d.operators().stream().filter(o -> name.equals(o.name()) && o.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " in " + d));
    }

    private static OperatorDescription byId(CircuitDescription d, int id) {
        return d.operators().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }
}
