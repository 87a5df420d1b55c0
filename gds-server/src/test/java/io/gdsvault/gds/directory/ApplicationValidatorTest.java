package io.gdsvault.gds.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationValidatorTest {

  private static ApplicationRecord r(
      String uri, ApplicationType t, List<String> urls, String product) {
    return new ApplicationRecord(
        null, uri, t, List.of(LocalizedName.of("n")), product, urls, List.of());
  }

  @Test
  void validServersAndClientsPass() {
    assertThatCode(
            () ->
                ApplicationValidator.validate(
                    r("urn:a", ApplicationType.SERVER, List.of("opc.tcp://a:1"), "urn:p")))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> ApplicationValidator.validate(r("urn:a", ApplicationType.CLIENT, List.of(), "")))
        .doesNotThrowAnyException();
  }

  @Test
  void part12RulesAreEnforced() {
    // Part 12 §6.6.5 and the reference GDS's ValidateApplication
    for (ApplicationRecord bad :
        List.of(
            r("no-scheme", ApplicationType.SERVER, List.of("opc.tcp://a:1"), ""),
            r("urn:a", ApplicationType.SERVER, List.of(), ""),
            r("urn:a", ApplicationType.DISCOVERY_SERVER, List.of(), ""),
            r("urn:a", ApplicationType.CLIENT, List.of("opc.tcp://a:1"), ""),
            r("urn:a", ApplicationType.SERVER, List.of("opc.tcp://a:1"), "bad product"),
            r("urn:a", ApplicationType.SERVER, List.of("not a url"), ""),
            r("urn:" + "x".repeat(5000), ApplicationType.CLIENT, List.of(), ""),
            new ApplicationRecord(
                null, "urn:a", ApplicationType.CLIENT, List.of(), "", List.of(), List.of()),
            new ApplicationRecord(
                null,
                "urn:a",
                ApplicationType.CLIENT,
                List.of(LocalizedName.of("n")),
                "",
                List.of(),
                List.of("DA", "DA")),
            new ApplicationRecord(
                null,
                "urn:a",
                ApplicationType.CLIENT,
                List.of(LocalizedName.of("n")),
                "",
                List.of(),
                Collections.nCopies(40, "X")))) {
      assertThatThrownBy(() -> ApplicationValidator.validate(bad))
          .as("%s", bad)
          .isInstanceOf(GdsException.class);
    }
  }

  @Test
  void theApplicationTypeFilterFollowsTheDocumentedBitmask() {
    // Part 12 1.05 §6.5.10: a mask, 0x1 Servers, 0x2 Clients, 0 all applications
    assertThat(DirectoryService.typesFor(0)).hasSize(4);
    assertThat(DirectoryService.typesFor(1))
        .containsExactlyInAnyOrder(
            ApplicationType.SERVER,
            ApplicationType.CLIENT_AND_SERVER,
            ApplicationType.DISCOVERY_SERVER);
    assertThat(DirectoryService.typesFor(2))
        .containsExactlyInAnyOrder(ApplicationType.CLIENT, ApplicationType.CLIENT_AND_SERVER);
    assertThat(DirectoryService.typesFor(3)).hasSize(4);
    assertThatThrownBy(() -> DirectoryService.typesFor(4)).isInstanceOf(GdsException.class);
    assertThatThrownBy(() -> DirectoryService.typesFor(5)).isInstanceOf(GdsException.class);
  }
}
