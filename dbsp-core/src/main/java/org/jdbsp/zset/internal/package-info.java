/**
 * Internals of Z-sets, not exported by the module: the tuple sorts behind consolidation, long prefixes of
 * record orders, record accessors, and the splitting and selection of batches used by exchanges.
 */
package org.jdbsp.zset.internal;
