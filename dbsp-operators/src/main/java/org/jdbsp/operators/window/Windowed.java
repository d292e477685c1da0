package org.jdbsp.operators.window;

/**
 * A record together with one window it falls into, {@code [start, end)}: the rows of a window
 * table-valued function (Flink's {@code TUMBLE}/{@code HOP}), made by {@link TimeWindows#assign}.
 *
 * @param start the window start, inclusive
 * @param end   the window end, exclusive
 * @param value the record
 * @param <T>   the record type
 */
public record Windowed<T>(long start, long end, T value) {}
