// Removes static-site template syntax (Hugo shortcodes, Go templates, Liquid/Zola tags) from
// Markdown before it is parsed. Runs in linear time: every search for a closing delimiter resumes
// where the previous one stopped, and no delimiter is searched for past the end of its paragraph.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "folio/markdown.hpp"

namespace folio {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
constexpr std::size_t kMaxCodeSpanTicks = 16;

bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// The next occurrence of a fixed string at or after positions that only ever grow.
class ForwardFinder {
 public:
  ForwardFinder(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}

  std::size_t next(std::size_t from) {
    if (!searched_ || found_ < from) {
      found_ = text_.find(needle_, from);
      searched_ = true;
    }
    return found_;
  }

 private:
  std::string_view text_;
  std::string_view needle_;
  std::size_t found_ = kNone;
  bool searched_ = false;
};

// The end of the paragraph holding a position: the newline before the next blank line, or the
// end of the text. Template delimiters and code spans never close past it.
class ParagraphEnds {
 public:
  explicit ParagraphEnds(std::string_view text) : text_(text) {}

  std::size_t end_after(std::size_t from) {
    if (searched_ && found_ >= from) return found_;
    searched_ = true;
    for (std::size_t newline = text_.find('\n', from); newline != kNone;
         newline = text_.find('\n', newline + 1)) {
      if (line_is_blank(newline + 1)) return found_ = newline;
    }
    return found_ = text_.size();
  }

 private:
  bool line_is_blank(std::size_t start) const {
    std::size_t pos = start;
    while (pos < text_.size() && is_blank(text_[pos]))
      ++pos;
    return pos >= text_.size() || text_[pos] == '\n';
  }

  std::string_view text_;
  std::size_t found_ = 0;
  bool searched_ = false;
};

struct Fence {
  char marker = 0;
  std::size_t length = 0;
};

class TemplateStripper {
 public:
  TemplateStripper(std::string_view text, std::vector<ShortcodeUse>* shortcodes)
      : text_(text),
        shortcodes_(shortcodes),
        paragraphs_(text),
        shortcode_angle_close_(text, ">}}"),
        shortcode_percent_close_(text, "%}}"),
        action_close_(text, "}}"),
        tag_close_(text, "%}"),
        comment_close_(text, "#}"),
        backtick_(text, "`") {
    out_.reserve(text.size());
  }

  std::string run() {
    bool line_start = true;
    while (pos_ < text_.size()) {
      if (line_start && copy_fenced_block()) continue;
      const char c = text_[pos_];
      line_start = c == '\n';
      if (c == '`') {
        copy_code_span();
      } else if (c == '{') {
        strip_template();
      } else if (c == '\\' && pos_ + 1 < text_.size() &&
                 (text_[pos_ + 1] == '`' || text_[pos_ + 1] == '{')) {
        copy(2);
      } else {
        copy(c == '\n' ? 1 : plain_run_length());
      }
    }
    return std::move(out_);
  }

 private:
  // The number of bytes from pos_ before the next one that may start something to strip.
  std::size_t plain_run_length() const {
    std::size_t end = pos_ + 1;
    while (end < text_.size() && !is_special(text_[end]))
      ++end;
    return end - pos_;
  }

  static bool is_special(char c) { return c == '\n' || c == '`' || c == '{' || c == '\\'; }

  void copy(std::size_t length) {
    length = std::min(length, text_.size() - pos_);
    out_.append(text_.substr(pos_, length));
    pos_ += length;
  }

  // Drops [pos_, end) but keeps its line breaks.
  // Where a link destination or a link reference definition expects a URL, a "#" is left so the
  // link stays a link: "[text]({{< ref "x.md" >}})" -> "[text](#)".
  void remove_until(std::size_t end) {
    if (expects_url()) out_ += '#';
    out_.append(std::count(text_.begin() + pos_, text_.begin() + end, '\n'), '\n');
    pos_ = end;
  }

  bool expects_url() const {
    std::string_view before = out_;
    while (!before.empty() && is_space_or_tab(before.back()))
      before.remove_suffix(1);
    if (before.size() < 2 || before[before.size() - 2] != ']') return false;
    return before.back() == '(' || before.back() == ':';
  }

