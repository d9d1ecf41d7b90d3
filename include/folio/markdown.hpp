// Markdown to searchable text, with cmark-gfm behind it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "folio/article.hpp"

namespace folio {

// A Hugo shortcode the text calls ({{< name >}} or {{% name %}}), once per name, at its first use.
struct ShortcodeUse {
  std::string name;  // "note", "docs/alert"
  int line = 0;      // 1-based, in the text given
};

struct MarkdownText {
  std::vector<Heading> headings;
  std::vector<Section> sections;  // body text split at headings
  std::string text;               // all prose as plain text, one block per line
  std::string code;               // fenced and indented code blocks, separated by newlines
  std::vector<ShortcodeUse> shortcodes;
};

// Converts Markdown (GFM: tables, strikethrough, autolinks, task lists) to plain text. Table cells,
// list items, link text and image alt text are kept; markup, URLs and raw HTML tags are dropped
// (the text inside HTML is kept). Template syntax is removed first (see strip_templates). Headings
// get the anchor ids Hugo generates.
MarkdownText extract_markdown(std::string_view markdown);

// Removes template syntax a static-site generator would expand: Hugo shortcodes `{{< >}}` and
// `{{% %}}` (the inner text of paired shortcodes is kept), Go templates `{{ ... }}`, Liquid/Zola
// `{% ... %}` and `{# ... #}`. Line breaks are preserved so line numbers stay right. Code spans and
// fenced code are left alone.
// The shortcodes it removed are appended to `shortcodes` when given.
std::string strip_templates(std::string_view markdown,
                            std::vector<ShortcodeUse>* shortcodes = nullptr);

// The anchor id Hugo (goldmark, autoHeadingIDType "github") makes for a heading:
// lowercase, spaces to dashes, punctuation dropped. "Go vs Rust: Which?" -> "go-vs-rust-which".
std::string heading_anchor(std::string_view heading_text);

// Gives each anchor in a document a unique id the way Hugo does: the second "example" becomes
// "example-1", the third "example-2". An empty anchor becomes "heading".
class AnchorDeduplicator {
 public:
  std::string unique(std::string anchor);

 private:
  // Every anchor handed out, with the next suffix to try when it comes again (linear time even
  // for thousands of equal headings).
  std::unordered_map<std::string, int> seen_;
};

}  // namespace folio
