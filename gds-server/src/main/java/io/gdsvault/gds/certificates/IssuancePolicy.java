package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.model.net.HostNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What a certificate request may ask for, checked when it is filed (before the approval policy,
 * auto-approve or a person sees it, so none of them can let it through):
 *
 * <ul>
 *   <li>every DNS name and IP address is a host of the application's registered DiscoveryUrls or
 *       allowed by the group's {@link IssuanceRules#allowedNames}; a wildcard only where the group
 *       allows wildcards; never the GDS's own host name (loopback names excepted);
 *   <li>the subject neither equals nor imitates the DN of one of this GDS's CAs (the same common
 *       name, compared as a reader sees it), matches the group's subject pattern and carries none
 *       of its refused common names;
 *   <li>the application is not the GDS itself (its ApplicationUri is reserved).
 * </ul>
 *
 * A refusal is Bad_RequestNotAllowed (Bad_InvalidArgument for a name that is no name) naming the
 * rule; a request that passes gets the checks it passed in the text of its {@code created} history
 * entry, for the approver.
 */
public final class IssuancePolicy {

  private static final int MAX_SHOWN = 64;

  private final Map<String, IssuanceRules> groups;
  private final IssuanceRules fallback;
  private final String gdsApplicationUri;
  private final String gdsHostname;

  /**
   * @param groups the rules per certificate group; a group without an entry gets {@code fallback}
   * @param gdsApplicationUri the GDS's own ApplicationUri (reserved)
   * @param gdsHostname the GDS's own host name (reserved unless it is a loopback name)
   */
  public IssuancePolicy(
      Map<String, IssuanceRules> groups,
      IssuanceRules fallback,
      String gdsApplicationUri,
      String gdsHostname) {
    this.groups = Map.copyOf(groups);
    this.fallback = fallback;
    this.gdsApplicationUri = gdsApplicationUri;
    this.gdsHostname = gdsHostname;
  }

  /** The argument names a refusal is reported against. */
  record Arguments(String names, String subject) {
    static final Arguments CSR = new Arguments("CertificateRequest", "CertificateRequest");
    static final Arguments NEW_KEY_PAIR = new Arguments("DomainNames", "SubjectName");
  }

  /**
   * Checks a request of {@code app} in {@code group} for {@code subject} and {@code names} (DNS
   * names and IP addresses); returns what was checked, for the request's history.
   *
   * @param caSubjects the subjects of this GDS's CA certificates
   * @throws ArgumentRefusal naming the rule that refused
   */
  String check(
      ApplicationRecord app,
      String group,
      String subject,
      List<String> names,
      Supplier<List<X500Name>> caSubjects,
      Arguments args) {
    IssuanceRules rules = groups.getOrDefault(group, fallback);
    if (app.applicationUri().equalsIgnoreCase(gdsApplicationUri)) {
      throw new ArgumentRefusal(
          Reason.REQUEST_NOT_ALLOWED,
          "ApplicationId",
          "the issuance policy reserves the GDS's own ApplicationUri: no certificate is issued"
              + " for it");
    }
    List<String> registered = registeredHosts(app);
    List<String> how = new ArrayList<>();
    for (String name : names) {
      how.add(checkName(name, group, rules, registered, args));
    }
    checkSubject(subject, group, rules, caSubjects.get(), args);
    return "issuance policy of "
        + group
        + " passed: "
        + (how.isEmpty() ? "no DNS names or IP addresses" : String.join(", ", how))
        + "; subject is no CA's and allowed";
  }

