package io.gdsvault.web.security;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.web.api.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs before every handler: sets the security headers, finds who is calling (bearer token or
 * session cookie), refuses unauthenticated calls outside the public paths, and refuses a state
 * change made with a session cookie that lacks the session's CSRF token or comes from another
 * origin.
 */
public final class Guard {

  /** Form field holding the CSRF token in the pages' forms. */
  public static final String CSRF_FIELD = "_csrf";

  /** Header holding the CSRF token for the REST API with a session cookie. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final String SESSION = "gds.session";
  static final String CALLER = "gds.caller";

  private static final Set<String> PUBLIC =
      Set.of(
          "/login",
          "/api/v1/login",
          "/api/v1/tokens",
          "/api/v1/openapi.json",
          "/health",
          "/metrics");

  private final Sessions sessions;
  private final BearerTokens tokens;

  public Guard(Sessions sessions, BearerTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /** The before-handler. */
  public void check(Context ctx) {
    SecurityHeaders.apply(ctx);
    String path = ctx.path();
    boolean api = path.startsWith("/api/");
    boolean stateChange = isStateChange(ctx.method());
    if (stateChange) {
      requireSameOrigin(ctx);
    }
    if (isPublic(path)) {
      return;
    }
    String bearer = bearer(ctx);
    if (bearer != null) {
      BearerTokens.Grant g =
          tokens
              .find(bearer)
              .orElseThrow(
                  () -> ApiException.unauthorized("the bearer token is invalid or expired"));
      ctx.attribute(CALLER, Caller.console(g.user(), g.roles(), Caller.VIA_API));
      return;
    }
    WebSession s = cookieSession(ctx).orElse(null);
    if (s == null) {
      throw ApiException.unauthorized("not logged in");
    }
    if (stateChange && !csrfOk(ctx, s, api)) {
      throw ApiException.forbidden("the CSRF token is missing or wrong");
    }
    ctx.attribute(SESSION, s);
    ctx.attribute(
        CALLER, Caller.console(s.user(), s.roles(), api ? Caller.VIA_API : Caller.VIA_WEB));
  }

  /** The caller of an authenticated request. */
  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    if (c == null) {
      throw ApiException.unauthorized("not logged in");
    }
    return c;
  }

  /** The browser session of the request, if it came with one. */
  public static Optional<WebSession> session(Context ctx) {
    WebSession s = ctx.attribute(SESSION);
    return Optional.ofNullable(s);
  }

  /** The session of the cookie, whether or not the path needed one. */
  public Optional<WebSession> cookieSession(Context ctx) {
    String id = ctx.cookie(Sessions.COOKIE);
    return id == null || id.isEmpty() ? Optional.empty() : sessions.find(id);
  }

  private static boolean csrfOk(Context ctx, WebSession s, boolean api) {
    String offered = ctx.header(CSRF_HEADER);
    if (offered == null && !api && isForm(ctx)) {
      offered = ctx.formParam(CSRF_FIELD);
    }
    return Sessions.csrfMatches(s, offered);
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /** A browser's cross-site POST carries a foreign Origin: refused before anything else. */
  private static void requireSameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.isEmpty()) {
      return;
    }
    String host = ctx.header("Host");
    try {
      URI o = URI.create(origin);
      String authority = o.getRawAuthority();
      if (!"https".equals(o.getScheme()) || authority == null || !authority.equals(host)) {
        throw ApiException.forbidden("cross-origin request refused");
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.forbidden("cross-origin request refused");
    }
  }

  private static @Nullable String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String t = h.substring(7).trim();
    return t.isEmpty() ? null : t;
  }

  private static boolean isPublic(String path) {
    return PUBLIC.contains(path) || path.startsWith("/static/") || path.equals("/favicon.ico");
  }

  private static boolean isStateChange(HandlerType method) {
    return method.equals(HandlerType.POST)
        || method.equals(HandlerType.PUT)
        || method.equals(HandlerType.DELETE)
        || method.equals(HandlerType.PATCH);
  }
}
