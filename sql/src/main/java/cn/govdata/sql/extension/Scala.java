package cn.govdata.sql.extension;

import java.util.List;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Conversions between Java and Scala 2.12 collections, kept in one place. */
final class Scala {

  private Scala() {}

  static <T> List<T> list(Seq<T> seq) {
    return JavaConverters.seqAsJavaList(seq);
  }

  static <T> Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toSeq();
  }
}
