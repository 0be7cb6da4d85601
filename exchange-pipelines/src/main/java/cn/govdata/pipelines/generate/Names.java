package cn.govdata.pipelines.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chinese personal names drawn with realistic frequencies. Surname shares follow the published
 * national ranking (王, 李, 张 ≈ 7 % each, a long tail below); given names are built from characters
 * grouped by sound, so that a "typo" can be what input methods really produce: a homophone (丽 for
 * 莉).
 */
final class Names {

  /** Surname and its share in per mille of the population (the top hundred, rounded). */
  private static final String SURNAMES =
      "王71 李70 张64 刘54 陈45 杨31 黄22 赵22 吴21 周19 徐15 孙15 马14 朱13 胡13 郭12 何11 高10 林10"
          + " 罗9 郑8 梁8 谢7 宋6 唐6 许6 韩6 冯5 邓5 曹5 彭5 曾5 肖5 田5 董5 袁5 潘5 于5 蒋4 蔡4 余4"
          + " 杜4 叶4 程4 苏4 魏4 吕4 丁4 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖2 贾2"
          + " 夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2"
          + " 顾2 毛1 郝1 龚1 邵1 万1 钱1 严1 覃1 武1 戴1 莫1 孔1 向1 汤1 欧阳1 司马1";

  /** Characters that sound alike (same pinyin, tone aside): one group per line of thought. */
  static final List<String> HOMOPHONES =
      List.of(
          "丽莉俐立力", "伟玮炜维", "华桦骅", "明铭鸣", "静婧靖敬", "军君钧", "红虹宏鸿洪", "芳方舫", "平萍评", "林琳霖麟", "杰洁婕", "涛滔韬",
          "辉晖徽", "斌彬滨", "敏闵", "燕艳雁彦", "娟鹃", "霞侠", "峰锋丰枫", "强蔷", "磊蕾", "洋阳扬", "勇咏永泳", "俊骏峻", "婷亭庭",
          "欣新馨鑫", "宇雨语羽玉", "浩昊皓豪", "凯恺楷", "佳嘉家", "颖莹英", "超潮朝", "刚钢", "文雯", "志智", "晨辰臣", "思斯", "梓子紫",
          "涵寒", "琪琦淇奇", "慧惠蕙", "玲铃灵", "建健剑", "春纯", "梅美玫", "兰岚蓝", "荣蓉容", "瑞睿锐", "秀绣", "海", "云芸",
          "飞菲", "晓小", "雪", "东冬", "成诚城", "国", "凤", "秋", "德", "清青", "金", "伦", "嘉");

  private static final String MALE_CHARACTERS = "伟军明杰涛辉斌强磊洋勇俊浩凯超刚志晨宇建成国东德金海峰飞清华瑞伦";
  private static final String FEMALE_CHARACTERS = "丽芳静红燕娟霞婷欣颖玲慧梅兰荣秀云晓雪凤秋琪涵思佳敏萍琳洁菲春";

  private static final String[] SURNAME_TABLE;

  static {
    int total = 0;
    String[] entries = SURNAMES.split(" ");
    String[] expanded = new String[1000];
    for (String entry : entries) {
      String name = entry.replaceAll("\\d", "");
      int share = Integer.parseInt(entry.replaceAll("\\D", ""));
      for (int i = 0; i < share && total < expanded.length; i++) {
        expanded[total++] = name;
      }
    }
    SURNAME_TABLE = java.util.Arrays.copyOf(expanded, total);
  }

  private Names() {}

  static String surname(SplittableRandom random) {
    return SURNAME_TABLE[random.nextInt(SURNAME_TABLE.length)];
  }

  static String givenName(SplittableRandom random, boolean male) {
    String pool = male ? MALE_CHARACTERS : FEMALE_CHARACTERS;
    String first = String.valueOf(pool.charAt(random.nextInt(pool.length())));
    if (random.nextInt(100) < 22) {
      return first;
    }
    return first + pool.charAt(random.nextInt(pool.length()));
  }

  /** The name with one character replaced by a homophone, when it has one. */
  static String homophoneTypo(SplittableRandom random, String name) {
    int start = random.nextInt(name.length());
    for (int k = 0; k < name.length(); k++) {
      int at = (start + k) % name.length();
      for (String group : HOMOPHONES) {
        int index = group.indexOf(name.charAt(at));
        if (index >= 0 && group.length() > 1) {
          char other =
              group.charAt((index + 1 + random.nextInt(group.length() - 1)) % group.length());
          return name.substring(0, at) + other + name.substring(at + 1);
        }
      }
    }
    return name;
  }
}
