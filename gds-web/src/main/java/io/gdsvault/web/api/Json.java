package io.gdsvault.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies strictly (an object, fields of the right JSON type and length, named in
 * every refusal) and writes responses.
 */
public final class Json {

  /** Longest string in a body (as over OPC UA: limits.maxStringLength's default). */
  public static final int MAX_STRING = 65_535;

  /** Most elements of an array in a body. */
  public static final int MAX_ARRAY = 256;

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 22).build());
  }

  private Json() {}

  /** The body as a JSON object; 400 when it is empty, not JSON or not an object. */
  public static ObjectNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      throw new ApiException(400, "invalid_input", "the body must be a JSON object", null);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid_input", "the body is not valid JSON", null);
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "invalid_input", "the body must be a JSON object", null);
    }
    return (ObjectNode) node;
  }

  /** A string field; null when absent or null and not required. */
  public static @Nullable String text(ObjectNode body, String field, boolean required, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw ApiException.invalid(field, "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.invalid(field, "must be a string");
    }
    String s = v.asText();
    if (s.length() > max) {
      throw ApiException.invalid(field, "is longer than " + max + " characters");
    }
    if (required && s.isBlank()) {
      throw ApiException.invalid(field, "must not be empty");
    }
    return s;
  }

  /** A required string field. */
  public static String required(ObjectNode body, String field, int max) {
    String s = text(body, field, true, max);
    if (s == null) {
      throw ApiException.invalid(field, "is required");
    }
    return s;
  }

  /** An array of strings; empty when absent. */
  public static List<String> strings(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw ApiException.invalid(field, "must be an array of strings");
    }
    if (v.size() > MAX_ARRAY) {
      throw ApiException.invalid(field, "has more than " + MAX_ARRAY + " elements");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw ApiException.invalid(field, "must be an array of strings");
      }
      if (e.asText().length() > MAX_STRING) {
        throw ApiException.invalid(field, "has an element longer than " + MAX_STRING);
      }
      out.add(e.asText());
    }
    return out;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Writes {@code node} as the JSON response with {@code status}. */
  public static void send(Context ctx, int status, JsonNode node) {
    ctx.status(status).contentType("application/json").result(node.toString());
  }

  /** The error body of WEB.md: {@code {"error", "message"}} and the field when there is one. */
  public static ObjectNode error(ApiException e) {
    ObjectNode n = object().put("error", e.code()).put("message", e.getMessage());
    if (e.field() != null) {
      n.put("field", e.field());
    }
    return n;
  }
}
