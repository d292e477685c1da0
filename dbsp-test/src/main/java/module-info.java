/**
 * jdbsp's test kit: Z-set literals, order-independent assertions with readable diffs, a driver that feeds a
 * circuit step by step and checks each step's change and the integral (on 1, 2 and 4 workers at once), and
 * seeded random trials. Meant for tests only; it needs {@code org.jdbsp.core} and opentest4j.
 */
module org.jdbsp.testkit {
    requires transitive org.jdbsp.core;
    requires transitive org.opentest4j;

    exports org.jdbsp.testkit;
}
