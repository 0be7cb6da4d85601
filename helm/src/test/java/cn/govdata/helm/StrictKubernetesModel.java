package cn.govdata.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes objects into fabric8's typed model and rejects anything the API server would: a
 * value of the wrong type fails Jackson, and a field the model does not know fails here.
 *
 * <p>fabric8 is lenient on purpose (unknown fields land in {@code additionalProperties}, and its
 * own mapper even parks mistyped values there), so the objects are read with a plain Jackson mapper
 * and every {@code additionalProperties} in the object graph must be empty.
 */
final class StrictKubernetesModel {

  /** Custom resources the chart may render; fabric8 has no typed model for them. */
  static final Set<String> CUSTOM_RESOURCES =
      Set.of("elasticsearch.k8s.elastic.co/v1/Elasticsearch");

  private static final KubernetesSerialization REGISTRY = new KubernetesSerialization();
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private StrictKubernetesModel() {}

  /** One object: its kind is looked up in fabric8's registry of built-in kinds. */
  static HasMetadata read(JsonNode object) {
    String apiVersion = text(object, "apiVersion");
    String kind = text(object, "kind");
    Class<? extends KubernetesResource> type =
        REGISTRY.getRegisteredKubernetesResource(apiVersion, kind);
    if (type == null || type == GenericKubernetesResource.class) {
      if (!CUSTOM_RESOURCES.contains(apiVersion + "/" + kind)) {
        throw new InvalidManifestException(
            apiVersion
                + "/"
                + kind
                + " is neither a built-in kind nor an expected custom resource");
      }
      return STRICT.convertValue(object, GenericKubernetesResource.class);
    }
    return (HasMetadata) read(object, type);
  }

  /** An object of a known type, e.g. a pod template file Spark reads. */
  static <T> T read(JsonNode object, Class<T> type) {
    T value;
    try {
      value = STRICT.convertValue(object, type);
    } catch (IllegalArgumentException e) {
      throw new InvalidManifestException(
          type.getSimpleName() + " does not match the Kubernetes model: " + e.getMessage(), e);
    }
    List<String> unknown = new ArrayList<>();
    collectUnknownFields(value, type.getSimpleName(), unknown, new IdentityHashMap<>());
    if (!unknown.isEmpty()) {
      throw new InvalidManifestException(
          type.getSimpleName()
              + " "
              + name(object)
              + " has fields Kubernetes does not know: "
              + unknown);
    }
    return value;
  }

  private static void collectUnknownFields(
      Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        collectUnknownFields(item, path + "[" + index++ + "]", unknown, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        Object fieldValue;
        try {
          fieldValue = field.get(value);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
        if (field.getName().equals("additionalProperties")) {
          if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
            extra.keySet().forEach(key -> unknown.add(path + "." + key));
          }
        } else {
          collectUnknownFields(fieldValue, path + "." + field.getName(), unknown, seen);
        }
      }
    }
    additionalPropertiesOf(value, path, unknown);
  }

  // Models that keep extra fields outside a field named additionalProperties still expose them.
  private static void additionalPropertiesOf(Object value, String path, List<String> unknown) {
    try {
      Method getter = value.getClass().getMethod("getAdditionalProperties");
      if (getter.invoke(value) instanceof Map<?, ?> extra && !extra.isEmpty()) {
        extra.keySet().stream()
            .map(key -> path + "." + key)
            .filter(entry -> !unknown.contains(entry))
            .forEach(unknown::add);
      }
    } catch (NoSuchMethodException e) {
      // not every model class has one
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidManifestException("object without " + field + ": " + object);
    }
    return value.asText();
  }

  private static String name(JsonNode object) {
    JsonNode name = object.path("metadata").path("name");
    return name.isMissingNode() ? "(unnamed)" : name.asText();
  }

  /** A rendered object that Kubernetes would refuse. */
  static final class InvalidManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidManifestException(String message) {
      super(message);
    }

    InvalidManifestException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
