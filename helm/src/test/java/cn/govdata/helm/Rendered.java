package cn.govdata.helm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders each value set once per test JVM: the tests only read the result. */
final class Rendered {

  private static final Map<ValueSet, Manifests> CACHE = new ConcurrentHashMap<>();

  private Rendered() {}

  static Manifests with(ValueSet values) {
    return CACHE.computeIfAbsent(values, Manifests::render);
  }
}
