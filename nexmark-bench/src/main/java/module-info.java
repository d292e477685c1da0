/**
 * The Nexmark benchmark: the command line ({@code nexmark-bench.jar}) and the JMH benchmarks. It runs from its
 * shaded jar on the class path; this descriptor states its dependencies and lets picocli read the options.
 */
module org.jdbsp.bench {
    requires org.jdbsp.nexmark.queries;
    requires info.picocli;
    requires jmh.core;
    requires HdrHistogram;
    requires java.management;
    requires jdk.management;

    opens org.jdbsp.bench.cli to info.picocli;
}
