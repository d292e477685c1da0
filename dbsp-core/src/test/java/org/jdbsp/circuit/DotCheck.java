package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a text is a well-formed Graphviz digraph as {@link CircuitDescription#toDot()} writes it: one
 * {@code digraph "..." {} block, quoted strings closed (with their escapes), braces balanced, every statement
 * ended, every edge between declared nodes, no node declared twice.
 */
final class DotCheck {
    private static final Pattern NODE = Pattern.compile("^\\s*(n[0-9_]+) \\[label=.*\\];$");
    private static final Pattern EDGE = Pattern.compile("^\\s*(n[0-9_]+) -> (n[0-9_]+)( \\[style=(dashed|dotted)\\])?;$");

    private DotCheck() {}

    static void check(String dot) {
        assertTrue(dot.startsWith("digraph \""), dot);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < dot.length(); i++) {
            char c = dot.charAt(i);
            if (inString) {
                if (c == '\\') {
                    char next = dot.charAt(++i);
                    assertTrue(next == '"' || next == '\\' || next == 'n', "bad escape \\" + next + " at " + i);
                } else if (c == '"') {
                    inString = false;
                } else {
                    assertTrue(c != '\n', "line break inside a string at " + i);
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "unbalanced } at " + i);
            }
        }
        assertTrue(!inString && depth == 0, "unclosed string or brace");
        Set<String> nodes = new HashSet<>();
        Set<String> edgeEnds = new HashSet<>();
        String[] lines = dot.split("\n");
        assertEquals("}", lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (node.matches()) {
                assertTrue(nodes.add(node.group(1)), "node declared twice: " + line);
            } else if (edge.matches()) {
                edgeEnds.add(edge.group(1));
                edgeEnds.add(edge.group(2));
            } else {
                assertTrue(line.endsWith(";") || line.endsWith("{") || line.trim().equals("}"), "unended statement: " + line);
            }
        }
        edgeEnds.removeAll(nodes);
        assertTrue(edgeEnds.isEmpty(), "edges to undeclared nodes: " + edgeEnds);
    }
}
