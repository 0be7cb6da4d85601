package cn.govdata.pipelines.generate;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of one generated extract: the source's name, its file format, encoding and header.
 *
 * @param source the source's short name, also the file's base name
 * @param format csv, xlsx or jsonl
 * @param charset the text encoding (csv and jsonl)
 * @param header the column names as the department writes them
 */
public record Extract(String source, String format, Charset charset, List<String> header) {

  public Extract {
    header = List.copyOf(header);
  }

  public String fileName() {
    return source + "." + format;
  }

  TableWriter open(Path directory) {
    return TableWriter.open(directory.resolve(fileName()), format, charset, header);
  }
}
