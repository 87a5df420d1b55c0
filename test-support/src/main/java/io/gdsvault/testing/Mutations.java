package io.gdsvault.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of valid encodings for the {@link Fuzz} properties: bit flips, truncations,
 * corrupted DER and UA Binary length fields, spliced ranges, random bytes and deep nesting.
 */
public final class Mutations {

  private Mutations() {}

  /** One of the mutations below, chosen by {@code r}; never the input unchanged. */
  public static byte[] any(byte[] valid, Random r) {
    byte[] m = pick(valid, r);
    return Arrays.equals(m, valid) ? bitFlips(valid, r) : m;
  }

  private static byte[] pick(byte[] valid, Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> bitFlips(valid, r);
      case 1 -> truncate(valid, r);
      case 2 -> derLength(valid, r);
      case 3 -> int32Window(valid, r);
      case 4 -> splice(valid, r);
      case 5 -> derLength(bitFlips(valid, r), r);
      default ->
          random(r, 1 + r.nextInt(Math.max(2, valid.length * 2)), r.nextBoolean() ? valid[0] : -1);
    };
  }

  /** 1 to 8 distinct bytes XORed with a non-zero value (so the result always differs). */
  public static byte[] bitFlips(byte[] valid, Random r) {
    byte[] m = valid.clone();
    java.util.Set<Integer> done = new java.util.HashSet<>();
    for (int k = 1 + r.nextInt(8); k > 0 && m.length > 0; k--) {
      int at = r.nextInt(m.length);
      if (done.add(at)) {
        m[at] ^= (byte) (1 + r.nextInt(255));
      }
    }
    return m;
  }

  /** A prefix of 0 to length-1 bytes. */
  public static byte[] truncate(byte[] valid, Random r) {
    return Arrays.copyOf(valid, valid.length == 0 ? 0 : r.nextInt(valid.length));
  }

  /**
   * One DER length field (found by walking the TLV tree) replaced by a hostile one: indefinite,
   * four-byte 0xFFFFFFFF, 0x7FFFFFFF, too long or short by one, zero, or a reserved form.
   */
  public static byte[] derLength(byte[] valid, Random r) {
    List<int[]> lengths = new ArrayList<>();
    walk(valid, 0, valid.length, 0, lengths);
    if (lengths.isEmpty()) {
      return bitFlips(valid, r);
    }
    int[] field = lengths.get(r.nextInt(lengths.size()));
    int at = field[0];
    int size = field[1];
    int value = field[2];
    byte[] replacement =
        switch (r.nextInt(7)) {
          case 0 -> new byte[] {(byte) 0x80};
          case 1 -> new byte[] {(byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
          case 2 -> new byte[] {(byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
          case 3 -> derLengthBytes(value + 1);
          case 4 -> derLengthBytes(Math.max(0, value - 1));
          case 5 -> new byte[] {0};
          default -> new byte[] {(byte) 0xFF};
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.write(replacement, 0, replacement.length);
    out.write(valid, at + size, valid.length - at - size);
    byte[] m = out.toByteArray();
    // a zero length "shortened by one" or "set to zero" is the same field: change something else
    return Arrays.equals(m, valid) ? bitFlips(valid, r) : m;
  }

  /** A 4-byte little-endian window overwritten with a hostile Int32 (UA Binary lengths). */
  public static byte[] int32Window(byte[] valid, Random r) {
    if (valid.length < 4) {
      return bitFlips(valid, r);
    }
    int[] hostile = {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65_536, 65_535, 1 << 24, 0, -2};
    int v = hostile[r.nextInt(hostile.length)];
    byte[] m = valid.clone();
    int at = r.nextInt(m.length - 3);
    m[at] = (byte) v;
    m[at + 1] = (byte) (v >> 8);
    m[at + 2] = (byte) (v >> 16);
    m[at + 3] = (byte) (v >> 24);
    return m;
  }

  /** A random range of the input deleted, duplicated or moved. */
  public static byte[] splice(byte[] valid, Random r) {
    if (valid.length < 2) {
      return bitFlips(valid, r);
    }
    int from = r.nextInt(valid.length - 1);
    int to = from + 1 + r.nextInt(valid.length - from - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (r.nextInt(3)) {
      case 0 -> {
        out.write(valid, 0, from);
        out.write(valid, to, valid.length - to);
      }
      case 1 -> {
        out.write(valid, 0, to);
        out.write(valid, from, valid.length - from);
      }
      default -> {
        out.write(valid, to, valid.length - to);
        out.write(valid, 0, to);
      }
    }
    return out.toByteArray();
  }

  /** {@code length} random bytes, the first set to {@code first} unless it is -1. */
  public static byte[] random(Random r, int length, int first) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    if (first != -1 && length > 0) {
      b[0] = (byte) first;
    }
    return b;
  }

  /** {@code depth} nested indefinite-length SEQUENCEs, the shape that overflows naive parsers. */
  public static byte[] deepDer(int depth) {
    byte[] b = new byte[depth * 2 + depth * 2];
    for (int i = 0; i < depth; i++) {
      b[2 * i] = 0x30;
      b[2 * i + 1] = (byte) 0x80;
    }
    return b;
  }

  private static byte[] derLengthBytes(int v) {
    if (v < 0x80) {
      return new byte[] {(byte) v};
    }
    if (v < 0x100) {
      return new byte[] {(byte) 0x81, (byte) v};
    }
    if (v < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (v >> 8), (byte) v};
    }
    return new byte[] {(byte) 0x83, (byte) (v >> 16), (byte) (v >> 8), (byte) v};
  }

  /**
   * Records {offset of the length field, its size, its value} of each TLV, descending constructed
   * ones.
   */
  private static void walk(byte[] b, int from, int to, int depth, List<int[]> out) {
    int i = from;
    while (i < to && depth < 64) {
      int tag = b[i] & 0xFF;
      if (i + 1 >= to) {
        return;
      }
      int lenAt = i + 1;
      int first = b[lenAt] & 0xFF;
      int size;
      int len;
      if (first < 0x80) {
        size = 1;
        len = first;
      } else {
        int n = first & 0x7F;
        if (n == 0 || n > 3 || lenAt + n >= to) {
          return;
        }
        len = 0;
        for (int k = 1; k <= n; k++) {
          len = len << 8 | (b[lenAt + k] & 0xFF);
        }
        size = 1 + n;
      }
      int body = lenAt + size;
      if (body + len > to) {
        return;
      }
      out.add(new int[] {lenAt, size, len});
      if ((tag & 0x20) != 0) {
        walk(b, body, body + len, depth + 1, out);
      } else if (tag == 0x03 && len > 1) {
        // BIT STRING wrapping DER (public keys): look inside after the unused-bits byte
        walk(b, body + 1, body + len, depth + 1, out);
      }
      i = body + len;
    }
  }
}
