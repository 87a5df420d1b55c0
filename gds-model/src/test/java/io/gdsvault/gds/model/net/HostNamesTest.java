package io.gdsvault.gds.model.net;

import static io.gdsvault.gds.model.net.HostNames.Kind.DNS_NAME;
import static io.gdsvault.gds.model.net.HostNames.Kind.INVALID;
import static io.gdsvault.gds.model.net.HostNames.Kind.IPV4_ADDRESS;
import static io.gdsvault.gds.model.net.HostNames.Kind.IPV6_ADDRESS;
import static io.gdsvault.gds.model.net.HostNames.Kind.WILDCARD_DNS_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.net.HostNames.Wildcards;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "plc-7",
        "PLC-7.Line2.Example.COM",
        "3com.example",
        "a.b.c.d.e.f.g",
        "xn--bcher-kva.example",
        "x"
      })
  void rfc1123NamesAreDnsNames(String name) {
    assertThat(HostNames.classify(name)).isEqualTo(DNS_NAME);
    assertThat(HostNames.isValid(name, Wildcards.REFUSE)).isTrue();
    assertThat(HostNames.isIpAddress(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "host name",
        "host_name",
        "-plc.example",
        "plc-.example",
        "plc..example",
        ".example",
        "example.",
        "bücher.example",
        "host/path",
        "host:4840",
        "[::1]",
        "fe80::1%eth0",
        "1234",
        "999.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "256.1.1.1",
        "1.2.3.-4",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1::2::3",
        ":1:2:3:4:5:6:7",
        "12345::1",
        "g::1",
        "::1.2.3",
        "1.2.3.4::",
        "f*o.example.com",
        "*",
        "*.com",
        "*.*.example.com",
        "plc.*.example.com"
      })
  void everythingElseIsInvalid(String name) {
    assertThat(HostNames.classify(name)).isEqualTo(INVALID);
    assertThat(HostNames.isValid(name, Wildcards.ALLOW)).isFalse();
  }

  @Test
  void nullIsInvalid() {
    assertThat(HostNames.classify(null)).isEqualTo(INVALID);
    assertThat(HostNames.isValid(null, Wildcards.ALLOW)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.1.20.200"})
  void dottedQuadsAreIpv4(String name) {
    assertThat(HostNames.classify(name)).isEqualTo(IPV4_ADDRESS);
    assertThat(HostNames.isIpAddress(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::",
        "::1",
        "1::",
        "fe80::1",
        "2001:DB8:0:0:8:800:200C:417A",
        "2001:db8::8:800:200c:417a",
        "::ffff:192.0.2.1",
        "64:ff9b::192.0.2.33",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7::"
      })
  void rfc4291TextFormsAreIpv6(String name) throws Exception {
    assertThat(HostNames.classify(name)).isEqualTo(IPV6_ADDRESS);
    assertThat(HostNames.isIpAddress(name)).isTrue();
    // the JDK agrees (a literal is parsed, never looked up)
    assertThat(InetAddress.getByName(name).getAddress()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aWildcardIsFlaggedSoThePolicyDecides() {
    // RFC 6125 §6.4.3: only the complete leftmost label may be a wildcard
    assertThat(HostNames.classify("*.plant.example")).isEqualTo(WILDCARD_DNS_NAME);
    assertThat(HostNames.isValid("*.plant.example", Wildcards.ALLOW)).isTrue();
    assertThat(HostNames.isValid("*.plant.example", Wildcards.REFUSE)).isFalse();
    assertThat(HostNames.isIpAddress("*.plant.example")).isFalse();
  }

  @Test
  void labelsMayHaveSixtyThreeCharactersAndNoMore() {
    String label63 = "a".repeat(63);
    assertThat(HostNames.classify(label63 + ".example")).isEqualTo(DNS_NAME);
    assertThat(HostNames.classify(label63 + "a.example")).isEqualTo(INVALID);
  }

  @Test
  void namesMayHaveTwoHundredFiftyThreeCharactersAndNoMore() {
    // four labels of 63 plus three dots is 255; trim to exactly the limit and one past it
    String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    assertThat(longest).hasSize(HostNames.MAX_LENGTH);
    assertThat(HostNames.classify(longest)).isEqualTo(DNS_NAME);
    assertThat(HostNames.classify(longest + "a")).isEqualTo(INVALID);
    assertThat(HostNames.classify("*." + longest.substring(2))).isEqualTo(WILDCARD_DNS_NAME);
    assertThat(HostNames.classify("*." + longest)).isEqualTo(INVALID);
    assertThat(HostNames.classify("a".repeat(100_000))).isEqualTo(INVALID);
  }
}
