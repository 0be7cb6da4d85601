package cn.govdata.pipelines.quality;

import java.util.List;
import java.util.Map;

/** Renders a quality report as one self-contained HTML page: tables and inline SVG bar charts. */
final class QualityPage {

  private static final int BAR = 14;
  private static final int LABEL = 130;
  private static final int WIDTH = 300;

  private QualityPage() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> content) {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>数据质量报告 ")
        .append(escape(String.valueOf(content.get("run_id"))))
        .append("</title><style>body{font-family:sans-serif;margin:2em}")
        .append("table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;")
        .append("padding:2px 6px;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append("</style></head><body>")
        .append("<h1>数据质量报告 · Data quality report</h1><p>");
    for (var entry : content.entrySet()) {
      if (!entry.getKey().equals("sources")) {
        html.append("<b>")
            .append(escape(entry.getKey()))
            .append("</b>: ")
            .append(escape(String.valueOf(entry.getValue())))
            .append("<br>");
      }
    }
    html.append("</p>");
    Map<String, Object> sources = (Map<String, Object>) content.get("sources");
    for (var source : sources.entrySet()) {
      Map<String, Object> data = (Map<String, Object>) source.getValue();
      Map<String, Map<String, Object>> fields =
          (Map<String, Map<String, Object>>) data.get("fields");
      html.append("<h2>")
          .append(escape(source.getKey()))
          .append("</h2><p>rows: ")
          .append(data.get("rows"))
          .append(", rejected rows: ")
          .append(escape(String.valueOf(data.get("rejected_rows"))))
          .append("</p>");
      html.append(chart(fields));
      html.append(
          "<table><tr><th>field</th><th>valid</th><th>repaired</th><th>rejected</th><th>missing</th>"
              + "<th>completeness before→after</th><th>validity before→after</th><th>consistency</th>"
              + "<th>rules</th></tr>");
      for (var field : fields.entrySet()) {
        Map<String, Object> f = field.getValue();
        html.append("<tr><td>").append(escape(field.getKey())).append("</td>");
        for (String key : List.of("valid", "repaired", "rejected", "missing")) {
          html.append("<td>").append(f.getOrDefault(key, 0L)).append("</td>");
        }
        html.append("<td>")
            .append(f.get("completeness_before"))
            .append(" → ")
            .append(f.get("completeness_after"))
            .append("</td><td>")
            .append(f.get("validity_before"))
            .append(" → ")
            .append(f.get("validity_after"))
            .append("</td><td>")
            .append(f.get("consistency"))
            .append("</td><td style=\"text-align:left\">")
            .append(escape(String.valueOf(f.get("rules"))))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    return html.append("</body></html>").toString();
  }

  /** Completeness before (light) and after (dark) standardisation, one pair of bars per field. */
  private static String chart(Map<String, Map<String, Object>> fields) {
    int height = fields.size() * (2 * BAR + 6) + 10;
    StringBuilder svg =
        new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
            .append(LABEL + WIDTH + 60)
            .append("\" height=\"")
            .append(height)
            .append("\"><title>usable share per field, before and after</title>");
    int y = 5;
    for (var field : fields.entrySet()) {
      double before =
          number(field.getValue().get("completeness_before"))
              * number(field.getValue().get("validity_before"));
      double after = number(field.getValue().get("completeness_after"));
      svg.append(
          String.format(
              "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>",
              y + BAR + 4, escape(field.getKey())));
      svg.append(bar(y, before, "#9ecae1"));
      svg.append(bar(y + BAR, after, "#3182bd"));
      y += 2 * BAR + 6;
    }
    return svg.append("</svg>").toString();
  }

  private static String bar(int y, double share, String colour) {
    return String.format(
        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%.1f%%</text>",
        LABEL,
        y,
        share * WIDTH,
        BAR - 2,
        colour,
        LABEL + share * WIDTH + 3,
        y + BAR - 3,
        share * 100);
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
