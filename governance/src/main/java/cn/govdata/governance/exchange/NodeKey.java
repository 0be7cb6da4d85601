package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A node's signing key: the Ed25519 key pair with which a platform node (节点) signs its manifests,
 * receipts and exchange-log entries. Peers know the public key from the peer registry and verify
 * with the static methods here. Ed25519 signatures are deterministic and not malleable, so a
 * changed signature never verifies.
 */
public final class NodeKey {

  static final String ALGORITHM = "Ed25519";
  private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  private final String nodeId;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private NodeKey(String nodeId, PrivateKey privateKey, PublicKey publicKey) {
    this.nodeId = checkNodeId(nodeId, "nodeId");
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key for {@code nodeId}, e.g. {@code gd-province} or {@code gz-city}. */
  public static NodeKey generate(String nodeId) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new NodeKey(nodeId, pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
    }
  }

  /** Reads a key written by {@link #writePrivateKey}. */
  /**
   * Where a node keeps its key under its home directory; the catalog service and the exchange agent
   * of one node share it, so peers verify both with the one key in the peer registry.
   */
  public static final Path HOME_KEY_FILE = Path.of("node", "node-key.pem");

  /**
   * Where a node keeps, under its home, the key that signs receipts for consumers on the node
   * itself (drop directories and tables of the node's exchange database): a node does not deliver
   * to itself, so those receipts carry {@link #localReceiverId} and a key of their own, which the
   * control plane of the same home verifies.
   */
  public static final Path LOCAL_RECEIVER_KEY_FILE = Path.of("node", "local-receiver-key.pem");

  /** The id in receipts for the node's own consumers: the node id and {@code -local}. */
  public static String localReceiverId(String nodeId) {
    return checkNodeId(checkNodeId(nodeId, "nodeId") + "-local", "localReceiverId");
  }

  /** Loads the key in {@code privateKeyFile}, or creates and writes one when there is none yet. */
  public static NodeKey loadOrCreate(String nodeId, Path privateKeyFile) {
    if (Files.exists(privateKeyFile)) {
      return load(nodeId, privateKeyFile);
    }
    try {
      Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + privateKeyFile.getParent(), e);
    }
    NodeKey created = generate(nodeId);
    created.writePrivateKey(privateKeyFile);
    return created;
  }

  public static NodeKey load(String nodeId, Path privateKeyFile) {
    try {
      String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
      String body = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      // Java writes Ed25519 PKCS#8 without the public key, so it is kept in a file beside.
      PublicKey publicKey = parsePublicKey(Files.readString(publicKeyFile(privateKeyFile)).strip());
      return new NodeKey(nodeId, privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node key " + privateKeyFile, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + privateKeyFile, e);
    }
  }

  /**
   * Writes the private key as PEM (PKCS#8), readable by its owner only where the file system has
   * POSIX permissions, and the public key beside it ({@code <file>.pub}).
   */
  public void writePrivateKey(Path privateKeyFile) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(privateKey.getEncoded());
    try {
      Files.deleteIfExists(privateKeyFile);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            privateKeyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(privateKeyFile, PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n");
      Files.writeString(publicKeyFile(privateKeyFile), publicKeyText() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write node key " + privateKeyFile, e);
    }
  }

  public String nodeId() {
    return nodeId;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as base64 of its X.509 encoding, the form the peer registry stores. */
  public String publicKeyText() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** Signs {@code message}; the signature is base64. */
  public String sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(message);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with node key of " + nodeId, e);
    }
  }

  /**
   * Whether {@code signature} (base64, as {@link #sign} writes it) is {@code publicKey}'s signature
   * of {@code message}. Text that is not exactly the canonical base64 of the signature bytes is
   * refused, so the signature field of a signed record cannot be re-spelled unnoticed.
   */
  public static boolean verify(PublicKey publicKey, byte[] message, String signature) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(signature)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(message);
      return verifier.verify(bytes);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
    }
  }

  /** Reads a public key written by {@link #publicKeyText()}. */
  public static PublicKey parsePublicKey(String text) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidFieldException(
          "publicKey", "ed25519-public-key", "publicKey must be a base64 X.509 Ed25519 key");
    }
  }

  /** A short stable name of a public key: the SHA-256 of its encoding. */
  public static String keyId(PublicKey publicKey) {
    return Sha256.hex(publicKey.getEncoded());
  }

  static String checkNodeId(String nodeId, String field) {
    Checks.required(nodeId, field);
    if (!NODE_ID.matcher(nodeId).matches()) {
      throw new InvalidFieldException(
          field,
          "node-id.format",
          field + " must be 1-63 lower-case letters, digits or '-', got '" + nodeId + "'");
    }
    return nodeId;
  }

  private static Path publicKeyFile(Path privateKeyFile) {
    return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
  }

  @Override
  public String toString() {
    return "NodeKey[" + nodeId + ", " + keyId(publicKey).substring(0, 16) + "]";
  }
}
