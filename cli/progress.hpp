// Progress display for long runs: a bar with articles/s and ETA when stderr is a terminal,
// a plain line every few seconds otherwise (CI logs, site builds).
#pragma once

#include <cstdio>

#include "folio/indexer.hpp"

namespace folio::cli {

class ProgressDisplay {
 public:
  explicit ProgressDisplay(std::FILE* out);
  void update(const IndexProgress& progress);
  void finish();  // clears the bar

 private:
  std::FILE* out_;
  bool terminal_;
  bool drawn_ = false;
  double last_line_seconds_ = 0;
};

}  // namespace folio::cli
