package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.model.LocalizedName;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the directory's JSON columns without a general JSON parser: a flat array of strings ({@code
 * discovery_urls_json}, {@code capabilities_json}) and an array of {@code {"locale":…,"text":…}}
 * objects ({@code names_json}), as Jackson writes them. A query maps up to {@code
 * maxRecordsPerQuery} rows with three such columns each; creating a Jackson parser for each value
 * was the largest allocation per record. Anything of another shape gives {@code null}, and the
 * caller falls back to Jackson.
 */
final class JsonLists {

  private final String s;
  private int i;

  private JsonLists(String s) {
    this.s = s;
  }

  /** {@code ["a","b"]} as a list, or null when the text is not exactly that shape. */
  static @Nullable List<String> strings(String json) {
    JsonLists p = new JsonLists(json);
    if (!p.eat('[')) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (p.eat(']')) {
      return p.atEnd() ? out : null;
    }
    while (true) {
      String v = p.string();
      if (v == null) {
        return null;
      }
      out.add(v);
      if (p.eat(']')) {
        return p.atEnd() ? out : null;
      }
      if (!p.eat(',')) {
        return null;
      }
    }
  }

  /** {@code [{"locale":"en","text":"x"}]} as names, or null when the text is not that shape. */
  static @Nullable List<LocalizedName> names(String json) {
    JsonLists p = new JsonLists(json);
    if (!p.eat('[')) {
      return null;
    }
    List<LocalizedName> out = new ArrayList<>();
    if (p.eat(']')) {
      return p.atEnd() ? out : null;
    }
    while (true) {
      LocalizedName n = p.name();
      if (n == null) {
        return null;
      }
      out.add(n);
      if (p.eat(']')) {
        return p.atEnd() ? out : null;
      }
      if (!p.eat(',')) {
        return null;
      }
    }
  }

  private @Nullable LocalizedName name() {
    if (!eat('{')) {
      return null;
    }
    String locale = ""; // LocalizedName's form of "no locale"
    String text = null;
    if (eat('}')) {
      return null;
    }
    while (true) {
      String key = string();
      if (key == null || !eat(':')) {
        return null;
      }
      String value = string();
      if (value == null) {
        return null;
      }
      switch (key) {
        case "locale" -> locale = value;
        case "text" -> text = value;
        default -> {
          return null;
        }
      }
      if (eat('}')) {
        return text == null ? null : new LocalizedName(locale, text);
      }
      if (!eat(',')) {
        return null;
      }
    }
  }

  /** A JSON string at the cursor, or null (also for JSON null or any other value). */
  private @Nullable String string() {
    skipSpace();
    if (i >= s.length() || s.charAt(i) != '"') {
      return null;
    }
    int start = ++i;
    // fast path: no escapes
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return s.substring(start, i++);
      }
      if (c == '\\') {
        break;
      }
      i++;
    }
    StringBuilder b = new StringBuilder(s.length() - start);
    b.append(s, start, i);
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        return null;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            return null;
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) {
              return null;
            }
            code = code * 16 + d;
          }
          b.append((char) code);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  private boolean eat(char expected) {
    skipSpace();
    if (i < s.length() && s.charAt(i) == expected) {
      i++;
      return true;
    }
    return false;
  }

  private boolean atEnd() {
    skipSpace();
    return i == s.length();
  }

  private void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }
}
