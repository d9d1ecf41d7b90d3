// Path pieces shared by the generators' URL rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

// "posts/./a/b.md" -> {"posts", "a", "b.md"}; empty and "." segments dropped.
std::vector<std::string_view> split_path(std::string_view path);

// "b.md" -> "b"; a leading dot is not an extension.
std::string_view without_extension(std::string_view name);

// Hugo's path sanitising (UnicodeSanitize, then lowercased as without disablePathToLower): letters,
// digits, marks and . / \ _ # ~ - @ are kept (not +, which Hugo 0.111 drops), % only before two hex
// digits; a run of white space becomes one dash (none at the start or end); everything else is
// dropped.
std::string hugo_sanitize(std::string_view path);

// The path of a site's base URL, with a slash at both ends: "https://example.com/blog" ->
// "/blog/", "https://example.com" -> "/", "/docs" -> "/docs/", "" -> "/".
std::string base_path_of_url(std::string_view url);

}  // namespace folio::detail
