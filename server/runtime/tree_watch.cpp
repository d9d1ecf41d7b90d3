#include "runtime/tree_watch.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "folio/error.hpp"

namespace folio::server {
namespace {

namespace fs = std::filesystem;

// What may change what the indexer reads. IN_CLOSE_WRITE rather than IN_MODIFY: an editor's save
// is one event when the file is complete, not one per write(2) of a half-written file. IN_ATTRIB
// covers `touch`; IN_MOVED_* covers renames, and editors that write a temporary file and rename
// it over the article.
constexpr std::uint32_t kFolderEvents = IN_CREATE | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE |
                                        IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR |
                                        IN_EXCL_UNLINK;

bool is_hidden(std::string_view name) {
  return !name.empty() && name.front() == '.';
}

// Hugo's and Zola's section files (_index.md) cascade settings to the pages below them, and a
// leaf bundle's index.md turns the files beside it into resources: a change to either can
// change other pages.
bool places_other_pages(const std::string& name) {
  return name.rfind("index.", 0) == 0 || name.rfind("_index.", 0) == 0;
}

std::string canonical_or_same(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

Error io_error(const std::string& what, const std::string& path) {
  std::string reason = what + ": " + std::strerror(errno);
  if (errno == ENOSPC) reason += " (raise fs.inotify.max_user_watches)";
  return Error(ErrorCode::io, reason, SourceLocation{path});
}

}  // namespace

TreeWatch::TreeWatch(const std::vector<std::string>& roots, std::vector<std::string> skipped) {
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) throw io_error("cannot start inotify", {});
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) {
    ::close(inotify_fd_);
    throw io_error("cannot create an eventfd", {});
  }
  for (const std::string& path : skipped)
    skipped_.push_back(canonical_or_same(path));
  try {
    for (const std::string& root : roots) {
      std::error_code ec;
      if (!fs::is_directory(root, ec))
        throw Error(ErrorCode::io, "the content folder to watch is not a folder", {root});
      add_tree(root);
    }
  } catch (...) {
    ::close(inotify_fd_);
    ::close(wake_fd_);
    throw;
  }
}

TreeWatch::~TreeWatch() {
  ::close(inotify_fd_);
  ::close(wake_fd_);
}

// Watches `folder` and the folders below it. A folder created inside a new folder before its
// watch was added raises no event of its own: walking the tree after adding each watch finds it.
void TreeWatch::add_tree(const std::string& folder) {
  if (std::find(skipped_.begin(), skipped_.end(), canonical_or_same(folder)) != skipped_.end())
    return;
  const int wd = inotify_add_watch(inotify_fd_, folder.c_str(), kFolderEvents);
  if (wd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return;  // gone again already
    throw io_error("cannot watch a folder", folder);
  }
  paths_[wd] = folder;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_error;
    if (!is_hidden(name) && it->is_directory(type_error) && !it->is_symlink(type_error))
      add_tree(it->path().string());
  }
}

// A folder moved elsewhere: its old paths would be wrong (and it may have left the tree).
void TreeWatch::remove_tree(const std::string& folder) {
  for (auto it = paths_.begin(); it != paths_.end();) {
    const std::string& path = it->second;
    const bool below = path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
                       path[folder.size()] == '/';
    if (path == folder || below) {
      inotify_rm_watch(inotify_fd_, it->first);
      it = paths_.erase(it);
    } else {
      ++it;
    }
  }
}

bool TreeWatch::wait(std::chrono::milliseconds timeout) {
  std::array<pollfd, 2> fds{pollfd{inotify_fd_, POLLIN, 0}, pollfd{wake_fd_, POLLIN, 0}};
  const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(timeout.count()));
  if (ready <= 0 || (fds[1].revents & POLLIN) != 0) return false;
  return read_events();
}

void TreeWatch::interrupt() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = ::write(wake_fd_, &one, sizeof one);
}

bool TreeWatch::read_events() {
  alignas(inotify_event) std::array<char, 64 * 1024> buffer;
  bool relevant = false;
  for (;;) {
    const ssize_t length = ::read(inotify_fd_, buffer.data(), buffer.size());
    if (length <= 0) return relevant;  // EAGAIN: all read
    for (ssize_t offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        relevant = true;  // events were lost, new folders among them maybe: watch again
        changes_.everything = true;
        for (const auto& [wd, path] : std::map<int, std::string>(paths_))
          add_tree(path);
        continue;
      }
      if (event->mask & IN_IGNORED) {
        paths_.erase(event->wd);
        continue;
      }
      const auto folder = paths_.find(event->wd);
      if (folder == paths_.end()) continue;
      const std::string name = event->len > 0 ? std::string(event->name) : std::string();
      if (is_hidden(name)) continue;  // editors' swap and temporary files; the walk skips them
      relevant = true;
      const std::string folder_path = folder->second;  // add_tree and remove_tree change paths_
      note(folder_path, name, event->mask);
      if (!(event->mask & IN_ISDIR)) continue;
      const std::string path = folder_path + "/" + name;
      if (event->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(path);
      if (event->mask & IN_MOVED_FROM) remove_tree(path);
    }
  }
}

void TreeWatch::note(const std::string& folder, const std::string& name, std::uint32_t mask) {
  // A folder's own event (deleted, moved) or a folder in it: files appear or vanish unnamed.
  if (name.empty() || (mask & IN_ISDIR) || places_other_pages(name)) {
    changes_.everything = true;
  } else {
    changes_.files.insert(folder + "/" + name);
  }
}

TreeChanges TreeWatch::take_changes() {
  TreeChanges taken = std::move(changes_);
  changes_ = TreeChanges{};
  return taken;
}

void TreeChanges::merge(TreeChanges&& other) {
  everything = everything || other.everything;
  files.merge(other.files);
}

}  // namespace folio::server
