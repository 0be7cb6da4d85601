package cn.govdata.pipelines.generate;

import cn.govdata.governance.codes.IdentityNumbers;
import cn.govdata.pipelines.cleanse.ChineseScript;
import cn.govdata.pipelines.cleanse.Divisions;
import cn.govdata.pipelines.cleanse.Divisions.Division;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes the five population departments' extracts (人口基础数据) for N generated people, with the noise
 * real extracts have and a truth file saying which record is whom. Deterministic for a seed;
 * streams every row, so memory does not grow with N beyond the set of issued identity numbers.
 */
public final class PopulationGenerator {

  /** The day the extracts are taken; fixed so that the output depends on the seed only. */
  static final LocalDate EXTRACT_DAY = LocalDate.of(2025, 6, 30);

  /** The five departments and the shape of their extracts. */
  public enum Department {
    /** 公安户籍: household registration, the most complete register. */
    POLICE_HOUSEHOLD(
        "police_household",
        "csv",
        StandardCharsets.UTF_8,
        List.of("记录编号", "公民身份号码", "姓名", "曾用名", "性别", "民族", "出生日期", "户籍地址", "联系电话", "登记日期")),
    /** 社保: social insurance, exported by an older system in GBK. */
    SOCIAL_INSURANCE(
        "social_insurance",
        "csv",
        Charset.forName("GBK"),
        List.of("个人编号", "社会保障号码", "姓名", "性别", "出生日期", "手机号码", "居住地址", "参保日期")),
    /** 卫健: health records, delivered as a spreadsheet. */
    HEALTH(
        "health",
        "xlsx",
        StandardCharsets.UTF_8,
        List.of("档案号", "证件号码", "患者姓名", "性别", "出生日期", "联系电话", "现住址", "建档日期")),
    /** 教育: student registry, JSON lines from a web system. */
    EDUCATION(
        "education",
        "jsonl",
        StandardCharsets.UTF_8,
        List.of(
            "student_no",
            "id_card",
            "name",
            "gender",
            "birthday",
            "phone",
            "home_address",
            "enrol_date")),
    /** 民政: civil affairs (marriage, assistance), typed by hand: full-width characters abound. */
    CIVIL_AFFAIRS(
        "civil_affairs",
        "csv",
        StandardCharsets.UTF_8,
        List.of("业务编号", "身份证号", "姓名", "性别", "出生日期", "婚姻状况", "住址", "联系方式", "办理日期"));

    private final Extract extract;

    Department(String source, String format, Charset charset, List<String> header) {
      this.extract = new Extract(source, format, charset, header);
    }

    public Extract extract() {
      return extract;
    }
  }

  private static final String[] ETHNICITIES = {"汉族", "汉族", "汉族", "汉族", "壮族", "瑶族", "畲族", "回族"};
  private static final String[] STREETS = {
    "桂城街道南海大道",
    "大沥镇广佛路",
    "里水镇和顺大道",
    "大良街道德和路",
    "容桂街道容奇大道",
    "祖庙街道人民路",
    "石湾镇街道江湾路",
    "西南街道健力宝大道",
    "荷城街道中山路",
    "天河路",
    "体育西路",
    "中山大道",
    "深南大道",
    "南海大道",
    "建设路",
    "解放路",
    "文昌路"
  };
  private static final String[] ESTATES = {
    "碧桂园", "保利花园", "中海锦城", "万科城", "金地花园", "雅居乐", "富力城", "时代倾城"
  };
  private static final String[] MARITAL = {"未婚", "已婚", "已婚", "已婚", "离婚", "丧偶"};

  private final long seed;
  private final int people;
  private final Division[] residence;
  private final Division[] birthplaces;