  private String checkName(
      String name, String group, IssuanceRules rules, List<String> registered, Arguments args) {
    HostNames.Kind kind = HostNames.classify(name);
    if (kind == HostNames.Kind.INVALID) {
      throw new ArgumentRefusal(
          Reason.INVALID_ARGUMENT,
          args.names(),
          "'" + shown(name) + "' is not a DNS name or IP address");
    }
    if (kind == HostNames.Kind.WILDCARD_DNS_NAME && !rules.allowWildcards()) {
      throw refused(
          args.names(),
          "the issuance policy of " + group + " allows no wildcard DNS names ('" + name + "')");
    }
    if (HostPattern.sameHost(name, gdsHostname) && !isLoopback(gdsHostname)) {
      throw refused(
          args.names(),
          "the issuance policy reserves the GDS's own host name '"
              + name
              + "': no certificate names it");
    }
    if (kind != HostNames.Kind.WILDCARD_DNS_NAME) {
      for (String host : registered) {
        if (HostPattern.sameHost(host, name)) {
          return name + " (registered)";
        }
      }
    }
    for (HostPattern p : rules.patterns()) {
      if (p.matches(name)) {
        return name + " (allowed: " + p.text() + ")";
      }
    }
    throw refused(
        args.names(),
        "'"
            + name
            + "' is neither a host of the application's registered DiscoveryUrls nor allowed by"
            + " the issuance policy of "
            + group);
  }

  private static void checkSubject(
      String subject,
      String group,
      IssuanceRules rules,
      List<X500Name> caSubjects,
      Arguments args) {
    X500Name name;
    try {
      name = new X500Name(subject);
    } catch (RuntimeException e) {
      throw new ArgumentRefusal(
          Reason.INVALID_ARGUMENT, args.subject(), "the subject is not a valid X.500 name");
    }
    List<String> cns = values(name, BCStyle.CN);
    for (X500Name ca : caSubjects) {
      List<String> caCns =
          values(ca, BCStyle.CN).stream()
              .map(IssuanceRules::normalized)
              .filter(cn -> !cn.isEmpty())
              .toList();
      // the same DN, or a common name that contains a CA's (ignoring case, spaces, punctuation)
      boolean imitates =
          ca.equals(name)
              || cns.stream()
                  .map(IssuanceRules::normalized)
                  .anyMatch(cn -> caCns.stream().anyMatch(cn::contains));
      if (imitates) {
        throw refused(
            args.subject(), "the subject equals or imitates the CA '" + shown(ca.toString()) + "'");
      }
    }
    for (String cn : cns) {
      if (rules.refuses(cn)) {
        throw refused(
            args.subject(),
            "the issuance policy of " + group + " refuses the common name '" + shown(cn) + "'");
      }
    }
    var pattern = rules.subjectPattern();
    if (pattern != null && !pattern.matcher(subject).matches()) {
      throw refused(
          args.subject(),
          "the issuance policy of "
              + group
              + " does not allow the subject '"
              + shown(subject)
              + "'");
    }
  }

  /** The hosts of the application's registered DiscoveryUrls. */
  static List<String> registeredHosts(ApplicationRecord app) {
    List<String> hosts = new ArrayList<>();
    for (String url : app.discoveryUrls()) {
      String host = host(url);
      if (!host.isEmpty()) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  /** The host of {@code scheme://[user@]host[:port][/path]} without DNS (empty: none). */
  static String host(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return "";
    }
    String rest = url.substring(start + 3);
    int end = rest.indexOf('/');
    String authority = end < 0 ? rest : rest.substring(0, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? "" : authority.substring(1, close);
    }
    int colon = authority.lastIndexOf(':');
    return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost")
        || (HostNames.isIpAddress(host)
            && HostPattern.address(host).equals(HostPattern.address("::1")))
        || (HostNames.classify(host) == HostNames.Kind.IPV4_ADDRESS && host.startsWith("127."));
  }

  private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> out = new ArrayList<>();
    for (RDN rdn : name.getRDNs(type)) {
      for (var tv : rdn.getTypesAndValues()) {
        if (tv.getType().equals(type)) {
          out.add(IETFUtils.valueToString(tv.getValue()));
        }
      }
    }
    return out;
  }

  private static ArgumentRefusal refused(String argument, String message) {
    return new ArgumentRefusal(Reason.REQUEST_NOT_ALLOWED, argument, message);
  }

  /** Client text shown in a refusal: printable ASCII, at most a few dozen characters. */
  private static String shown(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > MAX_SHOWN ? t.substring(0, MAX_SHOWN) + "..." : t;
  }
}
