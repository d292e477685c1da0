/**
 * Incremental joins of indexed streams on their key: inner, left outer, semi, anti, and inner with a
 * residual predicate.
 *
 * <p><b>Inner join.</b> For indexed streams {@code a} and {@code b} the change of {@code I a ⋈ I b} in a
 * step is {@code Δa ⋈ Δb + Δa ⋈ z^-1(I b) + z^-1(I a) ⋈ Δb = Δa ⋈ (z^-1(I b) + Δb) + z^-1(I a) ⋈ Δb}.
 * The integrals are the streams' shared traces ({@link org.jdbsp.circuit.spi.Wiring#integralTrace}),
 * which during a step hold the integrals up to the previous step. The operator walks the keys of each
 * change in ascending order and seeks them in the other side's trace with one galloping cursor per step,
 * so a step that changes one side only costs {@code O(|Δ| log |trace|)} plus the size of its output.
 * Weights multiply ({@link org.jdbsp.zset.Weights#multiply}); the output is consolidated.
 *
 * <p><b>Semi- and anti-join.</b> A key is <em>present</em> on the right while the total weight of its
 * tuples in {@code I b} is positive. The semi-join keeps the left tuples whose key is present; the
 * anti-join those whose key is absent. The change of a step is {@code Δa} restricted to the keys present
 * (absent) after the step, plus {@code ±z^-1(I a)} for each key whose presence flipped in the step.
 *
 * <p><b>Left outer join</b> is the inner join plus the anti-join mapped with a null right value.
 *
 * <p>Join operators keep no state of their own: the two traces are reported by their trace nodes, so a
 * stream joined several times is stored once.
 *
 * <p>With several workers both sides are {@linkplain org.jdbsp.circuit.IndexedZSetStream#shard() sharded} by
 * key (an exchange for a side not sharded already; a replicated side, such as a table, is only filtered
 * to the keys each worker owns), so the tuples of a key meet on one worker. The inner join's output is
 * placed anywhere; semi- and anti-joins keep the left side's key and stay sharded.
 */
package org.jdbsp.operators.join;
