package org.jdbsp.zset;

/** How one column of a batch is stored. */
public enum ColumnKind {
    /** A {@code long[]} column: long and int keys or values, never boxed. */
    LONG,
    /** An {@code Object[]} column ordered by a comparator: records of user types. */
    OBJECT,
    /** No column: the batch is a plain Z-set, every value is the unit. */
    NONE
}
