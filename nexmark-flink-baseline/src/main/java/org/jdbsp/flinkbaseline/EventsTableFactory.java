package org.jdbsp.flinkbaseline;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceFunctionProvider;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * The table connector {@code 'connector' = 'jdbsp-events'}: a bounded, insert-only scan of the pre-built rows
 * registered in {@link InMemoryEvents} under the option {@code 'events'}, read by {@link InMemoryEventSource} at the
 * job's parallelism. Registered through {@code META-INF/services}.
 */
public final class EventsTableFactory implements DynamicTableSourceFactory {
    /** The connector's name. */
    public static final String IDENTIFIER = "jdbsp-events";
    /** The key of the rows in {@link InMemoryEvents}. */
    public static final ConfigOption<String> EVENTS = ConfigOptions.key("events").stringType().noDefaultValue()
        .withDescription("the key of the pre-built rows in InMemoryEvents");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(EVENTS);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        return new Source(helper.getOptions().get(EVENTS));
    }

    /** The scan of one registered array of rows. */
    private static final class Source implements ScanTableSource {
        private final String eventsKey;

        Source(String eventsKey) {
            this.eventsKey = eventsKey;
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        @SuppressWarnings("deprecation") // SourceFunctionProvider: deprecated in 1.20, the suite's own source kind
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            return SourceFunctionProvider.of(new InMemoryEventSource(eventsKey), true);
        }

        @Override
        public DynamicTableSource copy() {
            return new Source(eventsKey);
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER + "(" + eventsKey + ")";
        }
    }
}
