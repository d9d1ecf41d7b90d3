// Owning wrappers around cmark-gfm's parser, document and iterator (private to folio::core).
#pragma once

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <string_view>

namespace folio::detail {

// The GFM extensions folio parses with, registered once per process.
struct GfmExtensions {
  cmark_syntax_extension* table = nullptr;
  cmark_syntax_extension* strikethrough = nullptr;
  cmark_syntax_extension* autolink = nullptr;
  cmark_syntax_extension* tasklist = nullptr;
};
const GfmExtensions& gfm_extensions();

// A parsed Markdown document (GFM tables, strikethrough, autolinks, task lists, footnotes).
class CmarkDocument {
 public:
  explicit CmarkDocument(std::string_view markdown);
  ~CmarkDocument();
  CmarkDocument(const CmarkDocument&) = delete;
  CmarkDocument& operator=(const CmarkDocument&) = delete;

  cmark_node* root() const { return root_; }

 private:
  cmark_node* root_ = nullptr;
};

class CmarkIterator {
 public:
  explicit CmarkIterator(cmark_node* root) : iter_(cmark_iter_new(root)) {}
  ~CmarkIterator() { cmark_iter_free(iter_); }
  CmarkIterator(const CmarkIterator&) = delete;
  CmarkIterator& operator=(const CmarkIterator&) = delete;

  cmark_event_type next() { return cmark_iter_next(iter_); }
  cmark_node* node() const { return cmark_iter_get_node(iter_); }
  // Continues after `node` without visiting its children.
  void skip_children(cmark_node* node) { cmark_iter_reset(iter_, node, CMARK_EVENT_EXIT); }

 private:
  cmark_iter* iter_;
};

}  // namespace folio::detail
