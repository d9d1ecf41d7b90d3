// The open index (or indexes, searched as one) behind a Searcher, kept current: new commits are
// picked up with Database::reopen(), and a full rebuild, which swaps the XAPIANDB stub file to a
// new generation, is noticed by watching the stub and answered by opening afresh. Both files are
// watched through descriptors kept open: a file renamed over (how the stub and Xapian's version
// file are replaced) drops the old one's link count to 0, so one fstat(2) per file, with no
// path lookup, tells whether anything changed. Checking before every search costs about a
// microsecond.
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
  // The uuid and revision of the database being read, cheap to ask: what a cache of its
  // documents is keyed by. Empty when unknown (several databases searched as one).
  const std::string& identity() const { return identity_; }

 private:
  // A file held open to notice its replacement or change cheaply. Move-only.
  class WatchedFile {
   public:
    WatchedFile() = default;
    explicit WatchedFile(const std::string& path);  // not open if the file does not exist
    ~WatchedFile();
    WatchedFile(WatchedFile&& other) noexcept;
    WatchedFile& operator=(WatchedFile&& other) noexcept;
    bool is_open() const { return fd_ >= 0; }
    // Replaced, removed or written since it was opened, or its path now leads to another file.
    bool changed() const;
    // The whole file as it was when opened (for a rewrite in place: as it is now).
    std::string content() const;

   private:
    std::string path_;
    int fd_ = -1;
    long long mtime_ns_ = 0;
    long long size_ = 0;
    unsigned long long device_ = 0;
    unsigned long long inode_ = 0;
  };
  // What is watched of one index path: its stub (which generation is current) and the version
  // file of the database it names (rewritten by every commit).
  struct Watch {
    std::string stub_path;
    WatchedFile stub;          // not open: the path has no stub, its appearance is watched for
    std::string version_file;  // empty: unknown layout, ask Xapian on every refresh
    WatchedFile version;
  };
  std::vector<std::string> paths_;
  std::vector<Watch> watches_;
  Xapian::Database db_;
  std::string identity_;

  void remember_identity();
  static Watch watch(const std::string& path);
};

// Translates a Xapian exception into folio::Error{database}.
[[noreturn]] void throw_database_error(const Xapian::Error& error, const std::string& context);

}  // namespace folio::detail
