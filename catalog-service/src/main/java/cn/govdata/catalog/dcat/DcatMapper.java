package cn.govdata.catalog.dcat;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.portal.PublishedCatalog;
import cn.govdata.catalog.portal.PublishedCatalog.Distribution;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.UpdateCycle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Maps directory entries to DCAT-AP 3 (docs/dcat-ap-mapping.md has the table). Every object the
 * DCAT-AP shapes give a class range is typed explicitly, so the output conforms without the
 * vocabularies' own files.
 */
final class DcatMapper {

  static final String FOAF = "http://xmlns.com/foaf/0.1/";
  static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
  static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
  static final String ACCESS_RIGHT =
      "http://publications.europa.eu/resource/authority/access-right/";
  static final String MEDIA_TYPE = "http://www.iana.org/assignments/media-types/";

  private static final Map<UpdateCycle, String> FREQUENCIES =
      Map.of(
          UpdateCycle.REAL_TIME, "UPDATE_CONT",
          UpdateCycle.DAILY, "DAILY",
          UpdateCycle.WEEKLY, "WEEKLY",
          UpdateCycle.MONTHLY, "MONTHLY",
          UpdateCycle.QUARTERLY, "QUARTERLY",
          UpdateCycle.HALF_YEARLY, "ANNUAL_2",
          UpdateCycle.YEARLY, "ANNUAL",
          UpdateCycle.IRREGULAR, "IRREG");

  private final String base;
  private final Model model;

  DcatMapper(String base) {
    this.base = base;
    this.model = ModelFactory.createDefaultModel();
    model.setNsPrefix("dcat", DCAT.NS);
    model.setNsPrefix("dct", DCTerms.NS);
    model.setNsPrefix("foaf", FOAF);
    model.setNsPrefix("hydra", HYDRA);
    model.setNsPrefix("skos", SKOS.uri);
    model.setNsPrefix("xsd", XSDDatatype.XSD + "#");
  }

  Model model() {
    return model;
  }

  /** The catalogue with one page of its datasets and Hydra paging links. */
  Resource catalog(List<Entry> page, Map<Long, Department> departments, Paging paging) {
    Resource catalog =
        model
            .createResource(base + "/catalog")
            .addProperty(RDF.type, DCAT.Catalog)
            .addProperty(DCTerms.title, "政务数据开放目录", "zh")
            .addProperty(DCTerms.title, "Government open data catalogue", "en")
            .addProperty(DCTerms.description, "试点地区政务信息资源目录中向社会开放的数据资源（开放清单）。", "zh")
            .addProperty(
                DCTerms.description,
                "The published open list of the pilot zone's government data resource directory.",
                "en")
            .addProperty(DCTerms.publisher, platform())
            .addProperty(foaf("homepage"), document(base + "/"));
    for (Entry entry : page) {
      catalog.addProperty(DCAT.dataset, dataset(entry, departments.get(entry.departmentId())));
    }
    Resource collection =
        model
            .createResource(paging.pageUrl(paging.page()))
            .addProperty(RDF.type, model.createResource(HYDRA + "PagedCollection"))
            .addLiteral(hydra("totalItems"), paging.total())
            .addLiteral(hydra("itemsPerPage"), paging.size())
            .addProperty(hydra("firstPage"), paging.pageUrl(1))
            .addProperty(hydra("lastPage"), paging.pageUrl(paging.lastPage()));
    if (paging.page() > 1) {
      collection.addProperty(hydra("previousPage"), paging.pageUrl(paging.page() - 1));
    }
    if (paging.page() < paging.lastPage()) {
      collection.addProperty(hydra("nextPage"), paging.pageUrl(paging.page() + 1));
    }
    return catalog;
  }

