package org.jdbsp.flinkbaseline;

import java.nio.charset.StandardCharsets;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * q14's user-defined function {@code count_char(s, c)}: how many bytes of the UTF-8 encoding of {@code s} equal the
 * first byte of that of {@code c} (NULL if either is NULL, 0 if {@code c} is empty).
 */
public final class CountChar extends ScalarFunction {
    /** The function's name in the SQL. */
    public static final String NAME = "count_char";
    private static final long serialVersionUID = 1L;

    /** The count of {@code c}'s first byte in {@code s}. */
    public Long eval(String s, String c) {
        if (s == null || c == null) {
            return null;
        }
        if (c.isEmpty()) {
            return 0L;
        }
        byte target = c.getBytes(StandardCharsets.UTF_8)[0];
        long n = 0;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            if (b == target) {
                n++;
            }
        }
        return n;
    }
}
