package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.GdsException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The private key formats of StartNewKeyPairRequest (Part 12 requires PEM and PFX). */
public enum PrivateKeyFormat {
  PEM,
  PFX;

  /** Parses the Part 12 name; an empty or null value means PFX (the reference GDS default). */
  public static PrivateKeyFormat parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return PFX;
    }
    return switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "PEM" -> PEM;
      case "PFX" -> PFX;
      default -> throw GdsException.invalid("PrivateKeyFormat must be PEM or PFX");
    };
  }
}
