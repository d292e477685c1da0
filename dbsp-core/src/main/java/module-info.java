/**
 * jdbsp's core: Z-sets, the circuit builder and runtime (the API), and the operator SPI.
 *
 * <p>Exported: the API ({@code org.jdbsp.zset}, {@code org.jdbsp.circuit}, {@code org.jdbsp.codec}, {@code org.jdbsp.checkpoint}) and the
 * SPI for operator and storage authors ({@code org.jdbsp.circuit.spi}, {@code org.jdbsp.zset.spi},
 * {@code org.jdbsp.trace}, {@code org.jdbsp.storage.spi}). The
 * {@code internal} packages and {@code org.jdbsp.storage.runtime} are not exported.
 *
 * <p>The natural order and the exchanges read the components of user records reflectively; an application
 * that is itself a named module opens the packages of its records to this module
 * ({@code opens com.example.model to org.jdbsp.core;}), or gives those streams a {@code Comparator}.
 */
module org.jdbsp.core {
    requires java.management;
    requires org.agrona.core;

    exports org.jdbsp.checkpoint;
    exports org.jdbsp.circuit;
    exports org.jdbsp.circuit.spi;
    exports org.jdbsp.codec;
    exports org.jdbsp.storage.spi;
    exports org.jdbsp.trace;
    exports org.jdbsp.zset;
    exports org.jdbsp.zset.spi;
}
