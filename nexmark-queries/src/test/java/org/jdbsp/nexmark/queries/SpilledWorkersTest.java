package org.jdbsp.nexmark.queries;

import org.jdbsp.testkit.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every query of {@link WorkersTest} again with storage forced: on 2 and 4 workers every trace batch is in a
 * file, and each step's change and integral must equal those of 1 worker on the heap.
 */
class SpilledWorkersTest extends WorkersTest {
    @BeforeEach
    void forceStorage() {
        TestStorage.force(true);
    }

    @AfterEach
    void stopForcing() {
        TestStorage.force(false);
    }
}
