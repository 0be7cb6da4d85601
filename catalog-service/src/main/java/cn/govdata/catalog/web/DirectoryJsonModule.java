package cn.govdata.catalog.web;

import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * How the directory model reads and writes as JSON: resource codes as {@code "101001/000042"}, and
 * enumerations accepted as the constant name, the Chinese term of the standard or the English name
 * (as departments write them in forms), always written as the constant name.
 */
@Component
public class DirectoryJsonModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  public DirectoryJsonModule() {
    super("govdata-directory");
    addSerializer(ResourceCode.class, ToStringSerializer.instance);
    addDeserializer(ResourceCode.class, new ResourceCodeDeserializer());
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return Labelled.class.isAssignableFrom(type.getRawClass())
                ? new LabelledDeserializer(type.getRawClass())
                : deserializer;
          }
        });
  }

  private static final class ResourceCodeDeserializer extends StdScalarDeserializer<ResourceCode> {
    private static final long serialVersionUID = 1L;

    ResourceCodeDeserializer() {
      super(ResourceCode.class);
    }

    @Override
    public ResourceCode deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      try {
        return ResourceCode.parse(text, "code");
      } catch (InvalidFieldException e) {
        return (ResourceCode)
            context.handleWeirdStringValue(
                ResourceCode.class,
                text,
                "must look like 101001/000001 (classification digits, '/', sequence)");
      }
    }
  }

  private static final class LabelledDeserializer extends StdScalarDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    LabelledDeserializer(Class<?> type) {
      super(type);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      String text = parser.getText();
      try {
        return Labelled.parse((Class) handledType(), text, "value");
      } catch (InvalidFieldException e) {
        return context.handleWeirdStringValue(handledType(), text, "not one of the values");
      }
    }
  }
}
