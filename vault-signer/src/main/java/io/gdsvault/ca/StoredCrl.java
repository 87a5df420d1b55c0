package io.gdsvault.ca;

/** The latest CRL of one CA as persisted: its number and DER encoding. */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; nothing compares two of them
public record StoredCrl(long crlNumber, byte[] der) {

  public StoredCrl {
    der = der.clone();
  }

  @Override
  public byte[] der() {
    return der.clone();
  }
}
