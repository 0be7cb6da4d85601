package cn.govdata.governance.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  @Test
  void hashesTheStandardTestVector() {
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void streamingAFileOfManyBuffersGivesTheHashOfItsBytes(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[300_001];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("part-0000.csv"), bytes);

    Sha256.FileDigest digest = Sha256.of(file);

    assertThat(digest.bytes()).isEqualTo(bytes.length);
    assertThat(digest.sha256()).isEqualTo(Sha256.hex(bytes));
  }

  @Test
  void copyWritesEveryByteAndHashesThemInTheSamePass() throws Exception {
    byte[] bytes = "身份证号码,姓名\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Sha256.FileDigest digest = Sha256.copy(new ByteArrayInputStream(bytes), out);

    assertThat(out.toByteArray()).isEqualTo(bytes);
    assertThat(digest).isEqualTo(new Sha256.FileDigest(bytes.length, Sha256.hex(bytes)));
  }

  @Test
  void aFailingTargetStopsTheCopyAndLeavesNoHashingThreadBehind() {
    byte[] bytes = new byte[5 << 20];
    OutputStream failing =
        new OutputStream() {
          private long written;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > (2 << 20)) {
              throw new IOException("disk full");
            }
          }
        };

    assertThatThrownBy(() -> Sha256.copy(new ByteArrayInputStream(bytes), failing))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .doesNotContain("sha256");
  }
}
