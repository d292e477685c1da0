/**
 * The machinery behind circuits, not a public API: the operator graph and its static schedule, the
 * executor that runs one step, the built-in operators, and the incremental fixed-point operator.
 */
package org.jdbsp.circuit.internal;
