package cn.govdata.catalog.portal;

import cn.govdata.governance.directory.Labelled;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Enumerated directory values for templates, in the page's language ({@code @labels.of(x)}). */
@Component("labels")
public class Labels {

  public String of(Labelled value) {
    if (value == null) {
      return "";
    }
    return isEnglish() ? value.english() : value.chinese();
  }

  public boolean isEnglish() {
    return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
  }
}
