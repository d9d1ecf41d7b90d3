#pragma once

#include "commands.hpp"
#include "folio/config.hpp"

namespace folio::cli {

// Loads --config (or ./folio.toml when present, else defaults) and applies --db. Warnings about
// unknown keys are printed to stderr. Throws folio::Error on a bad configuration.
Config load_cli_config(const CommonOptions& common);

}  // namespace folio::cli
