/** Reading the groups a step touches, before and after the step, from a shared integral trace. */
package org.jdbsp.operators.topk.internal;
