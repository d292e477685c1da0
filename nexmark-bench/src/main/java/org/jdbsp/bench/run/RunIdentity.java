package org.jdbsp.bench.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.queries.NexmarkQuery;

/**
 * What a resumed run must share with the run that took the checkpoint, as checkpoint metadata entries: the query,
 * the events (every generator setting and {@code --max-events}), the input batch size (a step's events, so that the
 * resumed steps cut the stream where the stopped run would have), and q10's log directory. The number of workers
 * ({@code --cpu-cores}: a restore re-cuts the state by key for another number), the number of generator threads in
 * per-event mode, the source buffer, {@code --pregenerate} and the outputs may differ: they do not change the events,
 * the steps or the results.
 */
final class RunIdentity {
    /** The prefix of every entry this class writes; the progress entries use it too. */
    static final String PREFIX = "bench.";
    /** The version of these entries; a checkpoint with another one is refused. */
    static final String VERSION = "1";

    private RunIdentity() {}

    /** The entries of {@code query}'s run under {@code settings}; {@code q10Directory} null unless it is q10. */
    static Map<String, String> of(RunSettings settings, NexmarkQuery<?> query, Path q10Directory) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PREFIX + "version", VERSION);
        m.put(PREFIX + "query", query.name());
        m.put(PREFIX + "max-events", Long.toString(settings.events()));
        m.put(PREFIX + "input-batch-size", Integer.toString(settings.batchSize()));
        if (q10Directory != null) {
            m.put(PREFIX + "q10-dir", q10Directory.toAbsolutePath().normalize().toString());
        }
        GeneratorConfig g = settings.generator();
        String p = PREFIX + "generator.";
        m.put(p + "rng", g.rngMode().name());
        m.put(p + "numEventGenerators", Integer.toString(g.numEventGenerators()));
        m.put(p + "firstEventRate", Double.toString(g.firstEventRate()));
        m.put(p + "proportions", g.personProportion() + ":" + g.auctionProportion() + ":" + g.bidProportion());
        m.put(p + "hotRatios", g.hotAuctionRatio() + ":" + g.hotSellersRatio() + ":" + g.hotBiddersRatio());
        m.put(p + "numActivePeople", Integer.toString(g.numActivePeople()));
        m.put(p + "numInFlightAuctions", Integer.toString(g.numInFlightAuctions()));
        m.put(p + "avgByteSizes", g.avgPersonByteSize() + ":" + g.avgAuctionByteSize() + ":" + g.avgBidByteSize());
        m.put(p + "firstEventId", Long.toString(g.firstEventId()));
        m.put(p + "firstEventNumber", Long.toString(g.firstEventNumber()));
        m.put(p + "baseTime", Long.toString(g.baseTime()));
        m.put(p + "seeds", g.extraSeed() + ":" + g.channelSeed() + ":" + g.eventSeed());
        return m;
    }

    /**
     * The first entry of {@code expected} that {@code saved} (a checkpoint's metadata) does not hold with the same
     * value, described as "{@code <what> was <saved> in the checkpoint, is <expected> now}"; null when all match.
     */
    static String difference(Map<String, String> saved, Map<String, String> expected) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String was = saved.get(e.getKey());
            if (!e.getValue().equals(was)) {
                String what = e.getKey().substring(PREFIX.length());
                return (what.startsWith("generator.") ? "the generator's " + what.substring("generator.".length())
                    : what.equals("version") ? "the benchmark's checkpoint format" : "--" + what)
                    + " was " + (was == null ? "not recorded" : was) + " in the checkpoint, is " + e.getValue() + " now";
            }
        }
        return null;
    }
}
