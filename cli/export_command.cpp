// `folio export --static OUT`: the static bundle (docs/static-search.md). The index is compacted
// and cut into chunks by folio::core (export_static_index); this command copies the engine,
// worker and widget beside it, writes manifest.json last (atomically: a page that reads it finds
// everything it names), and removes what neither the new manifest nor the one it replaces names,
// so a page opened on the previous export keeps working until it reloads.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "config_loading.hpp"
#include "folio/error.hpp"
#include "folio/site.hpp"
#include "folio/static_export.hpp"
#include "folio_json/static_bundle.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file_atomically(const fs::path& path, const std::string& text) {
  const fs::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw Error(ErrorCode::io, "cannot write " + partial.string());
  }
  fs::rename(partial, path);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// Where the engine and widget files are: --assets, else beside an installed folio
// (<prefix>/share/folio/static).
fs::path assets_folder(const ExportOptions& o) {
  if (!o.assets_dir.empty()) return o.assets_dir;
  std::error_code ignored;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ignored);
  return exe.parent_path().parent_path() / "share" / "folio" / "static";
}

json_mapping::EngineFiles copy_assets(const fs::path& assets, const fs::path& out) {
  const fs::path engine_json = assets / "engine.json";
  if (!fs::exists(engine_json))
    throw Error(ErrorCode::not_found, "no static engine in " + assets.string() +
                                          " (build it with scripts/wasm/build.sh, or pass "
                                          "--assets)");
  const auto engine = json_mapping::engine_files_from_json(read_file(engine_json));
  for (const auto& entry : fs::recursive_directory_iterator(assets)) {
    if (!entry.is_regular_file() || entry.path() == engine_json) continue;
    const fs::path target = out / fs::relative(entry.path(), assets);
    fs::create_directories(target.parent_path());
    fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
  }
  return engine;
}

// Removes old index versions and engine files, keeping those named in `keep`.
void remove_stale(const fs::path& out, const std::set<std::string>& keep) {
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    const bool versioned = name.rfind("index-", 0) == 0 || name.rfind("folio-engine-", 0) == 0;
    if (!versioned) continue;
    const std::string as_named = entry.is_directory() ? name + "/" : name;
    if (keep.count(as_named) == 0) fs::remove_all(entry.path());
  }
}

StaticExportRequest export_request(const ExportOptions& o, const Config& config) {
  StaticExportRequest r;
  r.db_path = config.index.db_path;
  r.out_dir = o.out_dir;
  r.layout = o.layout == "file" ? StaticLayout::file : StaticLayout::chunks;
  r.block_size = o.block_size;
  r.chunk_size = o.chunk_size;
  return r;
}

}  // namespace

int run_export_command(const ExportOptions& o) {
  try {
    Config config = load_cli_config(o.common);
    apply_site(config.index);  // the site's taxonomies, as folio-server reads them
    const fs::path out(o.out_dir);
    const fs::path manifest_path = out / "manifest.json";
    std::optional<json_mapping::ManifestFiles> previous;
    if (fs::exists(manifest_path))
      previous = json_mapping::manifest_files(read_file(manifest_path));

    json_mapping::StaticManifest manifest;
    const StaticExportRequest request = export_request(o, config);
    manifest.layout = request.layout;
    manifest.index = export_static_index(request);
    manifest.engine = copy_assets(assets_folder(o), out);
    manifest.settings = {config.search, config.index.taxonomies};
    manifest.created = utc_now();
    write_file_atomically(manifest_path, json_mapping::static_manifest_json(manifest));

    std::set<std::string> keep{manifest.index.path, manifest.engine.js, manifest.engine.wasm};
    if (previous) keep.insert({previous->index_path, previous->engine.js, previous->engine.wasm});
    remove_stale(out, keep);
    std::printf("exported %llu articles to %s: index %s, %.1f MB in %zu chunk(s)\n",
                static_cast<unsigned long long>(manifest.index.articles), out.c_str(),
                manifest.index.version.c_str(), double(manifest.index.size) / (1024.0 * 1024.0),
                manifest.index.chunks);
    return kExitOk;
  } catch (const Error& e) {
    std::fprintf(stderr, "folio: error: %s\n", e.what());
    return e.code() == ErrorCode::not_found || e.code() == ErrorCode::database ? kExitIndexUnusable
                                                                               : kExitUsage;
  } catch (const fs::filesystem_error& e) {
    std::fprintf(stderr, "folio: error: %s\n", e.what());
    return kExitUsage;
  }
}

}  // namespace folio::cli
