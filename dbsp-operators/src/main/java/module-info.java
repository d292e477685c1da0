/**
 * jdbsp's relational and time operators: joins, aggregates, distinct, top-k, lag, watermarks and windows,
 * built on the SPI of {@code org.jdbsp.core}. The {@code internal} packages are not exported.
 */
module org.jdbsp.operators {
    requires transitive org.jdbsp.core;
    requires it.unimi.dsi.fastutil;

    exports org.jdbsp.operators;
    exports org.jdbsp.operators.aggregate;
    exports org.jdbsp.operators.distinct;
    exports org.jdbsp.operators.join;
    exports org.jdbsp.operators.lag;
    exports org.jdbsp.operators.time;
    exports org.jdbsp.operators.topk;
    exports org.jdbsp.operators.window;
}
