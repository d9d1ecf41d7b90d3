// The on-disk layout of a folio index folder:
//   folio-index/XAPIANDB       Xapian stub naming the current generation ("auto gen-000003")
//   folio-index/gen-000003/    the current generation, a Xapian glass database
//   folio-index/gen-000002/    the previous one, kept for readers still on it until the next
//                              rebuild
//   folio-index/folio.lock     held with flock(2) by the one process writing
#pragma once

#include <string>
#include <vector>

namespace folio::detail {

std::string stub_path(const std::string& db_path);
// The folder name of the current generation ("gen-000003"), or "" when there is none.
std::string read_current_generation(const std::string& db_path);
// Points the stub at `generation` atomically (write a temporary file, fsync, rename, fsync dir).
void write_current_generation(const std::string& db_path, const std::string& generation);
// "gen-000001", "gen-000002", ...: every generation folder present, sorted.
std::vector<std::string> list_generations(const std::string& db_path);
std::string next_generation_name(const std::string& db_path);
// Removes generation folders other than `keep_a` and `keep_b` (left over by crashes or old swaps).
void remove_stale_generations(const std::string& db_path, const std::string& keep_a,
                              const std::string& keep_b);
// Removes what a rebuild killed before its swap left behind: generations newer than `current`
// (nothing reads them: the stub never named them) and every shard folder. For update runs, which
// otherwise left them until the next rebuild.
void remove_unfinished_rebuilds(const std::string& db_path, const std::string& current);
// Flushes the files of `folder` and the folder itself to disk, after DB_NO_SYNC writes.
void sync_folder(const std::string& folder);

// An exclusive, non-blocking flock(2) on folio.lock, released on destruction or process death.
class IndexLock {
 public:
  // Creates the index folder if needed. Throws Error{locked} if another process holds the lock.
  explicit IndexLock(const std::string& db_path);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace folio::detail
