package cn.govdata.governance.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void writesKeysSortedWithoutWhitespaceWhateverTheInsertionOrder() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("zeta", 1L);
    a.put("alpha", List.of("x", true));
    a.put("mid", null);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("mid", null);
    b.put("alpha", List.of("x", true));
    b.put("zeta", 1);

    assertThat(CanonicalJson.write(a))
        .isEqualTo("{\"alpha\":[\"x\",true],\"mid\":null,\"zeta\":1}")
        .isEqualTo(CanonicalJson.write(b));
  }

  @Test
  void escapesOnlyWhatJsonRequiresAndKeepsChineseAsIs() {
    String written = CanonicalJson.write("人口\"库\"\\\n\u0001");

    assertThat(written).isEqualTo("\"人口\\\"库\\\"\\\\\\n\\u0001\"");
    assertThat(CanonicalJson.read(written)).isEqualTo("人口\"库\"\\\n\u0001");
  }

  @Test
  void readsWhatItWritesBackToTheSameValue() {
    Map<String, Object> value =
        Map.of("rows", Long.MAX_VALUE, "neg", -42L, "nested", Map.of("list", List.of()));

    assertThat(CanonicalJson.read(CanonicalJson.write(value))).isEqualTo(value);
  }

  @Test
  void tellsCanonicalFromMerelyValidText() {
    assertThat(CanonicalJson.isCanonical("{\"a\":1,\"b\":\"x\"}")).isTrue();
    assertThat(CanonicalJson.isCanonical("{\"b\":\"x\",\"a\":1}")).isFalse();
    assertThat(CanonicalJson.isCanonical("{\"a\": 1}")).isFalse();
    assertThat(CanonicalJson.isCanonical("{\"a\":01}")).isFalse();
    assertThat(CanonicalJson.isCanonical("{\"a\":\"\\u0041\"}")).isFalse();
    assertThat(CanonicalJson.isCanonical("{\"a\":")).isFalse();
  }

  @Test
  void refusesFloatsDuplicatesAndTrailingText() {
    assertThatThrownBy(() -> CanonicalJson.write(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("integers");
    assertThatThrownBy(() -> CanonicalJson.read("1.5"))
        .hasMessageContaining("an integer (no fractions or exponents)");
    assertThatThrownBy(() -> CanonicalJson.read("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("duplicate 'a'");
    assertThatThrownBy(() -> CanonicalJson.read("{} x")).hasMessageContaining("end of text");
    assertThatThrownBy(() -> CanonicalJson.read("99999999999999999999"))
        .hasMessageContaining("fits in 64 bits");
  }
}
