package org.jdbsp.flinkbaseline;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * The table connector {@code 'connector' = 'jdbsp-side-input'}: q13's side table {@code (key BIGINT, value VARCHAR)}
 * of the suite's side-input file, {@code key -> String.valueOf(key)} for keys 0 to {@value #KEYS} - 1, looked up by
 * {@link SideInputLookup} in rows built when it opens (the suite's file source also loads its file once and looks up
 * in memory). Registered through {@code META-INF/services}.
 */
public final class SideInputTableFactory implements DynamicTableSourceFactory {
    /** The connector's name. */
    public static final String IDENTIFIER = "jdbsp-side-input";
    /** The number of keys of the side table. */
    public static final int KEYS = 10_000;

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.createTableFactoryHelper(this, context).validate();
        return new Source();
    }

    /** The lookup source of the side table. */
    private static final class Source implements LookupTableSource {
        @Override
        public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
            return LookupFunctionProvider.of(new SideInputLookup());
        }

        @Override
        public DynamicTableSource copy() {
            return new Source();
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER;
        }
    }
}
