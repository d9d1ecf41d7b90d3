// Rendering the engine's HTML-escaped, highlighted strings for a terminal: entities decoded,
// highlight markers turned into colour (or plain text when not on a terminal).
#pragma once

#include <string>

#include "folio/config.hpp"

namespace folio::cli {

class TerminalStyle {
 public:
  TerminalStyle(bool colour, const SearchSettings& settings)
      : colour_(colour), mark_start_(settings.highlight_start), mark_end_(settings.highlight_end) {}

  std::string title(const std::string& html) const;
  std::string snippet(const std::string& html) const;
  std::string dim(const std::string& text) const;

 private:
  std::string render(const std::string& html, const char* base, const char* highlight) const;

  bool colour_;
  std::string mark_start_;
  std::string mark_end_;
};

// Decodes the five entities the engine's escaping produces (&amp; &lt; &gt; &quot; &#39;).
std::string decode_basic_entities(const std::string& html);

}  // namespace folio::cli
