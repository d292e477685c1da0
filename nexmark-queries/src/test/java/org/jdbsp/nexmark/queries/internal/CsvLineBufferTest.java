package org.jdbsp.nexmark.queries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLineBufferTest {
    @TempDir
    Path dir;

    private String drained(CsvLineBuffer b) throws IOException {
        Path f = Files.createTempFile(dir, "lines", ".csv");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            b.drainTo(ch);
        }
        assertEquals(0, b.length(), "drained");
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    @Test
    void writesLongsAsJavaPrintsThem() throws IOException {
        assertWrittenAsJavaPrintsThem(0, 7, -7, 9, 10, 99, 100, 1_234_567_890_123L, -1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1);
    }

    @Test
    void writesLongsOfEveryLengthAndAroundEveryPowerOfTenAsJavaPrintsThem() throws IOException {
        SplittableRandom random = new SplittableRandom(10);
        LongStream.Builder values = LongStream.builder();
        long power = 1;
        for (int digits = 1; digits <= 19; digits++) {
            for (long v : new long[] {power - 1, power, power + 1, power * 9, power * 3 + 7, random.nextLong(power, power * 9)}) {
                values.add(v).add(-v);
            }
            power = digits < 19 ? power * 10 : power;
        }
        for (int i = 0; i < 1000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        assertWrittenAsJavaPrintsThem(values.build().toArray());
    }

    private void assertWrittenAsJavaPrintsThem(long... values) throws IOException {
        CsvLineBuffer b = new CsvLineBuffer(1);
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            b.append(v);
            b.append(';');
            expected.append(v).append(';');
        }
        assertEquals(expected.toString(), drained(b));
    }

    @Test
    void aFieldNeedingQuotesOrUtf8IsFoundAtAnyPositionOfALongField() throws IOException {
        CsvLineBuffer b = new CsvLineBuffer(1);
        StringBuilder expected = new StringBuilder();
        for (String plain : new String[] {" !#$%&'()*+-./09:;<=>?@AZ[\\]^_`az{|}~\t\u007f", "-./09:;<=>?@AZ[\\]^_`az{|}~\u007f"}) {
            appendFieldsWithASpecialCharacter(b, expected, plain);
        }
        String longPlain = " !#$%&'()*+-./09:;<=>?@AZ[\\]^_`az{|}~\t\u007f".repeat(20);
        b.appendField(longPlain);
        expected.append(longPlain);
        assertEquals(expected.toString(), drained(b));
    }

    /** Appends fields of {@code plain} text with a character to quote or encode at several places. */
    private static void appendFieldsWithASpecialCharacter(CsvLineBuffer b, StringBuilder expected, String plain) throws IOException {
        for (String special : new String[] {",", "\"", "\n", "\r", "\u00e9", "\u0141", "\ud83d\ude00"}) {
            for (int at : new int[] {0, 1, 127, 128, 300}) {
                String field = plain.repeat(12).substring(0, at) + special + plain.repeat(2);
                b.appendField(field);
                b.append('|');
                boolean quote = special.equals(",") || special.equals("\"") || special.equals("\n") || special.equals("\r");
                expected.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field).append('|');
            }
        }
    }

    @Test
    void quotesFieldsAsRfc4180AndEncodesUtf8() throws IOException {
        CsvLineBuffer b = new CsvLineBuffer(1);
        String[] fields = {"", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "caf\u00e9", "\u00e9,\"", "\ud83d\ude00"};
        String[] expected = {"", "plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\r\"", "caf\u00e9",
            "\"\u00e9,\"\"\"", "\ud83d\ude00"};
        for (String f : fields) {
            b.appendField(f);
            b.append('|');
        }
        assertEquals(String.join("|", expected) + "|", drained(b));
    }

    @Test
    void refusesAnUnpairedSurrogate() {
        CsvLineBuffer b = new CsvLineBuffer(16);
        b.append('x');
        assertThrows(CharacterCodingException.class, () -> b.appendField("bad \ud800"));
        assertEquals(1, b.length(), "nothing of the refused field is kept");
    }

    @Test
    void repeatsTheLastLine() throws IOException {
        CsvLineBuffer b = new CsvLineBuffer(4);
        b.appendField("head");
        int start = b.length();
        b.append(42);
        b.append('\n');
        b.repeatFrom(start, 3);
        b.repeatFrom(b.length(), 5);
        assertEquals("head42\n42\n42\n42\n", drained(b));
    }
}
