/** Arithmetic shared by the aggregates of this module: exact 128-bit accumulation of counts and sums. */
package org.jdbsp.operators.aggregate.internal;
