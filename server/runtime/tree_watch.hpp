// --watch: inotify(7) over content folders, every folder below them included, and folders that
// appear later (mkdir, or moved in). It says which files changed, or that anything may have: the
// incremental indexer then looks only at those, and decides by modification time and content
// hash whether they did.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace folio::server {

// What changed since it was last asked, for the indexer's hint (IndexRequest::only_files).
struct TreeChanges {
  // Anything may have changed beyond `files`: a folder was created, moved or deleted, events were
  // lost, or a file changed that decides other files' pages (a section's _index.md, a bundle's
  // index.md). The indexer must then look at every file.
  bool everything = false;
  std::set<std::string> files;  // files created, written, renamed (both names) or deleted
  void merge(TreeChanges&& other);
  bool empty() const { return !everything && files.empty(); }
};

class TreeWatch {
 public:
  // Watches `roots` and every folder below them except hidden ones (the indexer skips them too)
  // and `skipped` (the index, when it lives inside a content folder: its own commits must not
  // look like edits). Throws folio::Error{io} when inotify or a root cannot be watched.
  TreeWatch(const std::vector<std::string>& roots, std::vector<std::string> skipped);
  ~TreeWatch();
  TreeWatch(const TreeWatch&) = delete;
  TreeWatch& operator=(const TreeWatch&) = delete;

  // Waits up to `timeout` for changes. True when a file or folder that the indexer may read was
  // created, written, renamed or deleted, or when the kernel's event queue overflowed (then
  // anything may have changed). False on timeout or after interrupt().
  bool wait(std::chrono::milliseconds timeout);
  // Wakes a wait() in progress, and every later one, at once: for stopping. Any thread.
  void interrupt();
  // What the waits have seen since the last call.
  TreeChanges take_changes();
  std::size_t folders() const { return paths_.size(); }

 private:
  void add_tree(const std::string& folder);
  void remove_tree(const std::string& folder);
  bool read_events();  // true when one of them matters
  void note(const std::string& folder, const std::string& name, std::uint32_t mask);

  int inotify_fd_ = -1;
  int wake_fd_ = -1;  // an eventfd that interrupt() makes readable
  std::vector<std::string> skipped_;
  std::map<int, std::string> paths_;  // watch descriptor -> folder
  TreeChanges changes_;
};

}  // namespace folio::server
