package io.gdsvault.gds.trust;

import java.util.List;
import java.util.Optional;

/**
 * A Part 12 certificate group (e.g. DefaultApplicationGroup) with its certificate types; the first
 * type is the default used when a request names none.
 */
public record CertificateGroup(String name, List<GroupCertificateType> types) {

  public static final String DEFAULT_APPLICATION_GROUP = "DefaultApplicationGroup";
  public static final String DEFAULT_HTTPS_GROUP = "DefaultHttpsGroup";
  public static final String DEFAULT_USER_TOKEN_GROUP = "DefaultUserTokenGroup";

  public CertificateGroup {
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("certificate group " + name + " has no types");
    }
  }

  public GroupCertificateType defaultType() {
    return types.get(0);
  }

  public Optional<GroupCertificateType> type(String typeName) {
    return types.stream().filter(t -> t.name().equals(typeName)).findFirst();
  }
}
