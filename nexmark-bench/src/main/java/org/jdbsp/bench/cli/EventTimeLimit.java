package org.jdbsp.bench.cli;

import org.jdbsp.nexmark.generator.GeneratorConfig;

/**
 * The largest {@code --base-time} whose events' times all fit a long (beyond it they would wrap around to negative
 * times). The generator leaves its arithmetic as the reference's; this only bounds its input.
 *
 * <p>Event number {@code e} gets the time {@code baseTime + offset(e)}, with {@code offset(e) = (long) (e *
 * interEventDelayUs) / 1000}, which grows with {@code e} and never exceeds {@code Long.MAX_VALUE / 1000} (the cast
 * saturates). An auction at time {@code t} expires at most {@code max(2 * horizon, 1)} later, the horizon being
 * {@code offset(e + H) - offset(e)} for {@code H = numInFlightAuctions * totalProportion / auctionProportion} events;
 * it is bounded here by {@code H * interEventDelayUs / 1000} plus the rounding of the double product and the
 * divisions.
 */
final class EventTimeLimit {
    /** More than the relative error of one double product (2^-53), with a margin. */
    private static final double RELATIVE_ERROR = 1e-15;
    private static final long MAX_OFFSET = Long.MAX_VALUE / 1000;

    private EventTimeLimit() {}

    /** The largest base time for which every event time and auction expiry of {@code config} fits a long. */
    static long maxBaseTime(GeneratorConfig config) {
        if (config.maxEvents() == 0) {
            return Long.MAX_VALUE;
        }
        long last = config.firstEventNumber() + config.maxEvents() - 1; // the builder keeps this <= Long.MAX_VALUE
        long latest = config.toBuilder().baseTime(0).build().timestampForEventNumber(last);
        long expiry = 0;
        if (config.auctionProportion() > 0) {
            double horizonEvents = (double) config.numInFlightAuctions() * config.totalProportion()
                / config.auctionProportion();
            double delay = config.interEventDelayUs();
            double horizon = Math.ceil(horizonEvents * delay / 1000
                + RELATIVE_ERROR * 2 * ((double) last + horizonEvents) * delay / 1000) + 2;
            expiry = Math.max(1, 2 * (long) Math.min(horizon, MAX_OFFSET + 1));
        }
        return Long.MAX_VALUE - latest - expiry;
    }

    /**
     * Refuses a base time beyond {@link #maxBaseTime}.
     *
     * @throws IllegalArgumentException naming {@code --base-time} and the limit
     */
    static void check(GeneratorConfig config) {
        long max = maxBaseTime(config);
        if (config.baseTime() > max) {
            throw new IllegalArgumentException("--base-time = " + config.baseTime() + " is invalid: with "
                + config.maxEvents() + " events " + config.interEventDelayUs() + " us apart, the latest event time or"
                + " auction expiry would overflow a long; must be <= " + max);
        }
    }
}
