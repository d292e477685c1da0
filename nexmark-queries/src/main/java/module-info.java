/** The Nexmark queries q0..q22 as jdbsp circuits. The {@code internal} package is not exported. */
module org.jdbsp.nexmark.queries {
    requires transitive org.jdbsp.operators;
    requires transitive org.jdbsp.nexmark.generator;

    exports org.jdbsp.nexmark.queries;
}
