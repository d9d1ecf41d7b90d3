// Markdown extraction and template stripping on any bytes: strip_templates (Hugo shortcodes, Go
// templates, Liquid/Zola tags) alone, then the whole extraction (cmark-gfm, HTML text, headings,
// anchors, sections). Neither throws; a crash, a leak, undefined behaviour or a timeout (their
// loops are meant to be linear) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "folio/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view markdown(reinterpret_cast<const char*>(data), size);

  std::vector<folio::ShortcodeUse> shortcodes;
  const std::string stripped = folio::strip_templates(markdown, &shortcodes);
  // Line breaks are kept so line numbers stay right.
  std::size_t lines_in = 0, lines_out = 0;
  for (char c : markdown)
    lines_in += c == '\n';
  for (char c : stripped)
    lines_out += c == '\n';
  if (lines_in != lines_out) __builtin_trap();

  const folio::MarkdownText text = folio::extract_markdown(markdown);
  for (const auto& section : text.sections) {
    if (section.heading_index < -1 ||
        section.heading_index >= static_cast<int>(text.headings.size())) {
      __builtin_trap();
    }
  }
  folio::AnchorDeduplicator anchors;
  for (const auto& heading : text.headings)
    anchors.unique(folio::heading_anchor(heading.text));
  return 0;
}
