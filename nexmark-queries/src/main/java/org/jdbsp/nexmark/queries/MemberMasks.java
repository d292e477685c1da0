package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.nexmark.queries.DistinctBands.Member;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * For each member ({@link DistinctBands.Member}) a step's change touches, the filters it is in before and after the
 * step, from the bands of its bids in the member trace and the change: bit 0 (all bids) when it has a bid, bit
 * {@code n} when it has a bid of band {@code n}. Emits {@code -(channel-day, old mask code)} and
 * {@code +(channel-day, new mask code)} when they differ, so the counters downstream see a member enter or leave a
 * filter once. Its state is the trace it reads, saved by the trace.
 */
final class MemberMasks implements UnaryOperator {
    private final IntegralTrace integral;
    private final Layout out;

    MemberMasks(IntegralTrace integral, Layout out) {
        this.integral = integral;
        this.out = out;
    }

    @Override
    public boolean hasState() {
        return false;
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, 2 * delta.size);
        DeltaTraceCursor c = new DeltaTraceCursor(integral.trace(), delta);
        while (c.nextKey()) {
            Member member = null;
            int before = 0;
            int after = 0;
            while (c.nextValue()) {
                Member m = (Member) c.value();
                if (member != null && !m.sameMember(member)) {
                    emit(result, member, before, after);
                    before = 0;
                    after = 0;
                }
                member = m;
                int bits = 1 | 1 << m.band();
                if (c.oldWeight() > 0) {
                    before |= bits;
                }
                if (c.newWeight() > 0) {
                    after |= bits;
                }
            }
            if (member != null) {
                emit(result, member, before, after);
            }
        }
        return result.build();
    }

    private static void emit(BatchBuilder result, Member m, int before, int after) {
        if (before == after) {
            return;
        }
        Q16.ChannelDay group = new Q16.ChannelDay(m.channel(), m.day());
        if (before != 0) {
            result.add(group, BandCodes.mask(m.base(), before), -1);
        }
        if (after != 0) {
            result.add(group, BandCodes.mask(m.base(), after), 1);
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new MemberMasks(context.forked(integral), out);
    }
}
