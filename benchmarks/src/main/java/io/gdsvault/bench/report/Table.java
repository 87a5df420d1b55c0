package io.gdsvault.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row; numbers are formatted by the caller. */
public final class Table {

  private final List<String> header;
  private final List<Boolean> numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns whose name starts with {@code #} are right-aligned (the {@code #} is dropped). */
  public Table(String... columns) {
    header = new ArrayList<>();
    numeric = new ArrayList<>();
    for (String c : columns) {
      boolean n = c.startsWith("#");
      header.add(n ? c.substring(1) : c);
      numeric.add(n);
    }
  }

  public Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** {@code %.Nf} with a dot, or "n/a" for NaN. */
  public static String num(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (boolean n : numeric) {
      b.append(n ? "---:|" : "---|");
    }
    b.append('\n');
    for (List<String> r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return b.toString();
  }
}
