// Front matter: any bytes as the top of a Markdown file, through the TOML, YAML and JSON readers
// (the delimiters pick one, as in a real file) into flattened fields. A parse error is an answer;
// anything else that escapes, a crash, a leak or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "folio/error.hpp"
#include "folio/front_matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  try {
    folio::FrontMatter front_matter = folio::parse_front_matter(source, "fuzz.md");
    // The body is a view into the source: reading it all is what ASan checks.
    std::size_t newlines = 0;
    for (char c : front_matter.body)
      newlines += c == '\n';
    if (front_matter.body.size() > source.size() || newlines > source.size()) __builtin_trap();
  } catch (const folio::Error& error) {
    if (error.code() != folio::ErrorCode::parse) throw;
  }
  return 0;
}
