package org.jdbsp.nexmark.generator;

import java.nio.charset.StandardCharsets;

/**
 * The immutable tables every generator of one configuration shares: the 1 MiB pool that every {@code extra} field
 * is a substring of (built from the extra seed), and the four hot URLs and 10,000 channel names and URLs (built
 * from the channel seed). Built once per seed pair and cached; safe to share between threads.
 */
final class GeneratorTables {

    /** The length of the extra pool, in characters. */
    static final int POOL_LENGTH = 1 << 20;
    /** The number of non-hot channels. */
    static final int CHANNELS_NUMBER = 10_000;
    /** The hot channel names, in the reference's order. */
    static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    private static final String URL_PREFIX = "https://www.nexmark.com/";
    private static final String URL_SUFFIX = "item.htm?query=1";

    private static volatile GeneratorTables cached;

    final long extraSeed;
    final long channelSeed;
    /** The extra pool, a Latin-1 string so substrings are cheap byte copies. */
    final String pool;
    final String[] hotUrls = new String[HOT_CHANNELS.length];
    final String[] channelNames = new String[CHANNELS_NUMBER];
    final String[] channelUrls = new String[CHANNELS_NUMBER];

    private GeneratorTables(long extraSeed, long channelSeed) {
        this.extraSeed = extraSeed;
        this.channelSeed = channelSeed;
        char[] chars = new char[POOL_LENGTH];
        RandomText.appendExact(new SplitMix64().seedReference(extraSeed), chars, 0, POOL_LENGTH);
        this.pool = new String(chars);

        SplitMix64 rng = new SplitMix64().seedReference(channelSeed);
        byte[] buf = new byte[128];
        for (int i = 0; i < hotUrls.length; i++) {
            hotUrls[i] = baseUrl(rng, buf);
        }
        for (int c = 0; c < CHANNELS_NUMBER; c++) {
            String url = baseUrl(rng, buf);
            if (rng.nextInt(10) > 0) {
                url = url + "&channel_id=" + Math.abs(Integer.reverse(c));
            }
            channelUrls[c] = url;
            channelNames[c] = "channel-" + c;
        }
    }

    /** The tables for the seeds of {@code config}, built on first use and then shared. */
    static GeneratorTables of(GeneratorConfig config) {
        GeneratorTables t = cached;
        if (t == null || t.extraSeed != config.extraSeed() || t.channelSeed != config.channelSeed()) {
            t = new GeneratorTables(config.extraSeed(), config.channelSeed());
            cached = t;
        }
        return t;
    }

    private static String baseUrl(SplitMix64 rng, byte[] buf) {
        int p = 0;
        for (int seg = 0; seg < 3; seg++) {
            p = RandomText.appendString(rng, buf, p, 5, (byte) '_');
            buf[p++] = '/';
        }
        return URL_PREFIX + new String(buf, 0, p, StandardCharsets.ISO_8859_1) + URL_SUFFIX;
    }
}
