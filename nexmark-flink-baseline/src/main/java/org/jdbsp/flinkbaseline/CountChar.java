package org.jdbsp.flinkbaseline;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * q14's user-defined function {@code count_char(s, c)} on Flink: how many bytes of the UTF-8 encoding of {@code s}
 * equal the first byte of that of {@code c}, as our q14 counts them ({@link org.jdbsp.nexmark.queries.CountChar});
 * NULL if {@code c} is NULL.
 */
public final class CountChar extends ScalarFunction {
    /** The function's name in the SQL. */
    public static final String NAME = "count_char";
    private static final long serialVersionUID = 1L;

    /** The count of {@code c}'s first byte in {@code s}. */
    public Long eval(String s, String c) {
        return c == null ? null : org.jdbsp.nexmark.queries.CountChar.count(s, c);
    }
}
