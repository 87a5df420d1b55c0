package io.gdsvault.web.security;

import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.auth.UserChange;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.web.api.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through the same user store and password check as OPC UA (UserService), throttled per
 * user name and per client address; sessions for browsers, bearer tokens for scripts.
 */
public final class Logins {

  private static final Logger log = LoggerFactory.getLogger(Logins.class);
  private static final int MAX_NAME = 128;

  private final UserService users;
  private final Sessions sessions;
  private final BearerTokens tokens;
  private final LoginThrottle throttle;

  public Logins(UserService users, Sessions sessions, BearerTokens tokens, LoginThrottle throttle) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.throttle = throttle;
    users.onChange(this::userChanged);
  }

  /**
   * A change made outside the console (over OPC UA or with the CLI: the change names its OPC UA
   * session) ends the user's web sessions and tokens when the password changed; a removal ends them
   * wherever it was made. The console's own password changes keep the session that made them
   * ({@link #passwordChanged}).
   */
  private void userChanged(UserChange c) {
    boolean removed = c.kind() == UserChange.Kind.REMOVED;
    boolean passwordElsewhere = c.kind() == UserChange.Kind.PASSWORD && c.bySession() != null;
    if (removed || passwordElsewhere) {
      int ended = sessions.endAllOf(c.user(), "");
      tokens.endAllOf(c.user());
      log.info("user {} {}: {} web session(s) and its tokens ended", c.user(), c.kind(), ended);
    }
  }

  /** The authenticated user; 429 while throttled, 401 for a wrong name or password. */
  public User authenticate(String name, char[] password, String address) {
    try {
      if (name.isEmpty() || name.length() > MAX_NAME) {
        throw ApiException.unauthorized("wrong user name or password");
      }
      if (throttle.blocked(name, address)) {
        log.warn("login refused while throttled user={} address={}", name, address);
        throw new ApiException(
            429, "too_many_attempts", "too many failed logins; try again later", null);
      }
      Optional<User> user = users.authenticate(name, password);
      if (user.isEmpty()) {
        throttle.failed(name, address);
        log.info("login failed user={} address={}", name, address);
        throw ApiException.unauthorized("wrong user name or password");
      }
      throttle.succeeded(name);
      log.info("login user={} address={}", name, address);
      return user.get();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Signs in a browser: the new session and its cookie on the response. */
  public WebSession login(Context ctx, String name, char[] password) {
    User u = authenticate(name, password, ctx.ip());
    // a session id presented before login is never reused (no fixation)
    WebSession s = sessions.create(u.name(), u.roles());
    ctx.header("Set-Cookie", cookie(s.id(), -1));
    return s;
  }

  /** A bearer token for a script. */
  public BearerTokens.Issued token(Context ctx, String name, char[] password) {
    User u = authenticate(name, password, ctx.ip());
    return tokens.issue(u.name(), u.roles());
  }

  /** Ends the session of the request and clears its cookie. */
  public void logout(Context ctx, WebSession s) {
    sessions.end(s);
    ctx.header("Set-Cookie", cookie("", 0));
  }

  /** After a password change: the user's other sessions and every token end. */
  public void passwordChanged(String user, String keepSessionId) {
    sessions.endAllOf(user, keepSessionId);
    tokens.endAllOf(user);
  }

  static String cookie(String value, int maxAge) {
    return Sessions.COOKIE
        + "="
        + value
        + "; Path=/; Secure; HttpOnly; SameSite=Strict"
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
  }
}