  public PopulationGenerator(long seed, int people) {
    if (people < 1) {
      throw new IllegalArgumentException("people must be at least 1, got " + people);
    }
    this.seed = seed;
    this.people = people;
    List<Division> counties = DemoDivisions.counties();
    List<Division> residenceList = new ArrayList<>();
    for (Division county : counties) {
      // the demo zone is Foshan: most residents live there
      int weight = county.code().startsWith("4406") ? 6 : county.code().startsWith("44") ? 1 : 0;
      for (int i = 0; i < weight; i++) {
        residenceList.add(county);
      }
    }
    this.residence = residenceList.toArray(Division[]::new);
    List<Division> birthList = new ArrayList<>();
    for (Division county : counties) {
      int weight = county.code().startsWith("44") ? 3 : 2;
      for (int i = 0; i < weight; i++) {
        birthList.add(county);
      }
    }
    this.birthplaces = birthList.toArray(Division[]::new);
  }

  /** What was written. */
  public record Summary(int people, Map<Department, Long> rows, Path truth) {
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Writes every department's extract and {@code truth.csv} (source, record_id, entity_id) into
   * {@code directory}; {@code progress} hears the number of people done every 10,000.
   */
  public Summary write(Path directory, LongConsumer progress) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> issued = new HashSet<>(people * 2);
    Map<Department, TableWriter> writers = new EnumMap<>(Department.class);
    Map<Department, Long> counts = new EnumMap<>(Department.class);
    Path truthFile = directory.resolve("truth.csv");
    try (TableWriter truth =
        TableWriter.open(
            truthFile,
            "csv",
            StandardCharsets.UTF_8,
            List.of("source", "record_id", "entity_id"))) {
      for (Department department : Department.values()) {
        writers.put(department, department.extract().open(directory));
        counts.put(department, 0L);
      }
      for (int i = 0; i < people; i++) {
        Person person = person(random, i, issued);
        for (Department department : Department.values()) {
          if (random.nextDouble() >= coverage(department, person)) {
            continue;
          }
          int copies = random.nextInt(100) < 2 ? 2 : 1;
          for (int copy = 0; copy < copies; copy++) {
            long number = counts.merge(department, 1L, Long::sum);
            String recordId = recordPrefix(department) + String.format("%09d", number);
            writers.get(department).write(render(department, person, random, recordId));
            truth.write(List.of(department.extract().source(), recordId, person.entityId()));
          }
        }
        if ((i + 1) % 10_000 == 0) {
          progress.accept(i + 1);
        }
      }
    } finally {
      writers.values().forEach(TableWriter::close);
    }
    return new Summary(people, Map.copyOf(counts), truthFile);
  }

  private static String recordPrefix(Department department) {
    return switch (department) {
      case POLICE_HOUSEHOLD -> "GA";
      case SOCIAL_INSURANCE -> "SB";
      case HEALTH -> "WJ";
      case EDUCATION -> "JY";
      case CIVIL_AFFAIRS -> "MZ";
    };
  }

  /** How likely a department holds a record of this person. */
  private static double coverage(Department department, Person person) {
    int age = person.ageOn(EXTRACT_DAY);
    return switch (department) {
      case POLICE_HOUSEHOLD -> 0.92;
      case SOCIAL_INSURANCE -> age >= 18 && age < 70 ? 0.75 : 0.1;
      case HEALTH -> 0.5;
      case EDUCATION -> age >= 3 && age <= 22 ? 0.9 : 0.0;
      case CIVIL_AFFAIRS -> age >= 20 ? 0.4 : 0.02;
    };
  }

