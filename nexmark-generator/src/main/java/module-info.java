/** The Nexmark event model and generator (reference-exact and per-event modes, parallel fan-in). */
module org.jdbsp.nexmark.generator {
    requires org.agrona.core;

    exports org.jdbsp.nexmark.generator;
    exports org.jdbsp.nexmark.model;
}
