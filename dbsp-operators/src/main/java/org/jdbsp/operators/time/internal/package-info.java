/** Operators behind the event-time DSL: watermark computation, late-record filter, trace garbage collection. */
package org.jdbsp.operators.time.internal;
