package io.gdsvault.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Azure OPC Vault workflow in Debian's Chromium: register, upload an openssl CSR, a second user
 * approves, downloads verified by openssl with the CRL, a PFX key pair opened with its password and
 * deleted (then 404), the requester's Approve absent, a forged POST refused; the same request
 * delivered by FinishRequest over OPC UA and listed by {@code gds requests list}.
 */
class WebBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  static WebFixture f;
  static WebDriver browser;
  static Path work;
  static int shot;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install chromium"
            + " chromium-driver): browser test skipped");
    assumeTrue(onPath("openssl"), "openssl is not installed: browser test skipped");
    f = WebFixture.start();
    f.addUser(
        "alice",
        Role.DISCOVERY_ADMIN,
        Role.CERTIFICATE_AUTHORITY_ADMIN,
        Role.REGISTRATION_AUTHORITY_ADMIN);
    f.addUser("bob", Role.REGISTRATION_AUTHORITY_ADMIN);
    work = Files.createTempDirectory("gds-web-browser-");
    Files.createDirectories(SHOTS);
    browser = chromium(work.resolve("profile"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (f != null) {
      f.close();
    }
  }

  static WebDriver chromium(Path profile) throws Exception {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile,
        // trust exactly the console's key (its CA is not in the profile's trust store)
        "--ignore-certificate-errors-spki-list=" + spkiHash());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return d;
  }

  static String spkiHash() throws Exception {
    X509Certificate leaf;
    try (var in = Files.newInputStream(f.gds.dataDir().resolve("pki/https/console.pem"))) {
      leaf =
          (X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    byte[] spki = leaf.getPublicKey().getEncoded();
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
  }

  @Test
  void theVaultWorkflowInChromium() throws Exception {
    String uri = "urn:localhost:acme:pump-" + UUID.randomUUID().toString().substring(0, 8);
    login("alice");
    String appId = registerApplication(uri);
    String requestId = uploadCsr(uri);
    assertThat(text("request-state")).contains("waiting for approval");
    // the requester holds RegistrationAuthorityAdmin, yet her own Approve is not offered
    assertThat(browser.findElements(By.id("approve"))).isEmpty();
    screenshot("request-waiting");
    forgedPostIsRefused(requestId);
    logout();

    login("bob");
    open("/requests?state=new");
    screenshot("requests-queue");
    open("/requests/" + requestId);
    browser.findElement(By.id("comment")).sendKeys("asset list checked");
    browser.findElement(By.id("approve")).click();
    Await.until("the approved state")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> text("request-state").contains("approved"));
    screenshot("request-approved");
    logout();

    login("alice");
    open("/requests/" + requestId);
    Path cert = downloads();
    verifyWithOpenssl(cert);
    deliveredOverOpcUaAndListedByTheCli(appId, requestId);
    keyPairPfxDownloadedOpenedAndDeleted(appId);
    logout();

    // the audit trail (SecurityAdmin) shows who did what through which channel
    login("admin", f.gds.adminPassword());
    open("/audit");
    assertThat(text("audit-verification")).contains("intact");
    assertThat(browser.getPageSource()).contains("alice via web").contains("bob via web");
    screenshot("audit");
    open("/users");
    screenshot("users");
    open("/push");
    screenshot("push");
  }

  private void login(String user) throws Exception {
    login(user, WebFixture.PASSWORD);
  }

  private void login(String user, String password) throws Exception {
    open("/login");
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(password);
    screenshot("login-" + user);
    browser.findElement(By.id("login")).click();
    Await.until(user + " is signed in")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> !browser.findElements(By.id("logout")).isEmpty());
    for (String word :
        List.of(
            "Applications", "Requests", "Certificates", "Certificate groups", "Push", "Audit")) {
      assertThat(browser.findElement(By.tagName("nav")).getText()).contains(word);
    }
  }

  private void logout() {
    browser.findElement(By.id("logout")).click();
    Await.until("the login page after logout")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> browser.getCurrentUrl().endsWith("/login"));
  }

  private String registerApplication(String uri) throws Exception {
    open("/applications");
    screenshot("applications");
    browser.findElement(By.id("register-new")).click();
    // a relative ApplicationUri: the form says which field is wrong
    browser.findElement(By.id("applicationUri")).sendKeys("pump-7");
    browser.findElement(By.id("applicationName")).sendKeys("Pump 7");
    browser.findElement(By.id("discoveryUrls")).sendKeys("opc.tcp://localhost:4840");
    browser.findElement(By.id("register")).click();
    Await.until("the field error")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> !browser.findElement(By.id("applicationUri-error")).getText().isBlank());
    screenshot("register-field-error");
    WebElement field = browser.findElement(By.id("applicationUri"));
    field.clear();
    field.sendKeys(uri);
    browser.findElement(By.id("register")).click();
    Await.until("the application's page")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> text("application-uri").equals(uri));
    screenshot("application-details");
    String url = browser.getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private String uploadCsr(String uri) throws Exception {
    Path key = work.resolve("device.key");
    Path csr = work.resolve("device.csr");
    run(
        "openssl",
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        csr.toString(),
        "-subj",
        "/CN=Pump 7/O=Acme",
        "-addext",
        "subjectAltName=URI:" + uri + ",DNS:localhost");
    browser.findElement(By.id("new-request")).click();
    screenshot("new-request");
    browser.findElement(By.id("csrFile")).sendKeys(csr.toAbsolutePath().toString());
    browser.findElement(By.id("submit-csr")).click();
    Await.until("the request's page")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> browser.getCurrentUrl().contains("/requests/"));
    String url = browser.getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** A POST with the session cookie but without the CSRF token (a forged form): 403. */
  private void forgedPostIsRefused(String requestId) throws Exception {
    String cookie = "gds_session=" + browser.manage().getCookieNamed("gds_session").getValue();
    HttpRequest forged =
        HttpRequest.newBuilder(URI.create(f.base + "/requests/" + requestId + "/reject"))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("reason=forged"))
            .build();
    assertThat(f.http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(403);
    browser.navigate().refresh();
    assertThat(text("request-state")).contains("waiting for approval");
  }

  /** DER, PEM and the base64 text agree; the CA and CRL come from Certificate groups. */
  private Path downloads() throws Exception {
    String der64 = browser.findElement(By.id("base64")).getAttribute("value");
    browser.findElement(By.id("copy-base64")).click();
    Await.until("the copy button confirms")
        .atMost(Duration.ofSeconds(5))
        .isTrue(() -> browser.findElement(By.id("copy-base64")).getText().equals("Copied"));
    screenshot("request-downloads");
    byte[] der = get(href("download-der"));
    assertThat(Base64.getDecoder().decode(der64.trim())).isEqualTo(der);
    Path cert = work.resolve("cert.der");
    Files.write(cert, der);
    open("/groups");
    screenshot("certificate-groups");
    Files.write(
        work.resolve("ca.pem"),
        get(href("DefaultApplicationGroup-RsaSha256ApplicationCertificateType-ca-pem")));
    Files.write(
        work.resolve("crl.pem"),
        get(href("DefaultApplicationGroup-RsaSha256ApplicationCertificateType-crl-pem")));
    open("/certificates");
    screenshot("certificates");
    return cert;
  }

  private void verifyWithOpenssl(Path certDer) throws Exception {
    Path pem = work.resolve("cert.pem");
    run("openssl", "x509", "-inform", "DER", "-in", certDer.toString(), "-out", pem.toString());
    String out =
        run(
            "openssl",
            "verify",
            "-crl_check",
            "-CAfile",
            work.resolve("ca.pem").toString(),
            "-CRLfile",
            work.resolve("crl.pem").toString(),
            pem.toString());
    assertThat(out).contains(": OK");
  }

  /**
   * FinishRequest over OPC UA, by the requester (FinishRequest answers only the user who filed),
   * delivers the request approved in the browser; the CLI lists it.
   */
  private void deliveredOverOpcUaAndListedByTheCli(String appId, String requestId)
      throws Exception {
    OpcUaClient c = TestClients.secure(f.gds, "alice", WebFixture.PASSWORD);
    try {
      int ns = c.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
      NodeId object = GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable());
      NodeId method = GdsNodeIds.resolve(GdsNodeIds.FinishRequest, c.getNamespaceTable());
      CallMethodResult r =
          c.call(
                  List.of(
                      new CallMethodRequest(
                          object,
                          method,
                          new Variant[] {
                            new Variant(new NodeId(ns, UUID.fromString(appId))),
                            new Variant(new NodeId(ns, UUID.fromString(requestId)))
                          })))
              .getResults()[0];
      assertThat(r.getStatusCode().isGood()).as("FinishRequest: %s", r.getStatusCode()).isTrue();
      byte[] delivered = ((ByteString) r.getOutputArguments()[0].value()).bytesOrEmpty();
      assertThat(delivered).isEqualTo(Files.readAllBytes(work.resolve("cert.der")));
    } finally {
      TestClients.disconnect(c);
    }
    Path pw = work.resolve("admin-pw");
    Files.writeString(pw, f.gds.adminPassword() + "\n");
    String json =
        cli(
            "requests",
            "list",
            "--json",
            "--url",
            f.gds.endpointUrl(),
            "--user",
            "admin",
            "--password-file",
            pw.toString());
    var list = WebFixture.JSON.readTree(json);
    boolean seen = false;
    for (var item : list) {
      if (item.get("requestId").asText().toLowerCase(java.util.Locale.ROOT).endsWith(requestId)) {
        seen = true;
        assertThat(item.get("state").asText()).isEqualTo("accepted");
        assertThat(item.get("requestedBy").asText()).isEqualTo("alice via web");
      }
    }
    assertThat(seen).as("gds requests list shows %s: %s", requestId, json).isTrue();
  }

  private void keyPairPfxDownloadedOpenedAndDeleted(String appId) throws Exception {
    open("/applications/" + appId + "/new-request");
    WebElement subject = browser.findElement(By.id("subject"));
    subject.clear();
    subject.sendKeys("CN=Pump 7 key pair, O=Acme");
    browser.findElement(By.id("domainNames")).sendKeys("localhost");
    browser.findElement(By.id("keyPassword")).sendKeys("pfx password 7");
    browser.findElement(By.id("submit-key-pair")).click();
    Await.until("the key pair request's page")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> browser.getCurrentUrl().contains("/requests/"));
    String url = browser.getCurrentUrl();
    String requestId = url.substring(url.lastIndexOf('/') + 1);
    // approved by the second person over the REST API, as a ticketing system would
    WebFixture.Auth bob = f.token("bob");
    Await.until("bob approves the key pair request")
        .atMost(Duration.ofMinutes(2))
        .every(Duration.ofMillis(250))
        .isTrue(
            () ->
                f.send("POST", "/api/v1/requests/" + requestId + "/approve", bob, "").statusCode()
                    == 200);
    Await.until("the private key is offered")
        .atMost(Duration.ofMinutes(2))
        .every(Duration.ofMillis(500))
        .isTrue(
            () -> {
              browser.navigate().refresh();
              return !browser.findElements(By.id("download-key")).isEmpty();
            });
    screenshot("key-pair-ready");
    String keyUrl = href("download-key");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(get(keyUrl)), "pfx password 7".toCharArray());
    assertThat(ks.getKey(ks.aliases().nextElement(), "pfx password 7".toCharArray())).isNotNull();
    browser.findElement(By.id("delete-key")).click();
    browser.switchTo().alert().accept();
    Await.until("the key is gone from the page")
        .atMost(Duration.ofSeconds(30))
        .isTrue(() -> browser.findElements(By.id("download-key")).isEmpty());
    screenshot("key-deleted");
    assertThat(status(keyUrl)).isEqualTo(404);
  }

  // ---------------------------------------------------------------- helpers

  private static void open(String path) {
    browser.get(f.base + path);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String href(String id) {
    return browser.findElement(By.id(id)).getAttribute("href");
  }

  private static HttpRequest withBrowserCookie(String url) {
    String cookie = "gds_session=" + browser.manage().getCookieNamed("gds_session").getValue();
    return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
  }

  private static byte[] get(String url) throws Exception {
    HttpResponse<byte[]> r =
        f.http.send(withBrowserCookie(url), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  private static int status(String url) throws Exception {
    return f.http.send(withBrowserCookie(url), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), png);
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
    return text;
  }

  /** {@code gds ARGS} as its own process (the jar's main class on this class path). */
  private static String cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gdsvault.gds.app.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("GDS_CLI_HOME", work.resolve("cli-home").toString());
    Process p = pb.redirectError(work.resolve("cli.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("gds %s finished", args[0]).isTrue();
    assertThat(p.exitValue())
        .as("gds %s: %s", String.join(" ", args), Files.readString(work.resolve("cli.err")))
        .isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
