// Reading inputs: files behind a small interface (so tests can use strings), the environment,
// and --env-file. Reading never blocks (FIFOs), never follows a device forever (size cap), and
// never writes.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace awslint {

constexpr std::size_t kMaxFileSize = 64u << 20;  // 64 MiB: far above any real config

struct FileData {
  ReadStatus status = ReadStatus::Missing;
  std::string error;  // strerror text or why it was refused
  std::string bytes;
};

// A config or credentials file as read for the lexer: the bytes in a BigText (no copy on the way).
struct SourceData {
  ReadStatus status = ReadStatus::Missing;
  std::string error;
  BigText bytes;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual FileData read(const std::string& path, std::size_t cap) const = 0;
  // The same into a BigText (by default a copy of read()'s bytes).
  virtual SourceData read_source(const std::string& path, std::size_t cap) const;
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  // The size of a regular file as it stands (0 for anything else): only to decide whether reading
  // it is worth a thread of its own. Thread-safe, like every method here.
  virtual std::size_t size_hint(const std::string& path) const;
};

// The real file system: open(O_NONBLOCK), fstat, refuse non-regular files, read at most cap.
class RealFileSystem final : public FileSystem {
 public:
  FileData read(const std::string& path, std::size_t cap) const override;
  SourceData read_source(const std::string& path, std::size_t cap) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::size_t size_hint(const std::string& path) const override;
};

// In-memory files, for tests.
class MemoryFileSystem final : public FileSystem {
 public:
  std::map<std::string, std::string> files;
  FileData read(const std::string& path, std::size_t cap) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override { return files.count(path) > 0; }
  std::size_t size_hint(const std::string& path) const override {
    const auto it = files.find(path);
    return it == files.end() ? 0 : it->second.size();
  }
};

// Reads a config or credentials file into a SourceFile (parsing it when read).
void load_source(const FileSystem& fs, SourceFile& out, std::size_t cap = kMaxFileSize);

// Parses `docker run --env-file` content: KEY=VALUE lines, '#' comment lines, blank lines; no
// quoting. Lines that are not KEY=VALUE are recorded in bad_lines. Keeps AWS_* variables.
void parse_env_file(std::string_view content, Environment& env);

// The process environment's AWS_* variables, sorted by name.
void load_process_env(Environment& env, char** envp);

// Whether an environment variable is one awslint models (AWS_*).
bool is_modelled_var(std::string_view name);

// A display path: relative to cwd when under it, else as given.
std::string display_path(const std::string& path, const std::string& cwd);

std::string current_dir();

}  // namespace awslint
