/**
 * The machinery behind {@code org.jdbsp.storage.spi} (not exported): the file header, the checksummed
 * output of a writer, the segmented, lazily verified memory mapping of a reader, and the file-system seam
 * tests use to inject faults.
 */
package org.jdbsp.storage.internal;
