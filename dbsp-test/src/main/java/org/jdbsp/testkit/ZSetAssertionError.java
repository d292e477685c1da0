package org.jdbsp.testkit;

import org.opentest4j.AssertionFailedError;

/**
 * Two Z-sets differ: the message lists the records missing, extra and with another weight
 * ({@link ZSetDiff#report()}); the expected and actual values are both contents as text, one record a
 * line in a stable order, so JUnit and IDEs show them side by side. An {@link AssertionError}, so any test
 * framework reports it as a failure.
 */
public class ZSetAssertionError extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient ZSetDiff diff;

    /** A failure described by {@code what} (e.g. "change of 'large' at step 2") and the difference found. */
    public ZSetAssertionError(String what, ZSetDiff diff) {
        super(what + ": Z-sets differ, " + diff.report(), diff.expectedText(), diff.actualText());
        this.diff = diff;
    }

    /** The difference, record by record (null after deserialization). */
    public ZSetDiff diff() {
        return diff;
    }
}
