package cn.govdata.sql.bypass;

import cn.govdata.governance.codes.IdentityNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds personal data in the clear in query results: valid identity numbers and mobiles. */
final class ClearValueScanner {

  private static final Pattern ID_CANDIDATE =
      Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

  private ClearValueScanner() {}

  /** Every clear identity number (valid check character) and mobile in the rows. */
  static List<String> clearValues(List<List<Object>> rows) {
    List<String> found = new ArrayList<>();
    for (List<Object> row : rows) {
      for (Object cell : row) {
        if (cell == null) {
          continue;
        }
        String text = cell.toString();
        Matcher id = ID_CANDIDATE.matcher(text);
        while (id.find()) {
          if (IdentityNumbers.isValid(id.group())) {
            found.add("identity number " + id.group());
          }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
          found.add("mobile " + mobile.group());
        }
      }
    }
    return found;
  }
}
