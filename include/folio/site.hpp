// A static site generator's configuration read the way the generator reads it, so that folio
// indexes what the site publishes, at the URLs it publishes it: Hugo (hugo.toml|yaml|json,
// config.toml|yaml|json, config/_default/ and config/production/), Zola (zola.toml, or config.toml
// with base_url) and Jekyll (_config.yml, _config.yaml or _config.toml).
#pragma once

#include <string>

#include "folio/config.hpp"

namespace folio {

// "hugo", "zola", "jekyll" or "none".
const char* generator_name(SiteGenerator generator) noexcept;

// Which generator's configuration `folder` holds; none when it holds none (a bare folder of
// Markdown, indexed as it is).
SiteGenerator detect_site(const std::string& folder);

// Reads the configuration of the site at `root`. A broken config file throws Error{parse} naming
// the file, line and column; a folder without one gives SiteSettings{} (generator none).
SiteSettings read_site(const std::string& root);

// When settings.site_root is set: reads the site into settings.site, and takes from it every
// setting that settings.explicit_keys does not name: the content folders, language, taxonomies
// and build options (drafts, future, expired). Without site_root it does nothing.
void apply_site(IndexSettings& settings);

// Whether Hugo can expand the shortcode `name`: a template of the site or its themes, or one of
// Hugo's own (figure, gist, highlight, param, ref, relref, youtube, ...). True when the site's
// templates could not all be read.
bool is_known_shortcode(const SiteSettings& site, const std::string& name);

// One line on what was read, for `folio stats` and /api/stats (no filesystem paths: the server
// shows it): "hugo (config.yml); base path /; languages en (default); permalinks news=...".
std::string describe_site(const SiteSettings& site);

}  // namespace folio
