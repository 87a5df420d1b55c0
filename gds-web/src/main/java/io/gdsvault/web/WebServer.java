package io.gdsvault.web;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.app.WebConsole;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.web.api.ApiException;
import io.gdsvault.web.api.ApplicationsApi;
import io.gdsvault.web.api.AuthApi;
import io.gdsvault.web.api.CatalogApi;
import io.gdsvault.web.api.Json;
import io.gdsvault.web.api.RequestsApi;
import io.gdsvault.web.metrics.GdsMetrics;
import io.gdsvault.web.pages.Pages;
import io.gdsvault.web.security.BearerTokens;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.LoginThrottle;
import io.gdsvault.web.security.Logins;
import io.gdsvault.web.security.Sessions;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: Javalin on one Jetty HTTPS connector (TLS 1.2 and 1.3 only) with the console's
 * certificate, the guard before every handler, the REST API, the pages, /metrics and /health.
 */
public final class WebServer implements WebConsole {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final Javalin javalin;
  private final ScheduledExecutorService scheduler;
  private final String url;

  private WebServer(Javalin javalin, ScheduledExecutorService scheduler, String url) {
    this.javalin = javalin;
    this.scheduler = scheduler;
    this.url = url;
  }

  /** Starts the console of {@code app} on {@code web.port}. */
  public static WebServer start(GdsApplication app, Clock clock) throws Exception {
    GdsSettings settings = app.settings();
    GdsSettings.WebSettings web = settings.web();
    String bind = settings.server().bind();
    HttpsCertificate cert = certificate(app, clock);
    SslContextFactory.Server tls = tls(cert.current());
    Sessions sessions = new Sessions(Duration.ofMinutes(web.sessionTimeoutMinutes()), clock);
    BearerTokens tokens = new BearerTokens(Duration.ofMinutes(web.tokenTtlMinutes()), clock);
    LoginThrottle throttle =
        new LoginThrottle(
            web.maxLoginFailures(), Duration.ofMinutes(web.loginLockoutMinutes()), clock);
    Logins logins = new Logins(app.users(), sessions, tokens, throttle);
    Guard guard = new Guard(sessions, tokens);
    GdsMetrics metrics = new GdsMetrics(app, clock);
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = web.maxBodyBytes();
              cfg.jetty.addConnector(
                  (server, http) -> connector(server, http, tls, bind, web.port()));
              routes(cfg, app, clock, guard, logins, metrics);
            });
    javalin.start();
    String host = "0.0.0.0".equals(bind) ? settings.server().hostname() : bind;
    String url =
        "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + javalin.port() + "/";
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gds-web");
              t.setDaemon(true);
              return t;
            });
    Runnable sweep =
        () -> {
          sessions.sweep();
          tokens.sweep();
          throttle.sweep();
        };
    var unusedSweep = scheduler.scheduleWithFixedDelay(sweep, 1, 1, TimeUnit.MINUTES);
    var unusedRenew =
        scheduler.scheduleWithFixedDelay(() -> renew(cert, tls), 1, 24, TimeUnit.HOURS);
    log.info("web console on {}", url);
    return new WebServer(javalin, scheduler, url);
  }

  /** The console's certificate from the DefaultHttpsGroup CA, for the configured host names. */
  private static HttpsCertificate certificate(GdsApplication app, Clock clock) {
    GdsSettings settings = app.settings();
    List<String> hosts = new ArrayList<>();
    hosts.add(settings.server().hostname());
    hosts.add(settings.server().bind());
    return new HttpsCertificate(
        app.dataDirectory().resolve("pki").resolve("https"),
        app.certificates()
            .groups()
            .requireGroup(CertificateGroup.DEFAULT_HTTPS_GROUP)
            .defaultType()
            .ca(),
        hosts,
        Duration.ofDays(settings.web().certificateRenewDays()),
        clock);
  }

  /** The one HTTPS connector: TLS 1.2+ with the console's key store, then HTTP/1.1. */
  private static ServerConnector connector(
      org.eclipse.jetty.server.Server server,
      org.eclipse.jetty.server.HttpConfiguration http,
      SslContextFactory.Server tls,
      String bind,
      int port) {
    http.addCustomizer(new SecureRequestCustomizer(false));
    http.setSendServerVersion(false);
    ServerConnector c =
        new ServerConnector(
            server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
    c.setHost(bind);
    c.setPort(port);
    return c;
  }

  private static void routes(
      JavalinConfig cfg,
      GdsApplication app,
      Clock clock,
      Guard guard,
      Logins logins,
      GdsMetrics metrics) {
    var r = cfg.routes;
    r.before(guard::check);
    r.before(ctx -> ctx.attribute("gds.started", System.nanoTime()));
    r.after(ctx -> timed(ctx, metrics));
    r.get("/health", ctx -> health(ctx, app));
    r.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    r.get("/api/v1/openapi.json", ctx -> resource(ctx, "/openapi.json", "application/json"));
    r.get("/static/app.js", ctx -> resource(ctx, "/static/app.js", "text/javascript"));
    r.get("/static/style.css", ctx -> resource(ctx, "/static/style.css", "text/css"));
    ApplicationsApi applications = new ApplicationsApi(app);
    RequestsApi requests = new RequestsApi(app);
    CatalogApi catalog = new CatalogApi(app, clock);
    new AuthApi(logins, guard).register(r);
    applications.register(r);
    requests.register(r);
    catalog.register(r);
    new Pages(app, logins, guard, applications, requests, catalog, clock).register(r);
    r.exception(ApiException.class, (e, ctx) -> refused(ctx, e));
    r.exception(
        HttpResponseException.class,
        (e, ctx) ->
            refused(
                ctx,
                new ApiException(
                    e.getStatus(),
                    e.getStatus() == 413 ? "too_large" : "bad_request",
                    e.getStatus() == 413 ? "the request body is too large" : "bad request",
                    null)));
    r.exception(
        Exception.class,
        (e, ctx) -> {
          log.warn("web request failed path={}", ctx.path(), e);
          refused(ctx, new ApiException(500, "internal", "internal error", null));
        });
    r.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            refused(ctx, ApiException.notFound("page"));
          }
        });
  }

  /** An error as JSON under /api, else as a page (a login page for 401). */
  private static void refused(Context ctx, ApiException e) {
    if (!ctx.path().startsWith("/api/") && !"/metrics".equals(ctx.path())) {
      Pages.refused(ctx, e);
      return;
    }
    Json.send(ctx, e.status(), Json.error(e));
  }

  private static void timed(Context ctx, GdsMetrics metrics) {
    Long started = ctx.attribute("gds.started");
    if (started == null) {
      return;
    }
    String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    metrics
        .httpTimer(route, ctx.statusCode())
        .record(Duration.ofNanos(System.nanoTime() - started));
  }

  private static void health(Context ctx, GdsApplication app) {
    boolean db;
    try (var c = app.database().dataSource().getConnection()) {
      db = c.isValid(2);
    } catch (java.sql.SQLException e) {
      db = false;
    }
    Json.send(
        ctx,
        db ? 200 : 503,
        Json.object()
            .put("status", db ? "up" : "down")
            .put("database", db ? "up" : "down")
            .put("opcua", app.endpointUrl()));
  }

  private static void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw ApiException.notFound("resource");
      }
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  static SslContextFactory.Server tls(HttpsCertificate.Loaded loaded) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(loaded.keyStore());
    tls.setKeyStorePassword(new String(loaded.password()));
    tls.setKeyManagerPassword(new String(loaded.password()));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.setExcludeProtocols("SSLv3", "TLSv1", "TLSv1.1");
    tls.setRenegotiationAllowed(false);
    tls.setSniRequired(false);
    return tls;
  }

  private static void renew(HttpsCertificate cert, SslContextFactory.Server tls) {
    try {
      HttpsCertificate.Loaded next = cert.renewIfDue();
      if (next != null) {
        tls.reload(
            f -> {
              f.setKeyStore(next.keyStore());
              f.setKeyStorePassword(new String(next.password()));
              f.setKeyManagerPassword(new String(next.password()));
            });
        log.info("the web console serves its renewed certificate");
      }
    } catch (Exception e) {
      log.warn("web console certificate renewal failed; will retry: {}", e.toString());
    }
  }

  /** A free TCP port on the loopback address (tests). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * The registered routes as {@code METHOD path} (the OpenAPI document is checked against them).
   */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (var e : javalin.unsafe.internalRouter.allHttpHandlers()) {
      out.add(e.endpoint.method.name() + " " + e.endpoint.path);
    }
    return out;
  }

  /** The TCP port it listens on. */
  public int port() {
    return javalin.port();
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    javalin.stop();
  }
}
