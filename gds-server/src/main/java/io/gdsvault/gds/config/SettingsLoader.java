package io.gdsvault.gds.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@link GdsSettings}: the embedded defaults ({@code gds-default.yaml}), overlaid by an
 * optional YAML file, overlaid by command-line overrides. Unknown keys are errors, so a typo does
 * not silently fall back to a default.
 */
public final class SettingsLoader {

  /** Classpath resource with every default. */
  public static final String DEFAULTS_RESOURCE = "/gds-default.yaml";

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  private SettingsLoader() {}

  /** Defaults only. */
  public static GdsSettings defaults() {
    return load(null, s -> {});
  }

  /**
   * Defaults overlaid by {@code file} (may be null) and then by {@code overrides}, which edit the
   * merged tree (e.g. {@code --port}).
   */
  public static GdsSettings load(@Nullable Path file, Consumer<ObjectNode> overrides) {
    ObjectNode tree = readDefaults();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new SettingsException("configuration file not found: " + file);
      }
      try (InputStream in = Files.newInputStream(file)) {
        JsonNode user = YAML.readTree(in);
        if (user != null && !user.isMissingNode() && !user.isNull()) {
          if (!user.isObject()) {
            throw new SettingsException("configuration file must be a YAML mapping: " + file);
          }
          merge(tree, (ObjectNode) user, "");
        }
      } catch (JsonProcessingException e) {
        throw new SettingsException(
            "configuration file " + file + " is not valid YAML: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new SettingsException("cannot read configuration file " + file, e);
      }
    }
    overrides.accept(tree);
    try {
      return YAML.treeToValue(tree, GdsSettings.class).validate();
    } catch (JsonProcessingException e) {
      throw new SettingsException("invalid configuration: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode readDefaults() {
    try (InputStream in = SettingsLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULTS_RESOURCE);
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  /** Overlays {@code overlay} onto {@code base}; unknown keys are reported with their path. */
  private static void merge(ObjectNode base, ObjectNode overlay, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
    boolean openMap = base.isEmpty() && !path.isEmpty();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode existing = base.get(e.getKey());
      if (existing == null && openMap) {
        // an empty mapping in the defaults is an open map (e.g. certificates.groupSigners)
        base.set(e.getKey(), e.getValue());
        continue;
      }
      if (existing == null) {
        throw new SettingsException("unknown configuration key: " + key);
      }
      if (existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue(), key);
      } else if (existing.isObject()) {
        throw new SettingsException("configuration key " + key + " must be a mapping");
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }
}
