/**
 * The batch kernels for operator authors (part of the SPI, not needed by applications): the columnar
 * {@link org.jdbsp.zset.spi.Batch} behind every Z-set, {@link org.jdbsp.zset.spi.BatchBuilder} (append
 * tuples, then consolidate), {@link org.jdbsp.zset.spi.Consolidation} (sort, add equal tuples, drop zeros),
 * linear {@link org.jdbsp.zset.spi.Merging} and galloping {@link org.jdbsp.zset.spi.Seek}.
 *
 * <p>None of these allocates per tuple. Batches share arrays freely because nobody writes them after
 * they are built: an operator must never write the arrays of a batch it was given.
 */
package org.jdbsp.zset.spi;
