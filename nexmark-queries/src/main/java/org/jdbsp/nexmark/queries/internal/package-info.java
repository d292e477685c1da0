/**
 * Internals of the Nexmark queries: operators and helpers that are not part of the public API.
 */
package org.jdbsp.nexmark.queries.internal;
