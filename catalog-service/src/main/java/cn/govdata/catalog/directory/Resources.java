package cn.govdata.catalog.directory;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCode;
import java.time.LocalDate;

/** Copies of a resource with the fields the service decides replaced. */
final class Resources {

  private Resources() {}

  static InformationResource withProvider(InformationResource r, ProviderDepartment provider) {
    return new InformationResource(
        r.code(),
        r.classification(),
        r.name(),
        provider,
        r.summary(),
        r.format(),
        r.items(),
        r.share(),
        r.open(),
        r.updateCycle(),
        r.publishDate(),
        r.relatedCodes(),
        r.keywords(),
        r.grade());
  }

  static InformationResource withCodeAndPublishDate(
      InformationResource resource, ResourceCode code, LocalDate publishDate) {
    return resource.withCode(code).withPublishDate(publishDate);
  }
}
