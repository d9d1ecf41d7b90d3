// The static bundle's JSON (docs/static-search.md): the manifest `folio export --static` writes,
// naming the index version, the engine files and the settings the engine searches with, so a
// search in the browser runs with the same [search] settings and taxonomies as folio-server with
// the folio.toml the export ran with; and engine.json, which scripts/wasm/build.sh writes beside
// the engine it built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"
#include "folio/static_export.hpp"

namespace folio::json_mapping {

struct EngineSettings {
  SearchSettings search;
  std::vector<std::string> taxonomies;  // custom taxonomies usable as filters and facets
};

// {"search": {...every SearchSettings field...}, "taxonomies": [...]}, compact.
std::string engine_settings_json(const EngineSettings& settings);
// The reverse; keys absent keep their defaults. Throws Error{parse} for text that is not such an
// object or a value of the wrong type.
EngineSettings engine_settings_from_json(std::string_view text);

// The engine's two files, named by their content (folio-engine-<hash>.js and .wasm).
struct EngineFiles {
  std::string js;
  std::string wasm;
};
// engine.json, {"js": ..., "wasm": ...}. Throws Error{parse}.
EngineFiles engine_files_from_json(std::string_view text);

struct StaticManifest {
  StaticIndex index;
  StaticLayout layout = StaticLayout::chunks;
  EngineFiles engine;
  EngineSettings settings;
  std::string created;  // ISO 8601, UTC
};
// manifest.json, pretty-printed.
std::string static_manifest_json(const StaticManifest& manifest);
// What an existing manifest names (its index path and engine files), to keep them for pages still
// open on it; nullopt when the text is not a manifest.
struct ManifestFiles {
  std::string index_path;
  EngineFiles engine;
};
std::optional<ManifestFiles> manifest_files(std::string_view text);

}  // namespace folio::json_mapping
