package io.gdsvault.web.pages;

import io.gdsvault.gds.auth.Role;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.WebSession;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** HTML building: escaping, the page frame with its navigation bar, forms with the CSRF token. */
final class Html {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Html() {}

  static String esc(@Nullable String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String time(@Nullable Instant i) {
    return i == null ? "" : TIME.format(i);
  }

  /** Sends a whole page. */
  static void send(Context ctx, int status, String title, @Nullable WebSession s, String body) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(page(title, s, body));
  }

  static String page(String title, @Nullable WebSession s, String body) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" · GDS Vault</title><link rel=\"stylesheet\" href=\"/static/style.css\">")
        .append("<script src=\"/static/app.js\" defer></script></head><body>");
    if (s != null) {
      b.append(nav(s));
    }
    b.append("<main><h1>").append(esc(title)).append("</h1>").append(body).append("</main>");
    b.append("</body></html>");
    return b.toString();
  }

  private static String nav(WebSession s) {
    StringBuilder b = new StringBuilder("<nav><span class=\"brand\">GDS Vault</span>");
    link(b, "/applications", "Applications");
    link(b, "/requests", "Requests");
    link(b, "/certificates", "Certificates");
    link(b, "/groups", "Certificate groups");
    link(b, "/push", "Push");
    link(b, "/audit", "Audit");
    if (s.has(Role.SECURITY_ADMIN)) {
      link(b, "/users", "Users");
    }
    b.append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
        .append(csrf(s))
        .append("<span>")
        .append(esc(s.user()))
        .append("</span> <button type=\"submit\" id=\"logout\">Log out</button></form></nav>");
    return b.toString();
  }

  private static void link(StringBuilder b, String href, String text) {
    b.append("<a href=\"").append(href).append("\">").append(esc(text)).append("</a>");
  }

  static String csrf(WebSession s) {
    return "<input type=\"hidden\" name=\""
        + Guard.CSRF_FIELD
        + "\" value=\""
        + esc(s.csrfToken())
        + "\">";
  }

  /** A form posting to {@code action} with the CSRF token and a submit button. */
  static String postButton(
      WebSession s, String action, String label, String id, @Nullable String confirm) {
    return "<form method=\"post\" action=\""
        + esc(action)
        + "\" class=\"inline\""
        + (confirm == null ? "" : " data-confirm=\"" + esc(confirm) + "\"")
        + ">"
        + csrf(s)
        + "<button type=\"submit\" id=\""
        + esc(id)
        + "\">"
        + esc(label)
        + "</button></form>";
  }

  static String message(@Nullable String error) {
    return error == null || error.isEmpty()
        ? ""
        : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";
  }

  /** A labelled text input with its field-level message. */
  static String input(
      String name, String label, @Nullable String value, @Nullable String error, boolean required) {
    return "<label for=\""
        + name
        + "\">"
        + esc(label)
        + "</label><input id=\""
        + name
        + "\" name=\""
        + name
        + "\" value=\""
        + esc(value)
        + "\""
        + (required ? " required" : "")
        + ">"
        + (error == null
            ? ""
            : "<span class=\"field-error\" id=\"" + name + "-error\">" + esc(error) + "</span>");
  }

  static String badge(String state) {
    String text =
        switch (state) {
          case "new" -> "waiting for approval";
          case "approved" -> "approved";
          case "accepted" -> "delivered";
          case "running" -> "running…";
          case "pending" -> "pending";
          default -> state;
        };
    return "<span class=\"badge state-" + esc(state) + "\">" + esc(text) + "</span>";
  }
}
