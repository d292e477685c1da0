/**
 * The Nexmark data model: the three event kinds an online auction emits ({@link org.jdbsp.nexmark.model.Person},
 * {@link org.jdbsp.nexmark.model.Auction}, {@link org.jdbsp.nexmark.model.Bid}), each an immutable record that
 * implements the sealed {@link org.jdbsp.nexmark.model.Event}.
 */
package org.jdbsp.nexmark.model;
