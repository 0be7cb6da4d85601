package cn.govdata.pipelines.link;

import cn.govdata.pipelines.cleanse.Addresses;
import cn.govdata.pipelines.cleanse.CompanyNames;
import cn.govdata.pipelines.cleanse.Dates;
import cn.govdata.pipelines.cleanse.IdentityNumberCleaner;
import cn.govdata.pipelines.cleanse.OrganisationIdentifiers;
import cn.govdata.pipelines.cleanse.PhoneNumbers;
import cn.govdata.pipelines.cleanse.Sexes;
import cn.govdata.pipelines.cleanse.Text;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;

/**
 * The standardisers a linkage configuration can name for a field; each maps a raw value to its
 * standard form or null (missing or rejected). They are Spark functions, serialisable to executors.
 */
public final class Standardisers {

  public static final List<String> NAMES =
      List.of(
          "text",
          "name",
          "address",
          "pinyin",
          "identity_number",
          "phone",
          "date",
          "sex",
          "company_name",
          "credit_code",
          "registration_number",
          "organisation_key");

  private Standardisers() {}

  public static UDF1<String, String> named(String name, LocalDate today) {
    return switch (name) {
      case "text" -> Text::clean;
      case "name" -> Text::matchKey;
      case "address" -> raw -> Addresses.parse(raw).cleaned().value();
      case "pinyin" -> raw -> Similarity.pinyin(Text.matchKey(raw));
      case "identity_number" -> raw -> IdentityNumberCleaner.standardise(raw, today).value();
      case "phone" -> raw -> PhoneNumbers.standardise(raw).value();
      case "date" -> raw -> Dates.standardise(raw).value();
      case "sex" -> raw -> Sexes.standardise(raw).value();
      case "company_name" -> CompanyNames::matchKey;
      case "credit_code" -> raw -> OrganisationIdentifiers.creditCode(raw).value();
      case "registration_number" -> raw -> OrganisationIdentifiers.registrationNumber(raw).value();
      case "organisation_key" -> OrganisationIdentifiers::organisationKey;
      default -> throw new LinkConfigException("standardise", "unknown standardiser " + name);
    };
  }
}
