package cn.govdata.pipelines.generate;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.governance.codes.RegistrationNumbers;
import cn.govdata.pipelines.cleanse.ChineseScript;
import cn.govdata.pipelines.cleanse.Divisions.Division;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * Writes the legal-entity registers (法人基础数据) for N generated entities: enterprises (市场监管 and 税务),
 * social organisations (民政 and 税务) and public institutions (事业单位登记 and 税务), with credit codes,
 * legacy organisation codes and registration numbers, name variants, typos and duplicates, and a
 * truth file. Deterministic for a seed; streams every row.
 */
public final class EntityGenerator {

  /** The four registers and the shape of their extracts. */
  public enum Register {
    /** 市场监管: the enterprise register. */
    MARKET_REGULATION(
        "market_regulation",
        "csv",
        StandardCharsets.UTF_8,
        List.of("主体编号", "统一社会信用代码", "注册号", "企业名称", "法定代表人", "注册资本", "成立日期", "住所")),
    /** 税务: taxpayers of every kind, identified by credit code or a legacy tax number; GBK. */
    TAX(
        "tax",
        "csv",
        Charset.forName("GBK"),
        List.of("纳税人编号", "纳税人识别号", "纳税人名称", "法定代表人", "生产经营地址", "登记日期")),
    /** 民政社会组织: social organisations. */
    SOCIAL_ORGANISATIONS(
        "social_organisations",
        "jsonl",
        StandardCharsets.UTF_8,
        List.of(
            "certificate_no",
            "credit_code",
            "name",
            "representative",
            "supervisor",
            "address",
            "registered")),
    /** 事业单位: public institutions, a spreadsheet. */
    PUBLIC_INSTITUTIONS(
        "public_institutions",
        "xlsx",
        StandardCharsets.UTF_8,
        List.of("证书号", "统一社会信用代码", "单位名称", "法定代表人", "举办单位", "住所", "开办资金"));

    private final Extract extract;

    Register(String source, String format, Charset charset, List<String> header) {
      this.extract = new Extract(source, format, charset, header);
    }

    public Extract extract() {
      return extract;
    }
  }

  private enum Kind {
    ENTERPRISE,
    SOCIAL_ORGANISATION,
    PUBLIC_INSTITUTION
  }

  private record Entity(
      String entityId,
      Kind kind,
      String creditCode,
      String registrationNumber,
      String name,
      String representative,
      String capital,
      LocalDate founded,
      Division division,
      String detail) {}

  private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final String[] WORDS = {
    "顺达", "华兴", "恒通", "金源", "宏图", "鑫盛", "嘉和", "永泰", "富民", "新时代", "广联", "佳美", "盈丰", "诚信", "汇通",
    "东方", "南粤", "天成", "瑞丰", "明德", "创新", "联合", "长城", "海纳", "星河", "德胜", "安居", "康泰", "力拓", "中联"
  };
  private static final String[] TRADES = {
    "贸易", "科技", "电子", "机械", "建材", "物流", "餐饮", "家具", "陶瓷", "五金", "服装", "食品", "信息技术", "装饰工程", "医疗器械"
  };
  private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司"};
  private static final String[] ORGANISATION_KINDS = {"协会", "商会", "促进会", "研究会", "基金会"};
  private static final String[] INSTITUTION_KINDS = {"中心", "学校", "医院", "研究所", "服务站"};

  private final long seed;
  private final int entities;

  public EntityGenerator(long seed, int entities) {
    if (entities < 1) {
      throw new IllegalArgumentException("entities must be at least 1, got " + entities);
    }
    this.seed = seed;
    this.entities = entities;
  }

