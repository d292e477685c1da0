package org.jdbsp.nexmark.generator;

import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;

/**
 * Writes events as lines of the golden PSV format ({@code nexmark-reference/README.md}): the kind, then every
 * field in declaration order separated by {@code |}, integers in decimal, times in epoch milliseconds, strings
 * verbatim, each line ended by {@code \n}.
 *
 * <pre>
 * person|id|name|emailAddress|creditCard|city|state|dateTime|extra
 * auction|id|itemName|description|initialBid|reserve|dateTime|expires|seller|category|extra
 * bid|auction|bidder|price|channel|url|dateTime|extra
 * </pre>
 *
 * <p>Generated strings are ASCII, so characters are written as single bytes (a character above U+00FF would be
 * written as {@code ?}). Buffers internally; call {@link #flush()} at the end. Not thread-safe.
 */
public final class PsvWriter implements Flushable {

    private static final byte SEP = '|';
    private static final byte[] PERSON = "person".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUCTION = "auction".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BID = "bid".getBytes(StandardCharsets.US_ASCII);
    /** Longest line part written without a capacity check: a long in decimal plus a separator. */
    private static final int LONG_ROOM = 21;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    /** A writer with a 64 KiB buffer. */
    public PsvWriter(OutputStream out) {
        this(out, 1 << 16);
    }

    /** A writer with a buffer of {@code bufferSize} bytes (at least 64). */
    public PsvWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    /** The PSV line of one event, without the line end. */
    public static String format(Event event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        PsvWriter w = new PsvWriter(bytes, 512);
        w.write(event);
        w.flush();
        byte[] line = bytes.toByteArray();
        return new String(line, 0, line.length - 1, StandardCharsets.ISO_8859_1);
    }

    /** Appends the line of {@code event}, with its line end. */
    public void write(Event event) {
        if (event instanceof Bid b) {
            bytes(BID);
            sepLong(b.auction());
            sepLong(b.bidder());
            sepLong(b.price());
            sepString(b.channel());
            sepString(b.url());
            sepLong(b.dateTime());
            sepString(b.extra());
        } else if (event instanceof Auction a) {
            bytes(AUCTION);
            sepLong(a.id());
            sepString(a.itemName());
            sepString(a.description());
            sepLong(a.initialBid());
            sepLong(a.reserve());
            sepLong(a.dateTime());
            sepLong(a.expires());
            sepLong(a.seller());
            sepLong(a.category());
            sepString(a.extra());
        } else {
            Person p = (Person) event;
            bytes(PERSON);
            sepLong(p.id());
            sepString(p.name());
            sepString(p.emailAddress());
            sepString(p.creditCard());
            sepString(p.city());
            sepString(p.state());
            sepLong(p.dateTime());
            sepString(p.extra());
        }
        room(1);
        buf[pos++] = '\n';
    }

    /** Writes the buffered bytes to the stream and flushes it. */
    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void sepString(String s) {
        room(1);
        buf[pos++] = SEP;
        int len = s.length();
        int i = 0;
        while (i < len) {
            if (pos == buf.length) {
                drain();
            }
            int end = Math.min(len, i + buf.length - pos);
            byte[] b = buf;
            int p = pos;
            for (; i < end; i++) {
                char c = s.charAt(i);
                b[p++] = c <= 0xFF ? (byte) c : (byte) '?';
            }
            pos = p;
        }
    }

    private void sepLong(long v) {
        room(LONG_ROOM);
        byte[] b = buf;
        b[pos++] = SEP;
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                bytes("-9223372036854775808".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            b[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int p = end - 1; p >= pos; p--) {
            b[p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    private void room(int n) {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() {
        if (pos > 0) {
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pos = 0;
        }
    }
}
