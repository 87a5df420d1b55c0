package io.gdsvault.gds.certificates;

/** A private key as delivered to its requester, in the format the requester asked for. */
// byte[] component: the bytes go to the requester as they are; not compared
@SuppressWarnings("ArrayRecordComponent")
public record DownloadedKey(byte[] key, PrivateKeyFormat format) {
  @Override
  public String toString() {
    return "DownloadedKey[" + format + ", hidden]";
  }
}
