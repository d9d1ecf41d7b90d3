#include "progress.hpp"

#include <unistd.h>

#include <string>

namespace folio::cli {
namespace {

constexpr int kBarWidth = 30;
constexpr double kPlainLineInterval = 5.0;  // seconds between lines when not on a terminal

}  // namespace

ProgressDisplay::ProgressDisplay(std::FILE* out)
    : out_(out), terminal_(::isatty(fileno(out)) == 1) {}

void ProgressDisplay::update(const IndexProgress& p) {
  if (p.total == 0) return;
  double rate = p.elapsed_seconds > 0 ? double(p.done) / p.elapsed_seconds : 0;
  double eta = rate > 0 ? double(p.total - p.done) / rate : 0;
  if (!terminal_) {
    if (p.elapsed_seconds - last_line_seconds_ < kPlainLineInterval || p.done == p.total) return;
    last_line_seconds_ = p.elapsed_seconds;
    std::fprintf(out_, "folio: %zu/%zu files, %.0f articles/s\n", p.done, p.total, rate);
    return;
  }
  int filled = static_cast<int>(double(kBarWidth) * double(p.done) / double(p.total));
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kBarWidth - filled), '-');
  std::fprintf(out_, "\r[%s] %zu/%zu %3.0f%% %6.0f articles/s ETA %4.1fs ", bar.c_str(), p.done,
               p.total, 100.0 * double(p.done) / double(p.total), rate, eta);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressDisplay::finish() {
  if (drawn_) std::fprintf(out_, "\r%*s\r", kBarWidth + 60, "");
  drawn_ = false;
}

}  // namespace folio::cli
