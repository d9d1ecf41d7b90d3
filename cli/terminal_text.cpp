#include "terminal_text.hpp"

#include <algorithm>

namespace folio::cli {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kHighlight = "\033[1;33m";

}  // namespace

std::string decode_basic_entities(const std::string& html) {
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    bool replaced = false;
    if (html[i] == '&') {
      for (const auto& [entity, ch] : kEntities) {
        std::string_view e(entity);
        if (html.compare(i, e.size(), e) == 0) {
          out += ch;
          i += e.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

std::string TerminalStyle::render(const std::string& html, const char* base,
                                  const char* highlight) const {
  std::string out;
  if (colour_) out += base;
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t start = mark_start_.empty() ? std::string::npos : html.find(mark_start_, pos);
    if (start == std::string::npos) {
      out += decode_basic_entities(html.substr(pos));
      break;
    }
    out += decode_basic_entities(html.substr(pos, start - pos));
    std::size_t text_begin = start + mark_start_.size();
    std::size_t end = html.find(mark_end_, text_begin);
    if (end == std::string::npos) end = html.size();
    std::string marked = decode_basic_entities(html.substr(text_begin, end - text_begin));
    out += colour_ ? std::string(highlight) + marked + kReset + base : marked;
    pos = end == html.size() ? end : end + mark_end_.size();
  }
  if (colour_) out += kReset;
  return out;
}

std::string TerminalStyle::title(const std::string& html) const {
  return render(html, kBold, kHighlight);
}

// A snippet may span paragraphs; on a terminal it stays one indented paragraph.
std::string TerminalStyle::snippet(const std::string& html) const {
  std::string flat = html;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  return render(flat, "", kHighlight);
}

std::string TerminalStyle::dim(const std::string& text) const {
  return colour_ ? std::string(kDim) + text + kReset : text;
}

}  // namespace folio::cli
