package io.gdsvault.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4): every line is a
 * comment, a well-formed HELP/TYPE line, or a sample whose metric name, labels and value are valid
 * and whose family was typed once; anything else fails the parse.
 */
final class PrometheusText {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n"
              + "]|\\\\.)*\",?)*)\\})? (NaN|[+-]Inf|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)( -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private PrometheusText() {}

  /** Samples keyed by {@code name{label="v",...}} exactly as written (labels in written order). */
  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    Set<String> typed = new HashSet<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ", -1);
        if (p.length != 2 || !NAME.matcher(p[0]).matches() || !TYPES.contains(p[1])) {
          throw new IllegalArgumentException("line " + n + ": bad TYPE: " + line);
        }
        if (!typed.add(p[0])) {
          throw new IllegalArgumentException("line " + n + ": second TYPE for " + p[0]);
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("line " + n + ": not a sample: " + line);
      }
      String labels = m.group(3) == null ? "" : m.group(3);
      Matcher l = LABEL.matcher(labels);
      StringBuilder key = new StringBuilder(m.group(1));
      if (!labels.isEmpty()) {
        key.append('{');
        boolean first = true;
        while (l.find()) {
          key.append(first ? "" : ",")
              .append(l.group(1))
              .append("=\"")
              .append(l.group(2))
              .append('"');
          first = false;
        }
        key.append('}');
      }
      String v = m.group(4);
      double value =
          switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
          };
      if (samples.put(key.toString(), value) != null) {
        throw new IllegalArgumentException("line " + n + ": duplicate sample " + key);
      }
    }
    return samples;
  }
}
