package org.jdbsp.circuit;

import java.util.function.Supplier;
import org.jdbsp.circuit.internal.LinearOperators;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.TimeOperators;
import org.jdbsp.circuit.spi.Operator;

/** Builds each derived stream (negate, delay, integrate, differentiate) at most once per source stream; each keeps its source's placement. */
final class Derivations {
    private Derivations() {}

    private static Node derive(AbstractStream s, String kind, Supplier<Operator> op) {
        return s.builder.derived.computeIfAbsent(kind + ":" + s.node.id(),
                k -> s.builder.graph.add(kind, op.get(), s.layout(), s.node.id()).place(s.placement()));
    }

    static Node negate(AbstractStream s) {
        return derive(s, "negate", LinearOperators.Negate::new);
    }

    static Node delay(AbstractStream s) {
        return derive(s, "delay", () -> new TimeOperators.Delay(s.layout()));
    }

    static Node integrate(AbstractStream s) {
        return derive(s, "integrate", () -> new TimeOperators.Integrate(s.layout()));
    }

    static Node differentiate(AbstractStream s) {
        return derive(s, "differentiate", () -> new TimeOperators.Differentiate(s.layout()));
    }
}
