package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.model.LocalizedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reader of the directory's JSON columns agrees with Jackson, or steps aside. */
class JsonListsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsWhatJacksonWritesIncludingEscapesAndNonAscii() throws Exception {
    // random strings over a hostile alphabet: quotes, backslashes, control characters, surrogates
    Random r = new Random(12);
    String alphabet = "aZ09 \"\\/\b\f\n\r\t\u0001\u001f\u00e9\u4e2d{}[],:";
    for (int n = 0; n < 2000; n++) {
      List<String> strings = new ArrayList<>();
      List<LocalizedName> names = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        strings.add(random(r, alphabet));
        names.add(
            new LocalizedName(
                r.nextBoolean() ? "" : random(r, alphabet), random(r, alphabet) + "\ud83d\ude00"));
      }
      assertThat(JsonLists.strings(JSON.writeValueAsString(strings))).isEqualTo(strings);
      assertThat(JsonLists.names(JSON.writeValueAsString(names))).isEqualTo(names);
    }
  }

  @Test
  void otherShapesAreLeftToJackson() {
    for (String odd :
        List.of(
            "",
            "[",
            "[\"a\"",
            "[\"a\",]",
            "[1]",
            "[null]",
            "[\"a\"] x",
            "{}",
            "[\"\\x\"]",
            "[\"\\u12\"]")) {
      assertThat(JsonLists.strings(odd)).as(odd).isNull();
    }
    for (String odd :
        List.of(
            "[{}]",
            "[{\"locale\":\"en\"}]",
            "[{\"text\":\"a\",\"other\":\"b\"}]",
            "[{\"text\":null}]",
            "[{\"text\":\"a\"}")) {
      assertThat(JsonLists.names(odd)).as(odd).isNull();
    }
    assertThat(JsonLists.names("[ { \"text\" : \"a\" , \"locale\" : \"de\" } ]"))
        .containsExactly(new LocalizedName("de", "a"));
    assertThat(JsonLists.strings("[]")).isEmpty();
  }

  private static String random(Random r, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int k = r.nextInt(12); k > 0; k--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
