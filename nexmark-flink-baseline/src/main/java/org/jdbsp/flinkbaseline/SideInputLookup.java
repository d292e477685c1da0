package org.jdbsp.flinkbaseline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

/**
 * The lookup of q13's side table ({@link SideInputTableFactory}): the row {@code (key, String.valueOf(key))} of a key
 * in {@code [0, KEYS)}, none for another key. The rows are built once, when the function opens. Public because Flink
 * instantiates it reflectively.
 */
public final class SideInputLookup extends LookupFunction {
    private static final long serialVersionUID = 1L;

    private transient List<Collection<RowData>> rows;

    @Override
    public void open(FunctionContext context) {
        rows = new ArrayList<>(SideInputTableFactory.KEYS);
        for (int k = 0; k < SideInputTableFactory.KEYS; k++) {
            rows.add(List.of(GenericRowData.of((long) k, StringData.fromString(Long.toString(k)))));
        }
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) {
        if (keyRow.isNullAt(0)) {
            return List.of();
        }
        long key = keyRow.getLong(0);
        return key >= 0 && key < SideInputTableFactory.KEYS ? rows.get((int) key) : List.of();
    }
}
