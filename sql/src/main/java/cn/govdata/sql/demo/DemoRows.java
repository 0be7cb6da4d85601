package cn.govdata.sql.demo;

import cn.govdata.governance.codes.IdentityNumbers;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Generated rows for the demo zone: valid-looking identity numbers (real check characters),
 * mobiles, names and addresses of invented people. Seeded, so every run has the same data. Nothing
 * here is or was real personal data.
 */
public final class DemoRows {

  /** Counties of the demo, with their city and district names. */
  static final String[][] COUNTIES = {
    {"440104", "广州市", "越秀区"},
    {"440305", "深圳市", "南山区"},
    {"440604", "佛山市", "禅城区"},
    {"440605", "佛山市", "南海区"},
    {"440606", "佛山市", "顺德区"},
  };

  private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "黄", "欧阳", "周", "吴"};
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华",
    "志强", "晓东"
  };
  private static final String[] STREETS = {"中山路", "人民路", "解放路", "建设路", "文化路", "桂澜路"};

  public static final StructType PERSON =
      new StructType()
          .add("id_number", DataTypes.StringType)
          .add("full_name", DataTypes.StringType)
          .add("mobile", DataTypes.StringType)
          .add("home_address", DataTypes.StringType)
          .add("region_code", DataTypes.StringType)
          .add("birth_date", DataTypes.DateType);

  public static final StructType HOUSEHOLD =
      new StructType()
          .add("household_no", DataTypes.StringType)
          .add("head_id_number", DataTypes.StringType)
          .add("head_name", DataTypes.StringType)
          .add("phone", DataTypes.StringType)
          .add("address", DataTypes.StringType)
          .add("region_code", DataTypes.StringType);

  public static final StructType AIR_QUALITY =
      new StructType()
          .add("station", DataTypes.StringType)
          .add("region_code", DataTypes.StringType)
          .add("aqi", DataTypes.IntegerType)
          .add("observed_on", DataTypes.DateType);

  private DemoRows() {}

  public static List<Row> persons(int count, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] county = COUNTIES[i % COUNTIES.length];
      LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
      String first17 =
          county[0]
              + birth.toString().replace("-", "")
              + String.format("%03d", random.nextInt(1000));
      String id = first17 + IdentityNumbers.checkCharacter(first17);
      rows.add(
          RowFactory.create(
              id,
              SURNAMES[random.nextInt(SURNAMES.length)]
                  + GIVEN[random.nextInt(GIVEN.length)]
                  + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : ""),
              mobile(random),
              address(county, random),
              county[0],
              Date.valueOf(birth)));
    }
    return rows;
  }

  public static List<Row> households(List<Row> persons) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < persons.size(); i += 3) {
      Row head = persons.get(i);
      rows.add(
          RowFactory.create(
              String.format("H%s%06d", head.getString(4), i),
              head.getString(0),
              head.getString(1),
              head.getString(2),
              head.getString(3),
              head.getString(4)));
    }
    return rows;
  }

  public static List<Row> airQuality(int days, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      for (String[] county : COUNTIES) {
        rows.add(
            RowFactory.create(
                county[1] + county[2] + "监测站",
                county[0],
                20 + random.nextInt(130),
                Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(day))));
      }
    }
    return rows;
  }

  private static String mobile(Random random) {
    StringBuilder mobile = new StringBuilder("1").append(3 + random.nextInt(7));
    for (int i = 0; i < 9; i++) {
      mobile.append(random.nextInt(10));
    }
    return mobile.toString();
  }

  private static String address(String[] county, Random random) {
    return "广东省"
        + county[1]
        + county[2]
        + STREETS[random.nextInt(STREETS.length)]
        + (1 + random.nextInt(300))
        + "号";
  }
}
