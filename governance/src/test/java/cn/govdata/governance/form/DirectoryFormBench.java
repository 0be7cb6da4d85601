package cn.govdata.governance.form;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ResourceCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-runnable benchmark, not a test: writes and reads a directory of {@link
 * FormLimits#DEFAULT_MAX_ROWS} rows (the demo entries repeated with fresh codes) as CSV and xlsx
 * and prints sizes and times. Run with {@code ./mvnw -q -pl governance test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=cn.govdata.governance.form.DirectoryFormBench}.
 */
public final class DirectoryFormBench {

  private static final int ROUNDS = 3;

  private DirectoryFormBench() {}

  public static void main(String[] args) {
    int rowCount = args.length > 0 ? Integer.parseInt(args[0]) : FormLimits.DEFAULT_MAX_ROWS;
    List<DemoZoneGenerator.Entry> demo = new DemoZoneGenerator().entries();
    List<ListRow> rows = new ArrayList<>(rowCount);
    for (int i = 0; i < rowCount; i++) {
      InformationResource resource = demo.get(i % demo.size()).resource();
      rows.add(ListRow.of(resource.withCode(new ResourceCode(resource.code().front(), 1000L + i))));
    }
    FormLimits limits = new FormLimits(50L * 1024 * 1024, rowCount);
    System.out.printf("rows: %d, %d rounds each, best time shown%n", rowCount, ROUNDS);
    for (FormFormat format : FormFormat.values()) {
      byte[] file = null;
      long bestWrite = Long.MAX_VALUE;
      long bestRead = Long.MAX_VALUE;
      int valid = 0;
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectoryForm.write(rows, ListKind.DIRECTORY, format, out);
        bestWrite = Math.min(bestWrite, System.nanoTime() - start);
        file = out.toByteArray();
        start = System.nanoTime();
        DirectoryFormReport report =
            DirectoryForm.read(new ByteArrayInputStream(file), format, limits);
        bestRead = Math.min(bestRead, System.nanoTime() - start);
        valid = report.validCount();
      }
      System.out.printf(
          "%-4s size %,d bytes  write %,d ms  read %,d ms  valid rows %d%n",
          format, file.length, bestWrite / 1_000_000, bestRead / 1_000_000, valid);
    }
  }
}