  Person person(SplittableRandom random, int index, Set<Long> issued) {
    boolean male = random.nextBoolean();
    String surname = Names.surname(random);
    String name = surname + Names.givenName(random, male);
    String formerName = random.nextInt(100) < 3 ? surname + Names.givenName(random, male) : null;
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(82 * 365));
    Division birthplace = birthplaces[random.nextInt(birthplaces.length)];
    String idNumber = issue(random, birthplace.code(), birth, male, issued);
    Division home = residence[random.nextInt(residence.length)];
    boolean moved = random.nextInt(100) < 20;
    Division previous = moved ? residence[random.nextInt(residence.length)] : null;
    String mobile = mobile(random);
    String previousMobile = random.nextInt(100) < 15 ? mobile(random) : null;
    int age = birth.until(EXTRACT_DAY).getYears();
    String marital = age < 22 ? "未婚" : MARITAL[random.nextInt(MARITAL.length)];
    return new Person(
        String.format("P%09d", index + 1),
        name,
        formerName,
        male ? "M" : "F",
        birth,
        idNumber,
        ETHNICITIES[random.nextInt(ETHNICITIES.length)],
        home.code(),
        detail(random),
        moved ? previous.code() : null,
        moved ? detail(random) : null,
        mobile,
        previousMobile,
        marital);
  }

  private static String issue(
      SplittableRandom random, String region, LocalDate birth, boolean male, Set<Long> issued) {
    String prefix = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE);
    int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
    for (int attempt = 0; attempt < 500; attempt++) {
      String first17 = prefix + String.format("%03d", sequence);
      if (issued.add(Long.parseLong(first17))) {
        return first17 + IdentityNumbers.checkCharacter(first17);
      }
      sequence = (sequence + 2) % 1000;
    }
    throw new IllegalStateException("no free sequence number for " + prefix);
  }

  private static String mobile(SplittableRandom random) {
    String[] prefixes = {
      "138", "139", "137", "135", "136", "150", "151", "158", "186", "188", "177", "199"
    };
    return prefixes[random.nextInt(prefixes.length)]
        + String.format("%08d", random.nextInt(100_000_000));
  }

  private static String detail(SplittableRandom random) {
    return STREETS[random.nextInt(STREETS.length)]
        + (1 + random.nextInt(300))
        + "号"
        + ESTATES[random.nextInt(ESTATES.length)]
        + (1 + random.nextInt(30))
        + "座"
        + (1 + random.nextInt(32))
        + String.format("%02d", 1 + random.nextInt(8))
        + "房";
  }

  /** One department's record of the person, with that department's habits and mistakes. */
  private List<String> render(
      Department department, Person person, SplittableRandom random, String recordId) {
    String id = idNumber(department, person, random);
    String name = name(department, person, random);
    if (random.nextInt(1000) < 3) {
      // a clerk typed the name into the number column and the other way round
      String swapped = id;
      id = name;
      name = swapped;
    }
    String sex = sex(department, person, random);
    String birth = birthDate(department, person, random);
    String address = address(department, person, random);
    String phone = phone(department, person, random);
    String since = date(department, EXTRACT_DAY.minusDays(random.nextInt(3650)));
    List<String> row =
        switch (department) {
          case POLICE_HOUSEHOLD ->
              Arrays.asList(
                  recordId,
                  id,
                  name,
                  person.formerName(),
                  sex,
                  person.ethnicity(),
                  birth,
                  address,
                  phone,
                  since);
          case SOCIAL_INSURANCE, HEALTH, EDUCATION ->
              Arrays.asList(recordId, id, name, sex, birth, phone, address, since);
          case CIVIL_AFFAIRS ->
              Arrays.asList(
                  recordId, id, name, sex, birth, person.maritalStatus(), address, phone, since);
        };
    return row;
  }

  private static String idNumber(Department department, Person person, SplittableRandom random) {
    int roll = random.nextInt(1000);
    String id = person.idNumber();
    int missing =
        department == Department.HEALTH ? 50 : department == Department.POLICE_HOUSEHOLD ? 5 : 25;
    if (roll < missing) {
      return random.nextBoolean() ? "" : "无";
    }
    roll -= missing;
    if (roll < 15) {
      // one digit mistyped: almost always caught by the check character
      int at = random.nextInt(17);
      char digit = (char) ('0' + (id.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
      return id.substring(0, at) + digit + id.substring(at + 1);
    }
    roll -= 15;
    boolean legacyAllowed =
        person.birthDate().getYear() < 1990
            && (department == Department.SOCIAL_INSURANCE
                || department == Department.CIVIL_AFFAIRS);
    if (legacyAllowed && roll < 150) {
      return id.substring(0, 6) + id.substring(8, 17);
    }
    if (department == Department.CIVIL_AFFAIRS && random.nextInt(100) < 10) {
      return fullWidth(id);
    }
    if (id.endsWith("X") && random.nextBoolean()) {
      return id.toLowerCase(Locale.ROOT);
    }
    return random.nextInt(100) < 2 ? id.substring(0, 6) + " " + id.substring(6) : id;
  }

  private static String name(Department department, Person person, SplittableRandom random) {
    String name = person.name();
    if (person.formerName() != null
        && department != Department.POLICE_HOUSEHOLD
        && random.nextBoolean()) {
      name = person.formerName();
    }
    int roll = random.nextInt(1000);
    if (roll < 20) {
      return Names.homophoneTypo(random, name);
    }
    int traditional = department == Department.HEALTH ? 60 : 20;
    if (roll < 20 + traditional) {
      return ChineseScript.toTraditional(name);
    }
    if (roll < 20 + traditional + 15 && name.length() == 2) {
      return name.charAt(0) + " " + name.charAt(1);
    }
    return name;
  }

  private static String sex(Department department, Person person, SplittableRandom random) {
    if (random.nextInt(100) < 2) {
      return "";
    }
    boolean male = person.sex().equals("M");
    return switch (department) {
      case SOCIAL_INSURANCE -> male ? "1" : "2";
      case EDUCATION -> male ? "M" : "F";
      default -> male ? "男" : "女";
    };
  }

  private static String birthDate(Department department, Person person, SplittableRandom random) {
    LocalDate birth = person.birthDate();
    int roll = random.nextInt(1000);
    if (roll < 10
        && birth.getDayOfMonth() <= 12
        && birth.getMonthValue() != birth.getDayOfMonth()) {
      // day and month swapped by a clerk
      birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
    } else if (roll < 25) {
      return "";
    }
    return date(department, birth);
  }

  private static String date(Department department, LocalDate date) {
    return switch (department) {
      case POLICE_HOUSEHOLD -> date.toString();
      case SOCIAL_INSURANCE -> date.format(DateTimeFormatter.BASIC_ISO_DATE);
      case HEALTH -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
      case EDUCATION -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
      case CIVIL_AFFAIRS -> date.toString().replace('-', '.');
    };
  }

  private static String address(Department department, Person person, SplittableRandom random) {
    String code = person.divisionCode();
    String detail = person.addressDetail();
    // registers updated rarely still hold the address before the move
    if (person.previousDivisionCode() != null
        && department != Department.HEALTH
        && random.nextInt(100) < 40) {
      code = person.previousDivisionCode();
      detail = person.previousAddressDetail();
    }
    if (random.nextInt(100) < 3) {
      return "";
    }
    Division division = Divisions.find(code).orElseThrow();
    String text =
        switch (random.nextInt(4)) {
          case 0 -> division.fullName() + detail;
          case 1 -> division.city() + division.county() + detail;
          case 2 -> division.city().replace("市", "") + division.county() + " " + detail;
          default -> division.province() + division.city() + division.county() + " " + detail;
        };
    if (department == Department.CIVIL_AFFAIRS && random.nextInt(100) < 20) {
      text = fullWidth(text);
    }
    return text;
  }

  private static String phone(Department department, Person person, SplittableRandom random) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      return "";
    }
    String mobile =
        person.previousMobile() != null && roll < 40 ? person.previousMobile() : person.mobile();
    return switch (random.nextInt(department == Department.CIVIL_AFFAIRS ? 5 : 4)) {
      case 0 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
      case 1 -> "+86 " + mobile;
      case 4 -> fullWidth(mobile);
      default -> mobile;
    };
  }

  static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }
}
