package org.jdbsp.storage.runtime;

import org.jdbsp.circuit.Sequenced;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;

/**
 * The codec of {@link Sequenced} records whose values have {@code valueCodec}: the position as a zigzag varint, then
 * the value. A derived record codec cannot encode {@code Sequenced}, whose value component is generic; a
 * stream's storage learns the value's codec from the records it holds.
 */
final class SequencedCodec implements Codec<Sequenced<Object>> {
    private final Codec<Object> valueCodec;

    @SuppressWarnings("unchecked")
    SequencedCodec(Codec<?> valueCodec) {
        this.valueCodec = (Codec<Object>) valueCodec;
    }

    @Override
    public void encode(Sequenced<Object> value, ByteSink out) {
        out.writeVarLong(value.seq());
        valueCodec.encode(value.value(), out);
    }

    @Override
    public Sequenced<Object> decode(ByteSource in) {
        long seq = in.readVarLong();
        return new Sequenced<>(seq, valueCodec.decode(in));
    }

    @Override
    public void transcode(ByteSource in, ByteSink out) {
        out.writeVarLong(in.readVarLong());
        valueCodec.transcode(in, out);
    }

    @Override
    public String identity() {
        return "Sequenced(varint position)<" + valueCodec.identity() + ">";
    }
}
