package cn.govdata.catalog.security;

import cn.govdata.catalog.web.Digests;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys for developers. A key is 32 random bytes, so a fast SHA-256 of it is a safe thing to
 * store: unlike a password it cannot be guessed from a dictionary.
 */
public final class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "gdk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String key) {
    return Digests.sha256Hex(key);
  }
}
