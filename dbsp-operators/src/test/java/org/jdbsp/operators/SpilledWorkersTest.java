package org.jdbsp.operators;

import org.jdbsp.testkit.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every {@link WorkersTest} again with storage forced (every trace batch in a file): the circuits on 2 and 4
 * workers keep their state in files and must give, step by step, the changes and integrals of the one on 1
 * worker, which stays on the heap ({@link WorkersTest.AnyCodec} encodes the tests' {@code Object} components).
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
