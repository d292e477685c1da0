/**
 * The kernels behind Z-sets, not a public API: the {@link org.jdbsp.zset.internal.Batch} layout,
 * {@link org.jdbsp.zset.internal.Consolidation} (sort, add equal tuples, drop zeros), linear
 * {@link org.jdbsp.zset.internal.Merging} and galloping {@link org.jdbsp.zset.internal.Seek}.
 *
 * <p>None of these allocates per tuple. Batches share arrays freely because nobody writes them after
 * they are built.
 */
package org.jdbsp.zset.internal;