  /**
   * Writes the registers and {@code truth.csv} (source, record_id, entity_id) into {@code
   * directory}.
   */
  public Map<Register, Long> write(Path directory, LongConsumer progress) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> issued = new HashSet<>();
    Map<Register, TableWriter> writers = new EnumMap<>(Register.class);
    Map<Register, Long> counts = new EnumMap<>(Register.class);
    List<Division> counties =
        DemoDivisions.counties().stream().filter(d -> d.code().startsWith("44")).toList();
    try (TableWriter truth =
        TableWriter.open(
            directory.resolve("truth.csv"),
            "csv",
            StandardCharsets.UTF_8,
            List.of("source", "record_id", "entity_id"))) {
      for (Register register : Register.values()) {
        writers.put(register, register.extract().open(directory));
        counts.put(register, 0L);
      }
      for (int i = 0; i < entities; i++) {
        Entity entity = entity(random, i, issued, counties);
        Register home =
            switch (entity.kind()) {
              case ENTERPRISE -> Register.MARKET_REGULATION;
              case SOCIAL_ORGANISATION -> Register.SOCIAL_ORGANISATIONS;
              case PUBLIC_INSTITUTION -> Register.PUBLIC_INSTITUTIONS;
            };
        for (Register register : List.of(home, Register.TAX)) {
          if (register == Register.TAX && random.nextInt(100) >= 85) {
            continue;
          }
          int copies = random.nextInt(100) < 2 ? 2 : 1;
          for (int copy = 0; copy < copies; copy++) {
            long number = counts.merge(register, 1L, Long::sum);
            String recordId =
                register.extract().source().substring(0, 2).toUpperCase(Locale.ROOT)
                    + String.format("%09d", number);
            writers.get(register).write(render(register, entity, random, recordId));
            truth.write(List.of(register.extract().source(), recordId, entity.entityId()));
          }
        }
        if ((i + 1) % 10_000 == 0) {
          progress.accept(i + 1);
        }
      }
    } finally {
      writers.values().forEach(TableWriter::close);
    }
    return Map.copyOf(counts);
  }

  private Entity entity(
      SplittableRandom random, int index, Set<String> issued, List<Division> counties) {
    int roll = random.nextInt(100);
    Kind kind =
        roll < 85
            ? Kind.ENTERPRISE
            : roll < 93 ? Kind.SOCIAL_ORGANISATION : Kind.PUBLIC_INSTITUTION;
    Division division = counties.get(random.nextInt(counties.size()));
    String organisationCode;
    do {
      StringBuilder body = new StringBuilder(8);
      for (int i = 0; i < 8; i++) {
        body.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
      }
      organisationCode = body.toString() + OrganizationCodes.checkCharacter(body.toString());
    } while (!issued.add(organisationCode));
    char authority = kind == Kind.ENTERPRISE ? '9' : kind == Kind.SOCIAL_ORGANISATION ? '5' : '1';
    char category =
        kind == Kind.ENTERPRISE
            ? '1'
            : kind == Kind.SOCIAL_ORGANISATION ? (char) ('1' + random.nextInt(3)) : '2';
    String creditCode = CreditCodes.compose(authority, category, division.code(), organisationCode);
    String word = WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)];
    String name =
        switch (kind) {
          case ENTERPRISE ->
              division.city()
                  + word
                  + TRADES[random.nextInt(TRADES.length)]
                  + FORMS[random.nextInt(FORMS.length)];
          case SOCIAL_ORGANISATION ->
              division.city()
                  + word
                  + TRADES[random.nextInt(TRADES.length)]
                  + ORGANISATION_KINDS[random.nextInt(ORGANISATION_KINDS.length)];
          case PUBLIC_INSTITUTION ->
              division.city()
                  + division.county()
                  + word
                  + INSTITUTION_KINDS[random.nextInt(INSTITUTION_KINDS.length)];
        };
    LocalDate founded = LocalDate.of(1985, 1, 1).plusDays(random.nextInt(40 * 365));
    String registration = null;
    if (kind == Kind.ENTERPRISE && founded.getYear() < 2015) {
      String first14 = division.code() + String.format("%08d", random.nextInt(100_000_000));
      registration = first14 + RegistrationNumbers.checkDigit(first14);
    }
    String representative = Names.surname(random) + Names.givenName(random, random.nextBoolean());
    return new Entity(
        String.format("L%09d", index + 1),
        kind,
        creditCode,
        registration,
        name,
        representative,
        String.valueOf((1 + random.nextInt(500)) * 10),
        founded,
        division,
        "科技路" + (1 + random.nextInt(200)) + "号" + (1 + random.nextInt(20)) + "楼");
  }

  private List<String> render(
      Register register, Entity entity, SplittableRandom random, String recordId) {
    String code = code(register, entity, random);
    String name = name(entity, random);
    String address = address(entity, random);
    String date =
        random.nextBoolean()
            ? entity.founded().toString()
            : entity.founded().getYear()
                + "年"
                + entity.founded().getMonthValue()
                + "月"
                + entity.founded().getDayOfMonth()
                + "日";
    return switch (register) {
      case MARKET_REGULATION ->
          Arrays.asList(
              recordId,
              code,
              entity.registrationNumber(),
              name,
              entity.representative(),
              entity.capital(),
              date,
              address);
      case TAX -> Arrays.asList(recordId, code, name, entity.representative(), address, date);
      case SOCIAL_ORGANISATIONS ->
          Arrays.asList(
              recordId,
              code,
              name,
              entity.representative(),
              entity.division().city() + "民政局",
              address,
              date);
      case PUBLIC_INSTITUTIONS ->
          Arrays.asList(
              recordId,
              code,
              name,
              entity.representative(),
              entity.division().county() + "人民政府",
              address,
              entity.capital());
    };
  }

  private static String code(Register register, Entity entity, SplittableRandom random) {
    int roll = random.nextInt(1000);
    String code = entity.creditCode();
    String organisation = CreditCodes.organisationCode(code);
    if (roll < 20) {
      return "";
    }
    if (roll < 35) {
      // a mistyped character: the check character catches it
      int at = random.nextInt(17);
      char replacement = CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length()));
      return code.substring(0, at) + replacement + code.substring(at + 1);
    }
    if (register == Register.TAX && roll < 250) {
      // the tax register still carries pre-2015 identifiers
      return random.nextBoolean()
          ? entity.division().code() + organisation
          : organisation.substring(0, 8) + "-" + organisation.charAt(8);
    }
    return random.nextInt(100) < 3 ? code.toLowerCase(Locale.ROOT) : code;
  }

  private static String name(Entity entity, SplittableRandom random) {
    String name = entity.name();
    int roll = random.nextInt(100);
    if (roll < 15) {
      // without the city prefix
      name = name.substring(entity.division().city().length());
    } else if (roll < 22) {
      name = ChineseScript.toTraditional(name);
    } else if (roll < 30) {
      String city = entity.division().city();
      String rest = name.substring(city.length());
      for (String form : FORMS) {
        if (rest.endsWith(form)) {
          return rest.substring(0, rest.length() - form.length())
              + "（"
              + city.replace("市", "")
              + "）"
              + form;
        }
      }
    } else if (roll < 33) {
      name = name.replace("有限责任公司", "有限公司");
    }
    return name;
  }

  private static String address(Entity entity, SplittableRandom random) {
    Division division = entity.division();
    return switch (random.nextInt(3)) {
      case 0 -> division.fullName() + entity.detail();
      case 1 -> division.city() + division.county() + entity.detail();
      default -> division.city().replace("市", "") + division.county() + " " + entity.detail();
    };
  }
}
