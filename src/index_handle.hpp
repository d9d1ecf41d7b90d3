// The open index (or indexes, searched as one) behind a Searcher, kept current: new commits are
// picked up with Database::reopen(), and a full rebuild, which swaps the XAPIANDB stub file to a
// new generation, is noticed by watching the stub and answered by opening afresh. Both checks
// are stat(2) calls, so checking before every search is cheap.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace folio::detail {

class IndexHandle {
 public:
  // Throws Error{not_found} when a path holds no index, Error{database} when one cannot be opened.
  explicit IndexHandle(std::vector<std::string> paths);

  Xapian::Database& db() { return db_; }
  const std::vector<std::string>& paths() const { return paths_; }

  // Reopens if anything changed since the last call; true if it did.
  bool refresh();
  // Opens every path afresh (after DatabaseModifiedError, or when a stub changed).
  void reopen_from_scratch();
  // Changes with every commit or generation swap.
  std::string revision() const;

 private:
  struct FileState {
    bool exists = false;
    unsigned long long inode = 0;
    long long mtime_ns = 0;
    long long size = 0;
    bool operator==(const FileState&) const = default;
  };
  // What is watched of one index path: its stub (which generation is current) and the version
  // file of the database it names (rewritten by every commit).
  struct Watch {
    FileState stub;
    std::string version_file;  // empty: unknown layout, ask Xapian on every refresh
    FileState version;
  };
  std::vector<std::string> paths_;
  std::vector<Watch> watches_;
  Xapian::Database db_;

  static FileState stat_file(const std::string& path);
  static Watch watch(const std::string& path);
  static std::string read_stub_content(const std::string& path);
};

// Translates a Xapian exception into folio::Error{database}.
[[noreturn]] void throw_database_error(const Xapian::Error& error, const std::string& context);

}  // namespace folio::detail
