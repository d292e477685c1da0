package org.jdbsp.zset;

import java.util.Comparator;
import java.util.Objects;

/**
 * How the tuples of a batch are stored and ordered: the kind of its key column, the kind of its value
 * column, and the comparators of object columns.
 *
 * <p>A plain Z-set has keys only ({@link ColumnKind#NONE} values); an indexed Z-set has both. Batches
 * can only be combined when their layouts are {@linkplain #equals equal}.
 */
public final class Layout {
    /** A Z-set of records ordered by {@link Orders#natural()}. */
    public static final Layout OBJECTS = new Layout(ColumnKind.OBJECT, Orders.natural(), ColumnKind.NONE, null);
    /** A Z-set of longs. */
    public static final Layout LONGS = new Layout(ColumnKind.LONG, null, ColumnKind.NONE, null);

    private final ColumnKind keyKind;
    private final Comparator<Object> keyOrder;
    private final ColumnKind valueKind;
    private final Comparator<Object> valueOrder;

    private Layout(ColumnKind keyKind, Comparator<Object> keyOrder, ColumnKind valueKind, Comparator<Object> valueOrder) {
        this.keyKind = keyKind;
        this.keyOrder = keyOrder;
        this.valueKind = valueKind;
        this.valueOrder = valueOrder;
    }

    /** A Z-set of records ordered by {@code order}. */
    @SuppressWarnings("unchecked")
    public static Layout zset(Comparator<?> order) {
        return new Layout(ColumnKind.OBJECT, (Comparator<Object>) Objects.requireNonNull(order, "order"), ColumnKind.NONE, null);
    }

    /** An indexed Z-set with the given key and value columns; orders are ignored for non-object columns. */
    @SuppressWarnings("unchecked")
    public static Layout indexed(ColumnKind keyKind, Comparator<?> keyOrder, ColumnKind valueKind, Comparator<?> valueOrder) {
        if (keyKind == ColumnKind.NONE) {
            throw new IllegalArgumentException("the key column cannot be NONE");
        }
        Comparator<Object> ko = keyKind == ColumnKind.OBJECT
                ? (Comparator<Object>) Objects.requireNonNull(keyOrder, "keyOrder") : null;
        Comparator<Object> vo = valueKind == ColumnKind.OBJECT
                ? (Comparator<Object>) Objects.requireNonNull(valueOrder, "valueOrder") : null;
        return new Layout(keyKind, ko, valueKind, vo);
    }

    /** Long keys, object values in the natural order. */
    public static Layout longToObjects() {
        return indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, Orders.natural());
    }

    /** Long keys, long values. */
    public static Layout longToLongs() {
        return indexed(ColumnKind.LONG, null, ColumnKind.LONG, null);
    }

    /** Object keys in the natural order, object values in the natural order. */
    public static Layout objectsToObjects() {
        return indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, Orders.natural());
    }

    /** How keys are stored. */
    public ColumnKind keyKind() {
        return keyKind;
    }

    /** How values are stored; {@link ColumnKind#NONE} for a plain Z-set. */
    public ColumnKind valueKind() {
        return valueKind;
    }

    /** The order of object keys, or null when keys are longs. */
    public Comparator<Object> keyOrder() {
        return keyOrder;
    }

    /** The order of object values, or null when values are longs or absent. */
    public Comparator<Object> valueOrder() {
        return valueOrder;
    }

    /** True when this layout has no value column. */
    public boolean isPlainZSet() {
        return valueKind == ColumnKind.NONE;
    }

    /** The layout of a plain Z-set whose records are this layout's keys. */
    public Layout keysOnly() {
        return valueKind == ColumnKind.NONE ? this : new Layout(keyKind, keyOrder, ColumnKind.NONE, null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Layout)) {
            return false;
        }
        Layout l = (Layout) o;
        return keyKind == l.keyKind && valueKind == l.valueKind
                && Objects.equals(keyOrder, l.keyOrder) && Objects.equals(valueOrder, l.valueOrder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyKind, valueKind, keyOrder, valueOrder);
    }

    @Override
    public String toString() {
        return "Layout[" + keyKind + " -> " + valueKind + "]";
    }
}
