/**
 * {@code LAG}: each row of a group paired with the row before it in an order within the group.
 */
package org.jdbsp.operators.lag;