  std::size_t line_end(std::size_t from) const {
    const std::size_t newline = text_.find('\n', from);
    return newline == kNone ? text_.size() : newline + 1;
  }

  // The fence marker run on the line starting at `start` (indentation and '>' skipped);
  // `after` is set to the position just past the run.
  Fence fence_at(std::size_t start, std::size_t& after) const {
    std::size_t pos = start;
    while (pos < text_.size() && (is_space_or_tab(text_[pos]) || text_[pos] == '>'))
      ++pos;
    Fence fence;
    if (pos < text_.size() && (text_[pos] == '`' || text_[pos] == '~')) {
      fence.marker = text_[pos];
      fence.length = run_length(pos, fence.marker);
    }
    after = pos + fence.length;
    return fence;
  }

  bool is_opening_fence(std::size_t start, Fence& fence) const {
    std::size_t after = 0;
    fence = fence_at(start, after);
    if (fence.length < 3) return false;
    if (fence.marker == '~') return true;
    // A backtick fence's info string has no backticks (otherwise it is a code span).
    const std::size_t end = line_end(start);
    return text_.substr(after, end - after).find('`') == kNone;
  }

  bool is_closing_fence(std::size_t start, const Fence& open) const {
    std::size_t after = 0;
    const Fence fence = fence_at(start, after);
    if (fence.marker != open.marker || fence.length < open.length) return false;
    while (after < text_.size() && is_blank(text_[after]))
      ++after;
    return after >= text_.size() || text_[after] == '\n';
  }

  // Copies a fenced code block (up to and including its closing fence) untouched.
  bool copy_fenced_block() {
    Fence open;
    if (!is_opening_fence(pos_, open)) return false;
    copy(line_end(pos_) - pos_);
    while (pos_ < text_.size()) {
      const bool closing = is_closing_fence(pos_, open);
      copy(line_end(pos_) - pos_);
      if (closing) break;
    }
    return true;
  }

  std::size_t run_length(std::size_t pos, char c) const {
    std::size_t end = pos;
    while (end < text_.size() && text_[end] == c)
      ++end;
    return end - pos;
  }

  // Copies a code span `...` untouched, or just the backticks when nothing closes them.
  void copy_code_span() {
    const std::size_t ticks = run_length(pos_, '`');
    if (ticks > kMaxCodeSpanTicks || no_closer_before_[ticks] > pos_) {
      copy(ticks);
      return;
    }
    const std::size_t limit = paragraphs_.end_after(pos_);
    for (std::size_t search = pos_ + ticks;;) {
      const std::size_t candidate = text_.find('`', search);
      if (candidate == kNone || candidate >= limit) break;
      const std::size_t length = run_length(candidate, '`');
      if (length == ticks) {
        copy(candidate + length - pos_);
        return;
      }
      search = candidate + length;
    }
    no_closer_before_[ticks] = limit;
    copy(ticks);
  }

  bool starts_with(std::string_view prefix) const {
    return text_.substr(pos_, prefix.size()) == prefix;
  }

  // The end of a construct opened at pos_ and closed by the finder's needle, or kNone when it is
  // not closed within its paragraph.
  std::size_t closed_end(ForwardFinder& closer, std::size_t opener_length,
                         std::size_t closer_length) {
    const std::size_t found = closer.next(pos_ + opener_length);
    if (found == kNone || found >= paragraphs_.end_after(pos_)) return kNone;
    return found + closer_length;
  }

  void strip_template() {
    if (starts_with("{{<")) {
      strip_shortcode(shortcode_angle_close_);
    } else if (starts_with("{{%")) {
      strip_shortcode(shortcode_percent_close_);
    } else if (starts_with("{{")) {
      if (!strip_raw_action()) strip_delimited(action_close_, 2);
    } else if (starts_with("{%")) {
      strip_delimited(tag_close_, 2);
    } else if (starts_with("{#")) {
      strip_delimited(comment_close_, 2);
    } else {
      copy(1);
    }
  }

