package org.jdbsp.checkpoint.internal;

/**
 * A batch file that holds a batch of a checkpoint: its id and the class names of its object columns' codecs
 * (empty for long or absent columns).
 */
record BatchRef(String id, String keyType, String valueType) {}
