package io.gdsvault.gds.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The commented list of deliberate differences (src/test/resources/conformance/). */
public final class AllowedDifferences {

  /** One entry: the pattern a difference line must contain and why it is allowed. */
  public record Entry(Pattern pattern, String reason) {}

  private final List<Entry> entries;

  private AllowedDifferences(List<Entry> entries) {
    this.entries = entries;
  }

  public static AllowedDifferences load(String resource) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (InputStream in =
        Objects.requireNonNull(
            AllowedDifferences.class.getResourceAsStream(resource), "missing " + resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int sep = l.indexOf(" -- ");
        if (sep < 0 || l.substring(sep + 4).isBlank()) {
          throw new IllegalStateException("an allowed difference needs ' -- reason': " + l);
        }
        out.add(new Entry(Pattern.compile(l.substring(0, sep).strip()), l.substring(sep + 4)));
      }
    }
    return new AllowedDifferences(out);
  }

  /** The differences no entry allows. */
  public List<String> unexpected(List<String> differences) {
    return differences.stream()
        .filter(d -> entries.stream().noneMatch(e -> e.pattern().matcher(d).find()))
        .toList();
  }

  /** Entries that allow none of the differences (stale). */
  public Set<String> unused(List<String> differences) {
    Set<String> out = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (differences.stream().noneMatch(d -> e.pattern().matcher(d).find())) {
        out.add(e.pattern().pattern());
      }
    }
    return out;
  }

  public List<Entry> entries() {
    return entries;
  }
}
