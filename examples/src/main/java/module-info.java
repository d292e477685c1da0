/** Runnable examples of jdbsp's API, compiled by the build and quoted by the README. */
module org.jdbsp.examples {
    requires org.jdbsp.operators;
}
