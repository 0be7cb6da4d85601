package cn.govdata.catalog.dcat;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.portal.PublishedCatalog;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.validation.InvalidFieldException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * DCAT-AP 3 in Turtle, JSON-LD and RDF/XML, at ckanext-dcat's addresses: {@code /catalog.{ext}}
 * (paged with Hydra, {@code ?page=N}) and {@code /dataset/{id}.{ext}}. Only what the caller may see
 * of the published catalog is described.
 */
@RestController
class DcatController {

  static final int PAGE_SIZE = 100;

  private final PublishedCatalog catalog;

  DcatController(PublishedCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/catalog.{format:ttl|jsonld|rdf|xml}")
  ResponseEntity<byte[]> catalog(
      Caller caller,
      @PathVariable String format,
      @RequestParam(name = "page", defaultValue = "1") int page) {
    if (page < 1) {
      throw new InvalidFieldException("page", "range", "page must be at least 1, got " + page);
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    List<Entry> visible = catalog.visible(caller);
    List<Entry> slice =
        visible.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).toList();
    DcatMapper mapper = new DcatMapper(base);
    mapper.catalog(
        slice,
        catalog.departmentsById(),
        new DcatMapper.Paging(base + "/catalog." + format, page, PAGE_SIZE, visible.size()));
    return write(mapper, format);
  }

  @GetMapping("/dataset/{id:\\d{1,18}}.{format:ttl|jsonld|rdf|xml}")
  ResponseEntity<byte[]> dataset(
      Caller caller, @PathVariable long id, @PathVariable String format) {
    Entry entry = catalog.find(caller, id).orElseThrow(() -> ApiException.notFound("dataset", id));
    DcatMapper mapper =
        new DcatMapper(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    mapper.dataset(entry, catalog.department(entry));
    return write(mapper, format);
  }

  private static ResponseEntity<byte[]> write(DcatMapper mapper, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFFormat rdf;
    MediaType type;
    switch (format) {
      case "ttl" -> {
        rdf = RDFFormat.TURTLE_PRETTY;
        type = MediaType.parseMediaType("text/turtle;charset=UTF-8");
      }
      case "jsonld" -> {
        rdf = RDFFormat.JSONLD11;
        type = MediaType.parseMediaType("application/ld+json");
      }
      default -> {
        rdf = RDFFormat.RDFXML_PRETTY;
        type = MediaType.parseMediaType("application/rdf+xml;charset=UTF-8");
      }
    }
    RDFDataMgr.write(out, mapper.model(), rdf);
    return ResponseEntity.ok().contentType(type).body(out.toByteArray());
  }

  static Lang lang(String format) {
    return switch (format) {
      case "ttl" -> Lang.TURTLE;
      case "jsonld" -> Lang.JSONLD;
      default -> Lang.RDFXML;
    };
  }
}
