package cn.govdata.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a text file really is in the encoding its mapping declares, before Spark reads it:
 * Spark would decode a GBK file as UTF-8 without complaint, replacing every Chinese character.
 */
public final class Encodings {

  private static final int SAMPLE = 1 << 20;

  private Encodings() {}

  /** Throws {@link SourceException} naming the file, the declared encoding and the byte offset. */
  public static void verify(Path file, Charset declared) {
    byte[] sample;
    try (InputStream in = Files.newInputStream(file)) {
      sample = in.readNBytes(SAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a sample may end inside a multi-byte character: check only up to the last line break
    int end = sample.length;
    if (sample.length == SAMPLE) {
      while (end > 0 && sample[end - 1] != '\n') {
        end--;
      }
    }
    CharsetDecoder decoder =
        declared
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(ByteBuffer.wrap(sample, 0, end));
    } catch (CharacterCodingException e) {
      String hint =
          declared.name().equalsIgnoreCase("UTF-8")
              ? "; Chinese extracts from older systems are often GBK: set `encoding: GBK` in the mapping"
              : "";
      throw new SourceException(
          file.getFileName().toString(),
          "encoding",
          "the file is not valid " + declared.name() + hint);
    }
  }
}
