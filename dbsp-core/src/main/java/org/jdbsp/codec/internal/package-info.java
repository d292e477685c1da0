/**
 * Helpers of the codecs and the batch-file writers (not exported): a filter of hashes in front of the tables of
 * repeated strings.
 */
package org.jdbsp.codec.internal;
