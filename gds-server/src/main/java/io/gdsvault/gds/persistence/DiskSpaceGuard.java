package io.gdsvault.gds.persistence;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The disk-space watermark: new write transactions are refused (Reason.RESOURCE_UNAVAILABLE, on the
 * wire Bad_ResourceUnavailable) while the file system holding the data directory has less than the
 * configured space free, so the database never meets a full disk in the middle of a write. Reads go
 * on. The free space is looked up at most every {@link #RECHECK_NANOS}.
 */
public final class DiskSpaceGuard implements Runnable {

  static final long RECHECK_NANOS = 500_000_000L;

  private final LongSupplier usableBytes;
  private final long minFreeBytes;
  private volatile long checkedAt;
  private volatile boolean low;
  private volatile boolean checked;

  /** The guard of the file system holding {@code dir}. */
  public static DiskSpaceGuard of(Path dir, long minFreeBytes) {
    return new DiskSpaceGuard(
        () -> {
          try {
            return Files.getFileStore(dir).getUsableSpace();
          } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: do not refuse on a failed look-up
          }
        },
        minFreeBytes);
  }

  DiskSpaceGuard(LongSupplier usableBytes, long minFreeBytes) {
    this.usableBytes = usableBytes;
    this.minFreeBytes = minFreeBytes;
  }

  /** Throws when the free space is below the watermark. */
  @Override
  public void run() {
    if (minFreeBytes <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (!checked || now - checkedAt > RECHECK_NANOS) {
      low = usableBytes.getAsLong() < minFreeBytes;
      checkedAt = now;
      checked = true;
    }
    if (low) {
      throw new GdsException(
          Reason.RESOURCE_UNAVAILABLE,
          "the GDS refuses changes: its disk is nearly full (below database.minFreeDiskMb)");
    }
  }
}