  std::size_t skip_spaces_and_trim_marker(std::size_t pos) const {
    while (pos < text_.size() && (is_space_or_tab(text_[pos]) || text_[pos] == '-'))
      ++pos;
    return pos;
  }

  // {{raw `...`}}, the Go blog's way to include preformatted text: the raw string may span
  // paragraphs and is kept; the action around it goes.
  bool strip_raw_action() {
    std::size_t pos = skip_spaces_and_trim_marker(pos_ + 2);
    if (text_.substr(pos, 3) != "raw") return false;
    pos += 3;
    while (pos < text_.size() && is_space_or_tab(text_[pos]))
      ++pos;
    if (pos >= text_.size() || text_[pos] != '`') return false;
    const std::size_t content_start = pos + 1;
    const std::size_t content_end = backtick_.next(content_start);
    if (content_end == kNone) return false;
    const std::size_t close = skip_spaces_and_trim_marker(content_end + 1);
    if (text_.substr(close, 2) != "}}") return false;
    remove_until(content_start);
    copy(content_end - content_start);
    remove_until(close + 2);
    return true;
  }

  void strip_delimited(ForwardFinder& closer, std::size_t delimiter_length) {
    const std::size_t end = closed_end(closer, delimiter_length, delimiter_length);
    if (end == kNone) {
      copy(delimiter_length);
    } else {
      remove_until(end);
    }
  }

  // {{< name args >}}, {{< /name >}}, {{% name %}}: the delimiters go, the text between a
  // paired opening and closing stays. {{</* name */>}} is Hugo's escaped form: its inner text is
  // kept as text.
  void strip_shortcode(ForwardFinder& closer) {
    const std::size_t end = closed_end(closer, 3, 3);
    if (end == kNone) {
      copy(3);
      return;
    }
    std::string_view inner = text_.substr(pos_ + 3, end - 3 - (pos_ + 3));
    while (!inner.empty() && is_space_or_tab(inner.front()))
      inner.remove_prefix(1);
    while (!inner.empty() && is_space_or_tab(inner.back()))
      inner.remove_suffix(1);
    if (inner.size() >= 4 && inner.substr(0, 2) == "/*" && inner.substr(inner.size() - 2) == "*/") {
      out_.append(inner.substr(2, inner.size() - 4));
      pos_ = end;
      return;
    }
    if (shortcodes_) note_shortcode(inner);
    remove_until(end);
  }

  // Records the name of an opening tag the first time it is seen; lines are counted forward from
  // the last one noted, so the whole text is counted once.
  void note_shortcode(std::string_view inner) {
    if (inner.empty() || inner.front() == '/') return;
    std::size_t name_end = 0;
    while (name_end < inner.size() && !is_space_or_tab(inner[name_end]) &&
           inner[name_end] != '\n' && inner[name_end] != '\r')
      ++name_end;
    const std::string_view name = inner.substr(0, name_end);
    line_ += static_cast<int>(std::count(text_.begin() + counted_to_, text_.begin() + pos_, '\n'));
    counted_to_ = pos_;
    for (const ShortcodeUse& seen : *shortcodes_)
      if (seen.name == name) return;
    shortcodes_->push_back(ShortcodeUse{std::string(name), line_});
  }

  std::string_view text_;
  std::vector<ShortcodeUse>* shortcodes_;
  std::size_t counted_to_ = 0;
  int line_ = 1;
  std::string out_;
  std::size_t pos_ = 0;
  ParagraphEnds paragraphs_;
  ForwardFinder shortcode_angle_close_;
  ForwardFinder shortcode_percent_close_;
  ForwardFinder action_close_;
  ForwardFinder tag_close_;
  ForwardFinder comment_close_;
  ForwardFinder backtick_;
  // For each backtick run length, the position before which no closing run exists.
  std::array<std::size_t, kMaxCodeSpanTicks + 1> no_closer_before_{};
};

}  // namespace

std::string strip_templates(std::string_view markdown, std::vector<ShortcodeUse>* shortcodes) {
  return TemplateStripper(markdown, shortcodes).run();
}

}  // namespace folio
