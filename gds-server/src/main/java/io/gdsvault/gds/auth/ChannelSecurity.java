package io.gdsvault.gds.auth;

/** The message security mode of the channel a call arrived on. */
public enum ChannelSecurity {
  NONE,
  SIGN,
  SIGN_AND_ENCRYPT
}
