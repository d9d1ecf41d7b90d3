#include "search/index_handle.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <utility>

#include "folio/error.hpp"
#include "store/schema_version.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kGlassVersionFile = "iamglass";

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error(ErrorCode::not_found, "no index at " + path + " (run `folio index` first)");
  }
  try {
    Xapian::Database db(path);
    require_current_schema(db, path);
    return db;
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::not_found, "no index at " + path + " (run `folio index` first)");
  } catch (const Xapian::Error& e) {
    throw_database_error(e, "cannot open the index at " + path);
  }
}

// The generation a stub names: "auto gen-000003" -> "gen-000003".
std::string stub_target(const std::string& content) {
  std::istringstream in(content);
  std::string backend, target;
  in >> backend >> target;
  return target;
}

}  // namespace

void throw_database_error(const Xapian::Error& error, const std::string& context) {
  throw Error(ErrorCode::database, context + ": " + error.get_description());
}

IndexHandle::IndexHandle(std::vector<std::string> paths) : paths_(std::move(paths)) {
  if (paths_.empty()) throw Error(ErrorCode::invalid_argument, "no index path given");
  reopen_from_scratch();
}

namespace {

long long mtime_ns(const struct stat& info) {
  return static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

bool file_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

}  // namespace

IndexHandle::WatchedFile::WatchedFile(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd_ >= 0 && ::fstat(fd_, &info) == 0) {
    mtime_ns_ = mtime_ns(info);
    size_ = static_cast<long long>(info.st_size);
    device_ = static_cast<unsigned long long>(info.st_dev);
    inode_ = static_cast<unsigned long long>(info.st_ino);
  }
}

IndexHandle::WatchedFile::~WatchedFile() {
  if (fd_ >= 0) ::close(fd_);
}

IndexHandle::WatchedFile::WatchedFile(WatchedFile&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      mtime_ns_(other.mtime_ns_),
      size_(other.size_),
      device_(other.device_),
      inode_(other.inode_) {}

IndexHandle::WatchedFile& IndexHandle::WatchedFile::operator=(WatchedFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    mtime_ns_ = other.mtime_ns_;
    size_ = other.size_;
    device_ = other.device_;
    inode_ = other.inode_;
  }
  return *this;
}

bool IndexHandle::WatchedFile::changed() const {
  struct stat info {};
  if (fd_ < 0 || ::fstat(fd_, &info) != 0) return true;
  if (info.st_nlink == 0 || mtime_ns(info) != mtime_ns_ ||
      static_cast<long long>(info.st_size) != size_) {
    return true;
  }
  // The path may now lead elsewhere while the file itself is untouched: a symlink on the way
  // (the index folder's, in a deploy that builds beside and swaps a link) was pointed at another
  // index.
  struct stat now {};
  return ::stat(path_.c_str(), &now) != 0 ||
         static_cast<unsigned long long>(now.st_dev) != device_ ||
         static_cast<unsigned long long>(now.st_ino) != inode_;
}

std::string IndexHandle::WatchedFile::content() const {
  std::string out;
  if (fd_ < 0) return out;
  char buffer[512];
  for (off_t at = 0;;) {
    ssize_t n = ::pread(fd_, buffer, sizeof buffer, at);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    at += n;
  }
  return out;
}

IndexHandle::Watch IndexHandle::watch(const std::string& path) {
  Watch w;
  w.stub_path = (fs::path(path) / kStubName).string();
  w.stub = WatchedFile(w.stub_path);
  fs::path database = path;
  if (w.stub.is_open()) {
    // Read through the descriptor: the generation of the very stub being watched.
    std::string target = stub_target(w.stub.content());
    database = fs::path(target).is_absolute() ? fs::path(target) : fs::path(path) / target;
  }
  fs::path version = database / kGlassVersionFile;
  WatchedFile version_file(version.string());
  if (version_file.is_open()) {
    w.version_file = version.string();
    w.version = std::move(version_file);
  }
  return w;
}

void IndexHandle::reopen_from_scratch() {
  std::vector<Watch> watches;
  for (const auto& path : paths_)
    watches.push_back(watch(path));
  Xapian::Database combined;
  for (const auto& path : paths_)
    combined.add_database(open_one(path));
  db_ = std::move(combined);
  watches_ = std::move(watches);
  remember_identity();
}

void IndexHandle::remember_identity() {
  identity_.clear();
  if (paths_.size() != 1) return;  // Xapian gives a revision for a single database only
  try {
    identity_ = db_.get_uuid() + ":" + std::to_string(db_.get_revision());
  } catch (const Xapian::Error&) {
    identity_.clear();
  }
}

bool IndexHandle::refresh() {
  bool ask_xapian = false;
  bool committed = false;
  for (Watch& w : watches_) {
    bool stub_changed = w.stub.is_open() ? w.stub.changed() : file_exists(w.stub_path);
    if (stub_changed) {
      reopen_from_scratch();  // a rebuild swapped the generation
      return true;
    }
    if (w.version_file.empty()) {
      ask_xapian = true;
      continue;
    }
    if (w.version.changed()) {
      // Watch the new version first, so the reopen below sees at least that commit.
      w.version = WatchedFile(w.version_file);
      committed = true;
    }
  }
  if (!ask_xapian && !committed) return false;
  try {
    bool changed = db_.reopen() || committed;
    if (changed) remember_identity();
    return changed;
  } catch (const Xapian::Error&) {
    reopen_from_scratch();
    return true;
  }
}

std::string IndexHandle::revision() const {
  std::string revision;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (i > 0) revision += ',';
    std::string generation =
        watches_[i].stub.is_open() ? stub_target(watches_[i].stub.content()) : std::string();
    try {
      Xapian::Database one(paths_[i]);
      revision += (generation.empty() ? std::string() : generation + ":") +
                  std::to_string(one.get_revision());
    } catch (const Xapian::Error&) {
      revision += generation;
    }
  }
  return revision;
}

}  // namespace folio::detail
