package io.gdsvault.gds.model;

import java.util.Objects;

/**
 * A localized application name.
 *
 * @param locale the locale id, e.g. "en"; empty when the name has no locale
 * @param text the name itself
 */
public record LocalizedName(String locale, String text) {
  public LocalizedName {
    locale = locale == null ? "" : locale;
    Objects.requireNonNull(text, "text");
  }

  public static LocalizedName of(String text) {
    return new LocalizedName("", text);
  }
}
