#include "config_loading.hpp"

#include <cstdio>
#include <filesystem>

namespace folio::cli {

Config load_cli_config(const CommonOptions& common) {
  Config config;
  std::string path = common.config_path;
  if (path.empty() && std::filesystem::exists("folio.toml")) path = "folio.toml";
  if (!path.empty()) {
    std::vector<std::string> warnings;
    config = load_config(path, warnings);
    for (const auto& w : warnings)
      std::fprintf(stderr, "folio: warning: %s\n", w.c_str());
  }
  if (!common.db_path.empty()) config.index.db_path = common.db_path;
  return config;
}

}  // namespace folio::cli
