// Markdown to plain text: walks cmark-gfm's tree and keeps what a reader reads.
#include "folio/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "content/markdown/cmark_document.hpp"
#include "content/markdown/heading_source.hpp"
#include "content/markdown/html_text.hpp"

namespace folio {
namespace {

using detail::CmarkDocument;
using detail::CmarkIterator;
using detail::SourceLines;

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text == nullptr ? std::string_view() : std::string_view(text);
}

void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

void trim_trailing_newlines(std::string& out) {
  while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
    out.pop_back();
}

// True for links whose text is their own URL (<https://go.dev>, www.go.dev, <me@x.org>): the
// URL is not prose, so the link is dropped like other URLs.
bool is_autolink(cmark_node* link) {
  cmark_node* child = cmark_node_first_child(link);
  if (child == nullptr || cmark_node_next(child) != nullptr ||
      cmark_node_get_type(child) != CMARK_NODE_TEXT) {
    return false;
  }
  const char* url_chars = cmark_node_get_url(link);
  const std::string_view url = url_chars == nullptr ? std::string_view() : url_chars;
  const std::string_view text = literal(child);
  if (text.empty() || url.size() < text.size()) return false;
  if (url.substr(url.size() - text.size()) != text) return false;
  const std::string_view scheme = url.substr(0, url.size() - text.size());
  return scheme.empty() || scheme == "mailto:" || scheme == "http://" || scheme == "https://";
}

// Where a heading sits in MarkdownText::text.
struct HeadingSpan {
  std::size_t start = 0;       // first byte of the heading's line
  std::size_t body_start = 0;  // first byte after it: where its section's text begins
};

constexpr int kMaxSetextLines = 1000;

// cmark-gfm 0.29's table extension takes time quadratic in the number of cells of a row. No real
// table has this many columns; on longer lines the pipes become blanks (same length, so line and
// column positions do not move) and the row is read as plain text.
constexpr std::size_t kMaxPipesPerLine = 100;

void defuse_wide_table_rows(std::string& source) {
  std::size_t line_start = 0;
  while (line_start < source.size()) {
    std::size_t line_end = source.find('\n', line_start);
    if (line_end == std::string::npos) line_end = source.size();
    const auto begin = source.begin() + static_cast<std::ptrdiff_t>(line_start);
    const auto end = source.begin() + static_cast<std::ptrdiff_t>(line_end);
    if (static_cast<std::size_t>(std::count(begin, end, '|')) > kMaxPipesPerLine) {
      std::replace(begin, end, '|', ' ');
    }
    line_start = line_end + 1;
  }
}

enum class TableRole { none, table, row, cell };

bool is_line_break(cmark_node* node) {
  const cmark_node_type type = cmark_node_get_type(node);
  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

// GitHub's and Hugo's alert blockquotes open with a marker ("> [!NOTE]") that is markup, not
// text. Returns how many leading inline nodes of `paragraph` make up such a marker (cmark splits
// it at the brackets), with the line break after it; 0 when it has none.
int alert_marker_length(cmark_node* paragraph) {
  cmark_node* parent = cmark_node_parent(paragraph);
  if (parent == nullptr || cmark_node_get_type(parent) != CMARK_NODE_BLOCK_QUOTE ||
      cmark_node_first_child(parent) != paragraph) {
    return 0;
  }
  std::string marker;
  int nodes = 0;
  cmark_node* child = cmark_node_first_child(paragraph);
  for (; child != nullptr && cmark_node_get_type(child) == CMARK_NODE_TEXT && marker.size() < 16;
       child = cmark_node_next(child)) {
    const char* literal = cmark_node_get_literal(child);
    marker += literal != nullptr ? literal : "";
    ++nodes;
  }
  while (!marker.empty() && marker.back() == ' ')
    marker.pop_back();
  static constexpr std::string_view kAlerts[] = {"[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]",
                                                 "[!CAUTION]"};
  bool is_marker = std::any_of(std::begin(kAlerts), std::end(kAlerts), [&](std::string_view a) {
    return marker.size() == a.size() &&
           std::equal(a.begin(), a.end(), marker.begin(), [](char x, char y) {
             return x == std::toupper(static_cast<unsigned char>(y));
           });
  });
  if (!is_marker) return 0;
  return child != nullptr && is_line_break(child) ? nodes + 1 : nodes;
}

class TextCollector {
 public:
  explicit TextCollector(std::string_view source) : source_lines_(source) {}

  MarkdownText collect(cmark_node* root) {
    CmarkIterator iter(root);
    for (cmark_event_type event = iter.next(); event != CMARK_EVENT_DONE; event = iter.next()) {
      cmark_node* node = iter.node();
      if (event == CMARK_EVENT_ENTER) {
        enter(node, iter);
      } else {
        leave(node);
      }
    }
    trim_trailing_newlines(result_.text);
    trim_trailing_newlines(result_.code);
    build_sections();
    return std::move(result_);
  }

 private:
  std::string& text() { return result_.text; }

  TableRole table_role(cmark_node* node) const {
    if (cmark_node_get_syntax_extension(node) != detail::gfm_extensions().table) {
      return TableRole::none;
    }
    const char* type = cmark_node_get_type_string(node);
    if (std::strcmp(type, "table_cell") == 0) return TableRole::cell;
    if (std::strcmp(type, "table") == 0) return TableRole::table;
    return TableRole::row;  // "table_header" and "table_row"
  }

  void enter(cmark_node* node, CmarkIterator& iter) {
    if (skipped_inlines_ > 0 &&
        (cmark_node_get_type(node) == CMARK_NODE_TEXT || is_line_break(node))) {
      --skipped_inlines_;
      return;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        append_inline(literal(node));
        break;
      case CMARK_NODE_SOFTBREAK:
        append_inline(" ");
        break;
      case CMARK_NODE_LINEBREAK:
        text() += '\n';
        break;
      case CMARK_NODE_HTML_INLINE:
        inline_html(literal(node));
        break;
      case CMARK_NODE_HTML_BLOCK:
        html_block(literal(node));
        break;
      case CMARK_NODE_CODE_BLOCK:
        code_block(literal(node));
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        end_line(text());
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        break;
      case CMARK_NODE_HEADING:
        enter_heading();
        break;
      case CMARK_NODE_LINK:
        if (is_autolink(node)) iter.skip_children(node);
        break;
      default:
        enter_other(node);
        break;
    }
  }

  void enter_other(cmark_node* node) {
    switch (table_role(node)) {
      case TableRole::cell:
        if (cmark_node_previous(node) != nullptr) text() += " | ";
        break;
      case TableRole::table:
      case TableRole::row:
        end_line(text());
        break;
      case TableRole::none:
        if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
          end_line(text());
        }
        if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
          skipped_inlines_ = alert_marker_length(node);
        }
        break;
    }
  }

