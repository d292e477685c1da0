package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void terminalsAreTtyAndPtyDevicesOnly() {
        assertTrue(Terminal.isTerminalPath("/dev/pts/3"));
        assertTrue(Terminal.isTerminalPath("/dev/tty1"));
        assertTrue(Terminal.isTerminalPath("/dev/console"));
        assertFalse(Terminal.isTerminalPath("pipe:[12345]"));
        assertFalse(Terminal.isTerminalPath("/dev/null"));
        assertFalse(Terminal.isTerminalPath("/tmp/err.log"));
        assertFalse(Terminal.isTerminalPath("socket:[99]"));
    }
}
