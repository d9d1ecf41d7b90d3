// One reader per generator, behind read_site (site_reader.cpp).
#pragma once

#include <string>

#include "folio/config.hpp"

namespace folio::detail {

// The Hugo config files at `root`, in the order Hugo merges them: the first of hugo.* and
// config.* at the root, then config/_default/*, then config/production/* (Hugo builds for
// production unless told otherwise). Empty when the folder holds none.
std::vector<std::string> hugo_config_files(const std::string& root);
SiteSettings read_hugo_site(const std::string& root, const std::vector<std::string>& files);

}  // namespace folio::detail
