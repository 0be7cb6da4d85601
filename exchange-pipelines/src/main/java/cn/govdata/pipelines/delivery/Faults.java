package cn.govdata.pipelines.delivery;

/**
 * Points in a delivery where tests stop the process or damage what was written, to show that a
 * resumed delivery neither loses nor duplicates rows and that damage is caught. Production passes
 * {@link #NONE}.
 */
public interface Faults {

  Faults NONE = new Faults() {};

  /** After a data file has been written under its final name ({@code index} from 0). */
  default void afterFile(java.nio.file.Path file, int index) {}

  /** After {@code rows} rows went into the JDBC target, before the commit. */
  default void afterRows(long rows) {}

  /** After the manifest is published, before the receiver is asked for its receipt. */
  default void beforeReceipt(java.nio.file.Path deliveryDirectory) {}

  /** The bytes of a file on their way to a peer node; a test may damage or stall them. */
  default java.io.InputStream inTransit(String file, java.io.InputStream bytes) {
    return bytes;
  }
}
