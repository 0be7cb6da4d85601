package cn.govdata.governance.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The lines of an exchange log, read once in order in fixed-size chunks, and re-read by position
 * for the few lines whose signature is checked. Verification thus holds one line at a time, not the
 * whole log, whatever its size.
 */
abstract class LogLines {

  /** No entry comes near this; a longer "line" is garbage and is not buffered. */
  static final int MAX_LINE = 1 << 20;

  private static final int CHUNK = 1 << 16;

  /**
   * One line without its newline.
   *
   * @param offset where it starts in the log
   * @param bytes its bytes; only the first {@code MAX_LINE} when {@code tooLong}
   * @param complete whether a newline ended it (the last line of a torn log has none)
   * @param tooLong whether it exceeded {@link #MAX_LINE}
   */
  record Line(long offset, byte[] bytes, boolean complete, boolean tooLong) {}

  private final byte[] chunk = new byte[CHUNK];
  private int chunkLength;
  private int chunkPosition;
  private long position;
  private boolean exhausted;

  static LogLines of(byte[] content) {
    return new LogLines() {
      private int read;

      @Override
      int readChunk(byte[] into) {
        int length = Math.min(into.length, content.length - read);
        System.arraycopy(content, read, into, 0, length);
        read += length;
        return length == 0 ? -1 : length;
      }

      @Override
      byte[] reread(long offset, int length) {
        return Arrays.copyOfRange(content, (int) offset, (int) offset + length);
      }
    };
  }

  static LogLines of(FileChannel channel) {
    return new LogLines() {
      private long read;

      @Override
      int readChunk(byte[] into) throws IOException {
        int length = channel.read(ByteBuffer.wrap(into), read);
        if (length > 0) {
          read += length;
        }
        return length;
      }

      @Override
      byte[] reread(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            throw new IOException("the log shrank while it was being verified");
          }
        }
        return buffer.array();
      }
    };
  }

  /** Fills {@code into} with the next bytes; -1 at the end. */
  abstract int readChunk(byte[] into) throws IOException;

  /** The {@code length} bytes at {@code offset}. */
  abstract byte[] reread(long offset, int length) throws IOException;

  /** The next line, or {@code null} at the end of the log. */
  Line next() throws IOException {
    long start = position;
    byte[] line = new byte[256];
    int length = 0;
    boolean tooLong = false;
    while (true) {
      if (chunkPosition == chunkLength) {
        if (exhausted || (chunkLength = readChunk(chunk)) < 0) {
          exhausted = true;
          chunkLength = 0;
          chunkPosition = 0;
          return length == 0 && !tooLong
              ? null
              : new Line(start, Arrays.copyOf(line, length), false, tooLong);
        }
        chunkPosition = 0;
      }
      byte b = chunk[chunkPosition++];
      position++;
      if (b == '\n') {
        return new Line(start, Arrays.copyOf(line, length), true, tooLong);
      }
      if (length == MAX_LINE) {
        tooLong = true;
        continue;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
      }
      line[length++] = b;
    }
  }
}
