/**
 * {@code LAG}: each row of a group paired with the row before it in an order within the group. With
 * several workers the input is sharded by key, so a group lives on one worker.
 */
package org.jdbsp.operators.lag;
