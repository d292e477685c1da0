package org.jdbsp.nexmark.queries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.jdbsp.zset.ZSet;

/**
 * The results export format: one line per distinct row, the row's column values separated by {@code |}, then
 * {@code |} and the row's multiplicity; lines sorted (by {@link String#compareTo}); rows of multiplicity 0
 * left out. Numbers are written in plain decimal notation (no exponent), SQL NULL as {@code NULL},
 * timestamps as epoch milliseconds.
 */
public final class ResultFormat {
    private ResultFormat() {}

    /** The columns of {@code row} separated by {@code |}, without the multiplicity. */
    public static String columns(ResultRow row) {
        Object[] values = row.columnValues();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(value(values[i]));
        }
        return sb.toString();
    }

    /** One column value in the export format. */
    public static String value(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return plain(d);
        }
        if (v instanceof Float f) {
            return plain(f.doubleValue());
        }
        return v.toString();
    }

    private static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = BigDecimal.valueOf(d).toPlainString();
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * The multiplicity of each formatted row of {@code result} (rows that format alike are added up), sorted,
     * without zero multiplicities.
     */
    public static <R extends ResultRow> TreeMap<String, Long> lines(ZSet<R> result) {
        TreeMap<String, Long> lines = new TreeMap<>();
        result.forEach((row, w) -> lines.merge(columns(row), w, Long::sum));
        lines.values().removeIf(w -> w == 0);
        return lines;
    }

    /** Writes {@code result} to {@code file} in the export format, replacing the file. */
    public static <R extends ResultRow> void write(ZSet<R> result, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    /** Writes {@code result} to {@code out} in the export format (the caller closes {@code out}). */
    public static <R extends ResultRow> void write(ZSet<R> result, Writer out) throws IOException {
        for (Map.Entry<String, Long> e : lines(result).entrySet()) {
            out.write(e.getKey());
            out.write('|');
            out.write(Long.toString(e.getValue()));
            out.write('\n');
        }
    }
}
