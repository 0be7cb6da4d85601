package cn.govdata.pipelines.legalentity;

import static cn.govdata.pipelines.cleanse.CleanedColumns.cleaner;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import cn.govdata.pipelines.cleanse.Addresses;
import cn.govdata.pipelines.cleanse.CleanedColumns;
import cn.govdata.pipelines.cleanse.CompanyNames;
import cn.govdata.pipelines.cleanse.Dates;
import cn.govdata.pipelines.cleanse.OrganisationIdentifiers;
import cn.govdata.pipelines.cleanse.PersonNames;
import cn.govdata.pipelines.cleanse.PhoneNumbers;
import cn.govdata.pipelines.cleanse.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * The standardised layer of the legal-entity database: every field of every register record in
 * standard form with its status and the rule behind a repair or rejection. The organisation code is
 * read from whatever identifier the register holds (credit code, legacy organisation code, old tax
 * number): it is the key that links an entity across registers of before and after 2015.
 */
public final class LegalEntityStandardiser {

  /** The standard fields of a legal entity (法人), in table order. */
  public static final List<String> FIELDS =
      List.of(
          "credit_code",
          "organisation_code",
          "registration_number",
          "name",
          "representative",
          "address",
          "founded",
          "capital",
          "supervisor",
          "phone");

  /**
   * Fields no register column maps to, read from a mapped one: the organisation code is inside
   * whatever the credit code column holds.
   */
  public static final Map<String, String> DERIVED = Map.of("organisation_code", "credit_code");

  private LegalEntityStandardiser() {}

  /**
   * Standardises the raw rows (standard column names, strings); fields a register does not have
   * come out as MISSING. {@code cross_check} names rules broken between fields of one record.
   */
  public static Dataset<Row> standardise(Dataset<Row> raw, LocalDate today) {
    Dataset<Row> cleaned =
        CleanedColumns.standardise(raw, FIELDS, DERIVED, LegalEntityStandardiser::cleanerFor);
    // a credit code carries the registering authority's region: the address should lie in its city
    Column credit = col("credit_code");
    Column division = col("division_code");
    return cleaned.withColumn(
        "cross_check",
        when(
            credit
                .isNotNull()
                .and(division.isNotNull())
                .and(substring(credit, 3, 4).notEqual(substring(division, 1, 4))),
            lit("credit-code.region-mismatch")));
  }

  private static UserDefinedFunction cleanerFor(String field) {
    return switch (field) {
      case "credit_code" -> cleaner(OrganisationIdentifiers::creditCodeOrLegacy);
      case "organisation_code" -> cleaner(OrganisationIdentifiers::organisationCodeOf);
      case "registration_number" -> cleaner(OrganisationIdentifiers::registrationNumber);
      case "name" -> cleaner(CompanyNames::standardise);
      case "representative" -> cleaner(PersonNames::standardise);
      case "address" -> cleaner(raw -> Addresses.parse(raw).cleaned());
      case "founded" -> cleaner(Dates::standardise);
      case "phone" -> cleaner(PhoneNumbers::standardise);
      default -> cleaner(Text::standardise);
    };
  }
}
