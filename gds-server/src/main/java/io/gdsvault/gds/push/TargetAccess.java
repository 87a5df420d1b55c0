package io.gdsvault.gds.push;

/**
 * How the GDS reaches a push target: the endpoint and policy of a SignAndEncrypt session, the
 * target's SecurityAdmin user with the password sealed ({@link TargetCredentials}), the server
 * certificate pinned when push was enabled, and how the target's new key is made.
 *
 * @param pinnedThumbprint SHA-1 hex of the server certificate seen when push was enabled
 */
// the sealed password goes to JDBC and the cipher as bytes; never compared with equals
@SuppressWarnings("ArrayRecordComponent")
public record TargetAccess(
    String endpointUrl,
    String securityPolicyUri,
    String targetUser,
    byte[] passwordBlob,
    String pinnedThumbprint,
    KeyMode keyMode) {

  @Override
  public String toString() {
    return "TargetAccess[endpoint=" + endpointUrl + ", user=" + targetUser + "]";
  }
}
