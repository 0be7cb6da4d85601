package cn.govdata.sql.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password and API-key hashing. Passwords are low-entropy, so they get a salted, slow PBKDF2; API
 * keys are 256 random bits, for which a SHA-256 is enough and keeps every request fast.
 */
public final class Secrets {

  private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
  private static final int ITERATIONS = 60_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code pbkdf2-sha256$iterations$salt$hash}, salt and hash in Base64. */
  public static String hashPassword(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
  }

  /** A new API key: {@code gdk_} and 43 URL-safe characters. */
  public static String newApiKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "gdk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  public static String hashApiKey(String apiKey) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(PlatformUser user, String secret) {
    String keyHash = hashApiKey(secret);
    boolean keyMatches = false;
    for (String candidate : user.apiKeyHashes()) {
      keyMatches |=
          MessageDigest.isEqual(
              candidate.getBytes(StandardCharsets.UTF_8), keyHash.getBytes(StandardCharsets.UTF_8));
    }
    return keyMatches
        || (user.passwordHash() != null && passwordMatches(user.passwordHash(), secret));
  }

  static boolean passwordMatches(String stored, String password) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[1])));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
