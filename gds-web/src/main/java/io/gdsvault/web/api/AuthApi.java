package io.gdsvault.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.web.security.BearerTokens;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.Logins;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /api/v1/login, /api/v1/logout and /api/v1/tokens. */
public final class AuthApi {

  private final Logins logins;
  private final Guard guard;

  public AuthApi(Logins logins, Guard guard) {
    this.logins = logins;
    this.guard = guard;
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/login", this::login);
    r.post("/api/v1/logout", this::logout);
    r.post("/api/v1/tokens", this::token);
  }

  private void login(Context ctx) {
    ObjectNode body = Json.body(ctx);
    String user = Json.required(body, "username", 128);
    char[] password = Json.required(body, "password", 1024).toCharArray();
    WebSession s = logins.login(ctx, user, password);
    Json.send(ctx, 200, Json.object().put("csrfToken", s.csrfToken()).put("user", s.user()));
  }

  private void logout(Context ctx) {
    WebSession s =
        Guard.session(ctx)
            .or(() -> guard.cookieSession(ctx))
            .orElseThrow(() -> ApiException.unauthorized("not logged in"));
    logins.logout(ctx, s);
    ctx.status(204);
  }

  private void token(Context ctx) {
    ObjectNode body = Json.body(ctx);
    String user = Json.required(body, "username", 128);
    char[] password = Json.required(body, "password", 1024).toCharArray();
    BearerTokens.Issued t = logins.token(ctx, user, password);
    Json.send(
        ctx,
        201,
        Json.object().put("token", t.token()).put("expiresAt", t.grant().expiresAt().toString()));
  }
}
