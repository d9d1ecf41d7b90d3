#include "content/markdown/cmark_document.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <memory>
#include <mutex>
#include <new>

namespace folio::detail {
namespace {

GfmExtensions load_extensions() {
  cmark_gfm_core_extensions_ensure_registered();
  GfmExtensions extensions;
  extensions.table = cmark_find_syntax_extension("table");
  extensions.strikethrough = cmark_find_syntax_extension("strikethrough");
  extensions.autolink = cmark_find_syntax_extension("autolink");
  extensions.tasklist = cmark_find_syntax_extension("tasklist");
  return extensions;
}

// cmark-gfm 0.29 keeps the inline parser's table of special characters in a global that every
// parser edits: extensions add their characters ('~', '|', ':', 'w') when parsing starts and remove
// them when it ends (the table extension even does so for every row). Two documents parsed at
// once therefore lose each other's autolinks and strikethrough at random. Parsing is serialised;
// walking the finished trees (most of folio's own work) runs in parallel.
std::mutex& parse_mutex() {
  static std::mutex mutex;
  return mutex;
}

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

}  // namespace

const GfmExtensions& gfm_extensions() {
  static const GfmExtensions extensions = load_extensions();  // thread-safe initialisation
  return extensions;
}

CmarkDocument::CmarkDocument(std::string_view markdown) {
  const GfmExtensions& extensions = gfm_extensions();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
  if (!parser) throw std::bad_alloc();
  for (cmark_syntax_extension* extension :
       {extensions.table, extensions.strikethrough, extensions.autolink, extensions.tasklist}) {
    if (extension != nullptr) cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  {
    const std::lock_guard<std::mutex> lock(parse_mutex());
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    root_ = cmark_parser_finish(parser.get());
  }
  if (root_ == nullptr) throw std::bad_alloc();
}

CmarkDocument::~CmarkDocument() {
  cmark_node_free(root_);
}

}  // namespace folio::detail
