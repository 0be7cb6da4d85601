package cn.govdata.governance.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyTest {

  private static final byte[] MESSAGE = "manifest".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSignatureVerifiesWithItsKeyOnlyAndOnlyForItsMessage() {
    NodeKey province = NodeKey.generate("gd-province");
    NodeKey city = NodeKey.generate("gz-city");

    String signature = province.sign(MESSAGE);

    assertThat(NodeKey.verify(province.publicKey(), MESSAGE, signature)).isTrue();
    assertThat(NodeKey.verify(city.publicKey(), MESSAGE, signature)).isFalse();
    assertThat(
            NodeKey.verify(
                province.publicKey(), "manifesT".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
  }

  @Test
  void aReSpelledOrGarbledSignatureTextIsRefused() {
    NodeKey key = NodeKey.generate("gd-province");
    String signature = key.sign(MESSAGE);
    // 64 bytes end in "==": the last data character carries 4 unused bits that decoders ignore.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int last = signature.length() - 3;
    String respelled =
        signature.substring(0, last)
            + alphabet.charAt(alphabet.indexOf(signature.charAt(last)) + 1)
            + signature.substring(last + 1);
    assertThat(Base64.getDecoder().decode(respelled))
        .isEqualTo(Base64.getDecoder().decode(signature));

    assertThat(NodeKey.verify(key.publicKey(), MESSAGE, respelled)).isFalse();
    assertThat(NodeKey.verify(key.publicKey(), MESSAGE, "not base64!")).isFalse();
  }

  @Test
  void aWrittenKeyLoadsBackAndIsPrivateToItsOwner(@TempDir Path dir) throws Exception {
    NodeKey key = NodeKey.generate("sz-city");
    Path file = dir.resolve("node.key");

    key.writePrivateKey(file);
    NodeKey loaded = NodeKey.load("sz-city", file);

    assertThat(NodeKey.verify(key.publicKey(), MESSAGE, loaded.sign(MESSAGE))).isTrue();
    assertThat(loaded.publicKeyText()).isEqualTo(key.publicKeyText());
    assertThat(NodeKey.parsePublicKey(key.publicKeyText())).isEqualTo(key.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void nodeIdsAndPublicKeysAreChecked() {
    assertThatThrownBy(() -> NodeKey.generate("Guangzhou City"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("nodeId")
        .hasMessageContaining("node-id.format");
    assertThatThrownBy(() -> NodeKey.parsePublicKey("AAAA"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("ed25519-public-key");
  }
}
