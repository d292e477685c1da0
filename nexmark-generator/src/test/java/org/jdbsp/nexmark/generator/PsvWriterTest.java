package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Person;
import org.junit.jupiter.api.Test;

class PsvWriterTest {

    @Test
    void formatsEveryKindWithItsFieldsInRecordOrder() {
        assertEquals("person|1|a b|x@y.com|0001 0002 0003 0004|Kent|WA|5|\\[]",
            PsvWriter.format(new Person(1, "a b", "x@y.com", "0001 0002 0003 0004", "Kent", "WA", 5, "\\[]")));
        assertEquals("auction|2|item||100|-7|10|20|1000|10|",
            PsvWriter.format(new Auction(2, "item", "", 100, -7, 10, 20, 1000, 10, "")));
        assertEquals("bid|" + Long.MIN_VALUE + "|" + Long.MAX_VALUE + "|0|Google|https://u|0|e",
            PsvWriter.format(new Bid(Long.MIN_VALUE, Long.MAX_VALUE, 0, "Google", "https://u", 0, "e")));
    }

    @Test
    void fieldsLongerThanTheBufferAreWrittenWhole() {
        String extra = "x".repeat(1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PsvWriter w = new PsvWriter(out, 64);
        Bid bid = new Bid(1, 2, 3, "c", "u", 4, extra);
        w.write(bid);
        w.write(bid);
        w.flush();
        String line = "bid|1|2|3|c|u|4|" + extra + "\n";
        assertEquals(line + line, out.toString(StandardCharsets.US_ASCII));
    }
}
