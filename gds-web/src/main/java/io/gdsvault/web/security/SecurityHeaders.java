package io.gdsvault.web.security;

import io.javalin.http.Context;

/** The headers every response carries (HSTS, a CSP without inline script, no framing). */
public final class SecurityHeaders {

  /** Scripts and styles only from this origin: no inline script, no eval, no framing. */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {}

  public static void apply(Context ctx) {
    ctx.header("Strict-Transport-Security", "max-age=31536000");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (!ctx.path().startsWith("/static/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
