package io.gdsvault.gds.config;

/** Configuration that cannot be read or does not validate; the message is meant for operators. */
public class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
