#include "source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <type_traits>

#include "parallel.h"
#include "text.h"

namespace awslint {

namespace {
void set_size(std::string& b, std::size_t n) { b.resize(n); }
void set_size(BigText& b, std::size_t n) {  // read() fills it: no memset
  const bool grow = n > b.size();
  b.resize_uninitialized(n);
  if (grow) big_hint_mostly(b.data(), n);
}

template <class Data>
Data read_real(const std::string& path, std::size_t cap) {
  Data d;
  // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOCTTY: a terminal never becomes ours.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    d.status = (err == ENOENT || err == ENOTDIR) ? ReadStatus::Missing : ReadStatus::Unreadable;
    d.error = std::strerror(err);
    return d;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    d.status = ReadStatus::Unreadable;
    d.error = std::strerror(errno);
    ::close(fd);
    return d;
  }
  if (!S_ISREG(st.st_mode)) {
    d.status = ReadStatus::NotRegular;
    d.error = S_ISDIR(st.st_mode)    ? "is a directory"
              : S_ISFIFO(st.st_mode) ? "is a FIFO, not a regular file"
              : S_ISCHR(st.st_mode)  ? "is a character device, not a regular file"
              : S_ISBLK(st.st_mode)  ? "is a block device, not a regular file"
              : S_ISSOCK(st.st_mode) ? "is a socket, not a regular file"
                                     : "is not a regular file";
    ::close(fd);
    return d;
  }
  if (static_cast<std::size_t>(st.st_size) > cap) {
    d.status = ReadStatus::TooLarge;
    d.error = "is larger than the " + std::to_string(cap >> 20) + " MiB size cap";
    ::close(fd);
    return d;
  }
  // Read exactly st_size bytes into a buffer of that size, then check with a small read whether
  // the file grew meanwhile (a live log, /proc-like files): such content is appended, within the cap.
  set_size(d.bytes, static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  bool failed = false;
  auto read_some = [&](char* buf, std::size_t n) -> ssize_t {
    while (true) {
      const ssize_t r = ::read(fd, buf, n);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0 && errno != EAGAIN) {
        d.error = std::strerror(errno);
        failed = true;
      }
      return r < 0 ? 0 : r;
    }
  };
  // A big file is read in two halves side by side (pread), on as many threads: most of the cost
  // is the kernel faulting in the fresh buffer, which two threads do at once.
  const std::size_t size = d.bytes.size();
  const std::size_t mid = (size / 2) & ~((std::size_t{2} << 20) - 1);  // at a 2 MiB boundary
  bool halves = false;
  if constexpr (std::is_same_v<Data, SourceData>) {
    if (threads_for(size) > 1 && mid > 0) {
      halves = true;
      std::size_t half_got[2] = {0, 0};
      int half_err[2] = {0, 0};
      const std::size_t from[2] = {0, mid}, to[2] = {mid, size};
      parallel_for(2, 2, [&](std::size_t h) {
        std::size_t at = from[h];
        while (at < to[h]) {
          const ssize_t r = ::pread(fd, d.bytes.data() + at, to[h] - at, static_cast<off_t>(at));
          if (r < 0 && errno == EINTR) continue;
          if (r < 0) half_err[h] = errno;
          if (r <= 0) break;
          at += static_cast<std::size_t>(r);
        }
        half_got[h] = at - from[h];
      });
      for (int e : half_err)
        if (e && e != EAGAIN) {
          d.error = std::strerror(e);
          failed = true;
        }
      // The file shrank while read: what the first half got is all there is.
      got = half_got[0] < mid ? half_got[0] : mid + half_got[1];
      // The small read below (did it grow?) goes on from there.
      if (::lseek(fd, static_cast<off_t>(got), SEEK_SET) < 0 && !failed) {
        d.error = std::strerror(errno);
        failed = true;
      }
    }
  }
  while (!halves && got < size) {
    const ssize_t r = read_some(d.bytes.data() + got, d.bytes.size() - got);
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  set_size(d.bytes, got);
  char extra[4096];
  while (!failed) {
    const ssize_t r = read_some(extra, sizeof extra);
    if (r == 0) break;
    if (d.bytes.size() + static_cast<std::size_t>(r) > cap) {
      d.status = ReadStatus::TooLarge;
      d.error = "is larger than the " + std::to_string(cap >> 20) + " MiB size cap";
      ::close(fd);
      d.bytes.clear();
      return d;
    }
    d.bytes.append(extra, static_cast<std::size_t>(r));
  }
  ::close(fd);
  if (failed) {
    d.status = ReadStatus::Unreadable;
    d.bytes.clear();
    return d;
  }
  d.status = ReadStatus::Ok;
  return d;
}
}  // namespace

FileData RealFileSystem::read(const std::string& path, std::size_t cap) const { return read_real<FileData>(path, cap); }

SourceData RealFileSystem::read_source(const std::string& path, std::size_t cap) const {
  return read_real<SourceData>(path, cap);
}

SourceData FileSystem::read_source(const std::string& path, std::size_t cap) const {
  FileData f = read(path, cap);
  SourceData d;
  d.status = f.status;
  d.error = std::move(f.error);
  if (f.status == ReadStatus::Ok) d.bytes = BigText(f.bytes);
  return d;
}

bool RealFileSystem::is_directory(const std::string& path) const {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::size_t FileSystem::size_hint(const std::string& path) const {
  const FileData d = read(path, kMaxFileSize);
  return d.status == ReadStatus::Ok ? d.bytes.size() : 0;
}

std::size_t RealFileSystem::size_hint(const std::string& path) const {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
}

bool RealFileSystem::exists(const std::string& path) const {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

FileData MemoryFileSystem::read(const std::string& path, std::size_t cap) const {
  FileData d;
  auto it = files.find(path);
  if (it == files.end()) {
    d.status = ReadStatus::Missing;
    d.error = "No such file or directory";
    return d;
  }
  if (it->second.size() > cap) {
    d.status = ReadStatus::TooLarge;
    d.error = "is larger than the size cap";
    return d;
  }
  d.status = ReadStatus::Ok;
  d.bytes = it->second;
  return d;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  const std::string prefix = path.ends_with('/') ? path : path + "/";
  auto it = files.lower_bound(prefix);
  return it != files.end() && it->first.starts_with(prefix);
}

void load_source(const FileSystem& fs, SourceFile& out, std::size_t cap) {
  SourceData d = fs.read_source(out.path, cap);
  out.status = d.status;
  out.error = std::move(d.error);
  if (d.status == ReadStatus::Ok) out.parsed = lex(std::move(d.bytes));
}

bool is_modelled_var(std::string_view name) { return name.starts_with("AWS_"); }

void parse_env_file(std::string_view content, Environment& env) {
  std::uint32_t lineno = 0;
  std::size_t pos = 0;
  if (content.starts_with("\xEF\xBB\xBF")) pos = 3;  // docker strips a BOM
  while (pos <= content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (line.ends_with('\r')) line.remove_suffix(1);
    // docker: leading white space is trimmed, then blank and '#' lines are skipped.
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    line.remove_prefix(lead);
    if (line.empty() || line[0] == '#') {
      if (nl == content.size()) break;
      continue;
    }
    const std::size_t eq = line.find('=');
    const std::string_view name = line.substr(0, eq);
    bool ok = !name.empty();
    for (char c : name)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) ok = false;
    if (!ok || eq == std::string_view::npos) {
      // `NAME` alone takes the value from the host's environment in docker: nothing to lint here.
      if (!(ok && eq == std::string_view::npos)) env.bad_lines.push_back(lineno);
    } else if (is_modelled_var(name)) {
      env.vars.push_back(EnvVar{std::string(name), std::string(line.substr(eq + 1)), lineno});
    }
    if (nl == content.size()) break;
  }
}

void load_process_env(Environment& env, char** envp) {
  for (char** e = envp; e && *e; ++e) {
    std::string_view kv(*e);
    const std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = kv.substr(0, eq);
    if (!is_modelled_var(name)) continue;
    env.vars.push_back(EnvVar{std::string(name), std::string(kv.substr(eq + 1)), 0});
  }
  std::stable_sort(env.vars.begin(), env.vars.end(), [](const EnvVar& a, const EnvVar& b) { return a.name < b.name; });
}

std::string current_dir() {
  std::string buf(4096, '\0');
  if (::getcwd(buf.data(), buf.size()) == nullptr) return {};
  buf.resize(std::strlen(buf.c_str()));
  return buf;
}

std::string display_path(const std::string& path, const std::string& cwd) {
  if (cwd.empty() || path.empty() || path[0] != '/') {
    if (path.starts_with("./")) return path.substr(2);
    return path;
  }
  if (path.size() > cwd.size() && path.compare(0, cwd.size(), cwd) == 0 && path[cwd.size()] == '/')
    return path.substr(cwd.size() + 1);
  return path;
}

}  // namespace awslint