  void leave(cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
      leave_heading(node);
    } else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
               table_role(node) != TableRole::cell) {
      hidden_inline_ = false;
      end_line(text());
    }
  }

  // Appends inline text without doubling the blank left where markup was dropped.
  void append_inline(std::string_view content) {
    if (hidden_inline_) return;
    std::string& out = text();
    const bool after_blank = out.empty() || out.back() == ' ' || out.back() == '\n';
    if (after_blank) {
      while (!content.empty() && content.front() == ' ')
        content.remove_prefix(1);
    }
    for (std::size_t double_blank = content.find("  "); double_blank != std::string_view::npos;
         double_blank = content.find("  ")) {
      out += content.substr(0, double_blank + 1);
      content.remove_prefix(double_blank + 1);
      while (!content.empty() && content.front() == ' ')
        content.remove_prefix(1);
    }
    out += content;
  }

  // An inline tag: dropped, but <script>/<style> hide the text up to their closing tag, and
  // tags like <br> keep the words around them apart.
  void inline_html(std::string_view tag) {
    switch (detail::html::classify_tag(tag)) {
      case detail::html::TagKind::opens_hidden:
        hidden_inline_ = true;
        break;
      case detail::html::TagKind::closes_hidden:
        hidden_inline_ = false;
        break;
      case detail::html::TagKind::block:
        append_inline(" ");
        break;
      case detail::html::TagKind::other:
        break;
    }
  }

  void html_block(std::string_view html) {
    end_line(text());
    detail::html::append_text(text(), html);
    end_line(text());
  }

  void code_block(std::string_view code) {
    end_line(text());
    result_.code += code;
    if (!result_.code.empty() && result_.code.back() != '\n') result_.code += '\n';
  }

  void enter_heading() {
    end_line(text());
    heading_start_ = text().size();
  }

  void leave_heading(cmark_node* node) {
    const std::string_view raw = raw_heading_text(node);
    const detail::HeadingAttributes raw_attributes = detail::trailing_attributes(raw);
    std::string plain =
        std::string(detail::trim_blanks(std::string_view(text()).substr(heading_start_)));
    const detail::HeadingAttributes plain_attributes = detail::trailing_attributes(plain);
    if (raw_attributes.found && plain_attributes.found) {
      plain = std::string(detail::trim_blanks(plain.substr(0, plain_attributes.start)));
    }
    text().resize(heading_start_);
    text() += plain;
    text() += '\n';

    Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.text = std::move(plain);
    std::string anchor =
        raw_attributes.found && !raw_attributes.id.empty()
            ? std::string(raw_attributes.id)
            : heading_anchor(raw_attributes.found ? raw.substr(0, raw_attributes.start) : raw);
    heading.anchor = anchors_.unique(std::move(anchor));
    result_.headings.push_back(std::move(heading));
    spans_.push_back(HeadingSpan{heading_start_, text().size()});
  }

  // The Markdown source of the heading's last line, as goldmark sees it.
  std::string_view raw_heading_text(cmark_node* node) {
    const int start_line = cmark_node_get_start_line(node);
    const std::string_view first = source_lines_.line(start_line);
    const auto column = static_cast<std::size_t>(cmark_node_get_start_column(node));
    const std::string_view from_start =
        column >= 1 && column - 1 <= first.size() ? first.substr(column - 1) : first;
    if (detail::is_atx_heading_line(from_start)) {
      return detail::atx_heading_content(from_start);
    }
    // Setext: the last line before the underline (cmark-gfm 0.29 misreports the end line).
    std::string_view content = from_start;
    for (int number = start_line + 1; number < start_line + kMaxSetextLines; ++number) {
      const std::string_view line = source_lines_.line(number);
      if (detail::is_setext_underline(line)) break;
      content = line;
    }
    return detail::setext_heading_content(content);
  }

  void build_sections() {
    const std::string& all = result_.text;
    auto section_text = [&all](std::size_t begin, std::size_t end) {
      std::string part = all.substr(begin, end - begin);
      trim_trailing_newlines(part);
      return part;
    };
    const std::size_t lead_end = spans_.empty() ? all.size() : spans_.front().start;
    result_.sections.push_back(Section{-1, section_text(0, lead_end)});
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const std::size_t begin = std::min(spans_[i].body_start, all.size());
      const std::size_t end = i + 1 < spans_.size() ? spans_[i + 1].start : all.size();
      result_.sections.push_back(Section{static_cast<int>(i), section_text(begin, end)});
    }
  }

  SourceLines source_lines_;
  MarkdownText result_;
  AnchorDeduplicator anchors_;
  std::vector<HeadingSpan> spans_;
  std::size_t heading_start_ = 0;
  bool hidden_inline_ = false;
  int skipped_inlines_ = 0;  // leading inline nodes of an alert marker still to skip
};

}  // namespace

MarkdownText extract_markdown(std::string_view markdown) {
  std::vector<ShortcodeUse> shortcodes;
  std::string source = strip_templates(markdown, &shortcodes);
  defuse_wide_table_rows(source);
  const CmarkDocument document(source);
  MarkdownText text = TextCollector(source).collect(document.root());
  text.shortcodes = std::move(shortcodes);
  return text;
}

}  // namespace folio
