package io.gdsvault.gds.auth;

/**
 * Records a user-management change in the transaction that makes it: when recording fails, the
 * change is rolled back; a change that fails is never recorded as done.
 */
public interface UserAudit {

  /**
   * Called inside the change's transaction.
   *
   * @param caller who made the change
   * @param method the management method, e.g. {@code AddUser}, {@code RemoveUser}, {@code
   *     SetPassword}
   * @param userName the user changed
   * @param detail what changed beyond the name (roles); never a password
   */
  void changed(Caller caller, String method, String userName, String detail);

  /** Records nothing (unit tests). */
  UserAudit NONE = (caller, method, userName, detail) -> {};
}