  Resource dataset(Entry entry, Department department) {
    InformationResource resource = entry.resource();
    String url = base + "/dataset/" + entry.id();
    Resource dataset =
        model
            .createResource(url)
            .addProperty(RDF.type, DCAT.Dataset)
            .addProperty(DCTerms.title, resource.name(), "zh")
            .addProperty(DCTerms.description, resource.summary(), "zh")
            .addProperty(DCTerms.identifier, entry.code().toString())
            .addProperty(DCTerms.publisher, agent(department))
            .addProperty(DCAT.landingPage, document(url))
            .addProperty(
                DCTerms.accrualPeriodicity,
                typed(FREQUENCY + FREQUENCIES.get(resource.updateCycle()), DCTerms.Frequency))
            .addProperty(
                DCTerms.spatial,
                typed(base + "/region/" + resource.provider().regionCode(), DCTerms.Location))
            .addProperty(
                DCTerms.accessRights,
                typed(
                    ACCESS_RIGHT
                        + (resource.open().type() == OpenType.UNCONDITIONAL
                            ? "PUBLIC"
                            : "RESTRICTED"),
                    DCTerms.RightsStatement))
            .addProperty(
                DCTerms.modified,
                model.createTypedLiteral(modified(entry), XSDDatatype.XSDdateTime));
    if (resource.publishDate() != null) {
      dataset.addProperty(
          DCTerms.issued,
          model.createTypedLiteral(resource.publishDate().toString(), XSDDatatype.XSDdate));
    }
    dataset.addProperty(
        DCAT.theme,
        typed(base + "/theme/" + resource.classification().frontCode(), SKOS.Concept)
            .addProperty(SKOS.prefLabel, resource.classification().leafName(), "zh")
            .addProperty(SKOS.notation, resource.classification().frontCode()));
    for (String keyword : resource.keywords()) {
      dataset.addProperty(DCAT.keyword, keyword, "zh");
    }
    for (Distribution distribution : PublishedCatalog.distributions(entry)) {
      String download = url + "/download." + distribution.extension();
      dataset.addProperty(
          DCAT.distribution,
          model
              .createResource(download + "#distribution")
              .addProperty(RDF.type, DCAT.Distribution)
              .addProperty(DCTerms.title, resource.name() + " " + distribution.format(), "zh")
              .addProperty(DCAT.accessURL, typed(download, RDFS.Resource))
              .addProperty(DCAT.downloadURL, typed(download, RDFS.Resource))
              .addProperty(
                  DCTerms.format,
                  typed(FILE_TYPE + distribution.format(), DCTerms.MediaTypeOrExtent))
              .addProperty(
                  DCAT.mediaType, typed(MEDIA_TYPE + distribution.mediaType(), DCTerms.MediaType)));
    }
    return dataset;
  }

  private Resource agent(Department department) {
    return model
        .createResource(base + "/department/" + department.id())
        .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
        .addProperty(foaf("name"), department.name(), "zh")
        .addProperty(DCTerms.identifier, department.creditCode());
  }

  private Resource platform() {
    return model
        .createResource(base + "/#publisher")
        .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
        .addProperty(foaf("name"), "政务数据开放平台", "zh");
  }

  private Resource document(String url) {
    return typed(url, model.createResource(FOAF + "Document"));
  }

  private Resource typed(String uri, Resource type) {
    return model.createResource(uri).addProperty(RDF.type, type);
  }

  private Property foaf(String name) {
    return model.createProperty(FOAF, name);
  }

  private Property hydra(String name) {
    return model.createProperty(HYDRA, name);
  }

  /**
   * The lexical form, not a {@code Calendar}: Jena keeps a {@code Calendar} value in memory but
   * writes its {@code toString()}, which no reader accepts as an {@code xsd:dateTime}.
   */
  private static String modified(Entry entry) {
    return entry.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** One page of the catalogue: which page, how big, how many datasets in all. */
  record Paging(String pageBase, int page, int size, long total) {
    int lastPage() {
      return (int) Math.max(1, (total + size - 1) / size);
    }

    String pageUrl(int number) {
      return pageBase + "?page=" + number;
    }
  }
}
